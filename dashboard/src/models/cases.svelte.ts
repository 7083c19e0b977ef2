/**
 * The records behind one of a unit's numbers (issue 20, item 1): an indicator's numerator or
 * denominator — dossiers, complaints, consultations, delay charges, units, catalog entries — or,
 * without an indicator, the period's dossiers by status; each with the rule that classified it.
 * The server pages the list (`CASES_PAGE_SIZE` a page); more pages on demand; the export asks for
 * every page. Same guard as the scorecard: a unit officer never requests another unit's list.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { SvelteMap } from "svelte/reactivity";
import { type ApiClient, type ApiError, type ListQuery, isAbortError, isNotFound, toApiError } from "../lib/api.js";
import type { CaseTimeline } from "@scorecard/shared/contracts/case-timeline";
import { type Waited, waited } from "../lib/case-view.js";
import type { DemoUser, IndicatorList, ListRecord } from "../lib/api-types.js";
import { type Methodology, methodologies } from "../lib/methodology.js";
import { LoadSequence, type PagePhase } from "../lib/page-state.svelte.js";
import { mayOpenUnit } from "./scorecard.svelte.js";

export const CASE_STATUSES = ["EARLY", "ON_TIME", "LATE", "OVERDUE", "IN_PROGRESS", "EXCLUDED"] as const;
export const LIST_PARTS = ["numerator", "denominator"] as const;
export type ListPart = (typeof LIST_PARTS)[number];

/** Which list a page shows: an indicator's part, or (no indicator) the period's dossiers, filtered by `status`. */
export interface ListView {
  readonly indicator?: string | undefined;
  readonly part?: ListPart | undefined;
  readonly status?: string | undefined;
}

const INDICATOR = /^[A-Z][A-Z0-9_]{0,15}$/;

/**
 * The view as the URL asks for it, cleaned: an unknown status or part is dropped, an indicator's
 * part defaults to its denominator, and the status filter belongs to the period's dossiers only —
 * an indicator's list is whole, so that its total is the scorecard's number.
 */
export function listViewOf(params: { readonly indicator?: string | undefined; readonly part?: string | undefined; readonly status?: string | undefined }): ListView {
  const indicator = params.indicator && INDICATOR.test(params.indicator) ? params.indicator : undefined;
  if (indicator) return { indicator, part: (LIST_PARTS as readonly string[]).includes(params.part ?? "") ? (params.part as ListPart) : "denominator" };
  const status = params.status && (CASE_STATUSES as readonly string[]).includes(params.status) ? params.status : undefined;
  return status ? { status } : {};
}

/** Records a page of the list holds (the server's default page). */
export const CASES_PAGE_SIZE = 50;
/** The largest page the export asks for (the server's LIST_PAGE_MAX, shared/src/contracts/indicator-lists.ts). */
export const EXPORT_PAGE = 1000;

/** A list as shown: its first page (kind, total, count, run) and every record loaded so far. */
export interface ShownList {
  readonly head: IndicatorList;
  readonly records: readonly ListRecord[];
}

/** Why a list shows nothing: the period's lists predate indicators' lists (scored again, they come), or there is nothing in it. */
export type ListGap = "not-yet" | "none";

export class CasesModel {
  /** The list on screen (kept while another loads); null before the first answer, or when there is none. */
  shown = $state.raw<ShownList | null>(null);
  listPhase = $state<PagePhase>("loading");
  error = $state.raw<ApiError | null>(null);
  /** Why the list is empty (`empty` phase). */
  gap = $state<ListGap>("none");
  loadingMore = $state(false);
  moreFailed = $state(false);
  forbidden = $state(false);
  period = $state<string | null>(null);
  /** The methodology the list was computed with (indicator names, definitions); undefined when this build does not know it. */
  methodology = $state.raw<Methodology | undefined>(undefined);
  readonly phase: PagePhase = $derived(this.forbidden ? "ready" : this.listPhase);
  readonly #api: ApiClient;
  readonly #loads = new LoadSequence();
  #key = "";
  #controller: AbortController | null = null;
  #asked: { readonly unitId: string; readonly query: ListQuery } | null = null;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Loads the first page; returns the period shown, undefined when nothing new was loaded (same view, or a newer load began). */
  async load(user: DemoUser | null, unitId: string, period: string | undefined, view: ListView, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    const key = JSON.stringify([user?.id ?? "", unitId, period ?? "", view.indicator ?? "", view.part ?? "", view.status ?? ""]);
    if (key === this.#key) return undefined;
    this.#key = key;
    const live = this.#loads.begin();
    this.#controller?.abort();
    this.#asked = null;
    this.moreFailed = false;
    this.forbidden = !mayOpenUnit(user, unitId);
    if (this.forbidden) {
      this.shown = null;
      return null;
    }
    this.listPhase = "loading";
    this.error = null;
    let chosen = period ?? null;
    if (!chosen) {
      try {
        chosen = (await meta()).periods[0] ?? null;
      } catch {
        chosen = null;
      }
      if (!live()) return undefined;
    }
    this.period = chosen;
    if (!chosen) {
      this.#settle(null, "none");
      return null;
    }
    const asked = { unitId, query: { period: chosen, ...view } };
    this.#asked = asked;
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const [head, registry] = await Promise.all([
        this.#api.unitList(unitId, { ...asked.query, page: 1, limit: CASES_PAGE_SIZE }, controller.signal).catch((e: unknown) => {
          // A 404: the period was never scored, or (an indicator) its lists predate indicators' lists.
          if (isNotFound(e)) return null;
          throw e;
        }),
        methodologies().catch(() => null),
      ]);
      if (controller.signal.aborted || !live()) return undefined;
      this.methodology = head && registry ? registry.methodologyById(head.methodology) : undefined;
      this.#settle(head, head === null && view.indicator ? "not-yet" : "none");
    } catch (e) {
      if (controller.signal.aborted || isAbortError(e) || !live()) return undefined;
      this.shown = null;
      this.error = toApiError(e);
      this.listPhase = "error";
    }
    return live() ? chosen : undefined;
  }

  /** Shows a first page (or nothing), all at once. */
  #settle(head: IndicatorList | null, gap: ListGap): void {
    this.shown = head ? { head, records: head.records } : null;
    this.gap = gap;
    this.error = null;
    this.listPhase = head && head.count > 0 ? "ready" : "empty";
  }

  /** Whether pages remain after those loaded. */
  get hasMore(): boolean {
    const s = this.shown;
    return s !== null && s.records.length < s.head.count;
  }

  /** The next page, appended. A newer scoring run meanwhile (another `computedAt`): the list starts again from its first page. */
  async more(): Promise<void> {
    const asked = this.#asked;
    const shown = this.shown;
    if (!asked || !shown || !this.hasMore || this.loadingMore) return;
    this.loadingMore = true;
    this.moreFailed = false;
    try {
      const page = Math.floor(shown.records.length / CASES_PAGE_SIZE) + 1;
      const next = await this.#api.unitList(asked.unitId, { ...asked.query, page, limit: CASES_PAGE_SIZE });
      if (this.#asked !== asked || this.shown !== shown) return;
      if (next.computedAt !== shown.head.computedAt) {
        const first = next.page === 1 ? next : await this.#api.unitList(asked.unitId, { ...asked.query, page: 1, limit: CASES_PAGE_SIZE });
        if (this.#asked === asked) this.#settle(first, "none");
        return;
      }
      this.shown = { head: shown.head, records: [...shown.records, ...next.records] };
    } catch {
      if (this.#asked === asked) this.moreFailed = true;
    } finally {
      this.loadingMore = false;
    }
  }

  /**
   * Every record of the list (the export): the records at hand when they are all there, else every
   * page in pages of `EXPORT_PAGE`, all of one scoring run (a newer run meanwhile: once more from
   * the start). Throws when a page cannot be loaded.
   */
  async all(): Promise<ShownList> {
    const asked = this.#asked;
    const shown = this.shown;
    if (!asked || !shown) throw new Error("No list loaded.");
    if (shown.records.length >= shown.head.count) return shown;
    for (let attempt = 0; attempt < 2; attempt++) {
      const records: ListRecord[] = [];
      let head: IndicatorList | null = null;
      let changed = false;
      for (let page = 1; ; page++) {
        const next = await this.#api.unitList(asked.unitId, { ...asked.query, page, limit: EXPORT_PAGE });
        head ??= next;
        if (next.computedAt !== head.computedAt) {
          changed = true;
          break;
        }
        records.push(...next.records);
        if (next.records.length === 0 || page >= next.pages) break;
      }
      if (!changed && head) return { head, records };
    }
    throw new Error("The list changed while it was read.");
  }

  reset(): void {
    this.#key = "";
  }

  dispose(): void {
    this.#loads.end();
    this.#controller?.abort();
    this.#asked = null;
  }
}

/** What a dossier row shows from its timeline: the procedure's name, where it waited. */
export type CaseDetail =
  | { readonly state: "loading" }
  /** Not in the live record (404), or not this reader's to open (403), or the request failed: the row keeps its link. */
  | { readonly state: "none" }
  | {
      readonly state: "ok";
      readonly procedureCode: string | null;
      readonly procedureNameVi: string | null;
      readonly procedureNameEn: string | null;
      readonly waited: Waited;
      /** The names the server gave the units named (its catalog). */
      readonly units: CaseTimeline["units"];
    };

/**
 * The details of the rows on screen, each from its dossier's timeline (GET /v1/cases/{caseId}),
 * a few requests at a time; asked once per dossier while the page lives.
 */
export class CaseDetails {
  readonly byId = new SvelteMap<string, CaseDetail>();
  readonly #api: ApiClient;
  readonly #concurrency: number;
  readonly #queue: string[] = [];
  #running = 0;
  #controller = new AbortController();

  constructor(api: ApiClient, concurrency = 3) {
    this.#api = api;
    this.#concurrency = concurrency;
  }

  /** Ask for the details of these dossiers (those not asked for yet). */
  want(caseIds: readonly string[]): void {
    for (const id of caseIds) {
      if (this.byId.has(id)) continue;
      this.byId.set(id, { state: "loading" });
      this.#queue.push(id);
    }
    this.#pump();
  }

  #pump(): void {
    while (this.#running < this.#concurrency && this.#queue.length > 0) {
      const id = this.#queue.shift() as string;
      const signal = this.#controller.signal;
      this.#running++;
      void this.#api
        .caseTimeline(id, signal)
        .then(
          (t) => {
            if (!signal.aborted) this.byId.set(id, { state: "ok", procedureCode: t.procedureCode, procedureNameVi: t.procedureNameVi, procedureNameEn: t.procedureNameEn, waited: waited(t), units: t.units });
          },
          (e: unknown) => {
            if (!signal.aborted && !isAbortError(e)) this.byId.set(id, { state: "none" });
          },
        )
        .finally(() => {
          // A request of a list cleared meanwhile no longer counts against the new list's.
          if (signal.aborted) return;
          this.#running--;
          this.#pump();
        });
    }
  }

  /** Forget everything (another list): pending requests are cancelled. */
  clear(): void {
    this.#controller.abort();
    this.#controller = new AbortController();
    this.#queue.length = 0;
    this.#running = 0;
    this.byId.clear();
  }

  dispose(): void {
    this.clear();
  }
}
