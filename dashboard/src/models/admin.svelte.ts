/**
 * The Home Affairs workspace (docs/api-admin.md, issue 19 item 7): findings with their locked
 * state, manual criteria and the indicators Home Affairs enters (D3; issue 20 item 5), heads and tenures (searched and paged: every unit reachable), publication
 * (a preview of the difference list, then a confirmation), and the audit log. Writes carry the
 * version last seen (If-Match); a stale or locked write is reported and the data reloaded; the
 * server's refusals are kept as codes and fields, which the page words in its language.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import type { Lang, Methodology } from "@scorecard/shared/methodology/methodology";
import { type Outcome, attempt } from "../lib/admin-outcome.js";
import { type ApiClient, ApiProblemError } from "../lib/api.js";
import type { AuditEntry, Criterion, Finding, FindingInput, HeadRoster, PublicationPreview, Publications, PublishResult } from "../lib/api-types.js";
import { type CheckedEntry, checkEntry } from "../lib/manual-indicator-form.js";
import type { ManualIndicator, ManualIndicatorsApi } from "../lib/manual-indicators-api.js";
import { methodologies, methodologyFor } from "../lib/methodology.js";
import type { AdminSection, Params } from "../lib/router.js";
import { filterByQuery } from "../lib/search.js";
import { chooseSignedInPeriod } from "../lib/signed-in-periods.js";
import { type UnitRecord, unitRecord } from "../lib/units.js";
import { Resource } from "./resource.svelte.js";

export type { Outcome };

export class FindingsModel {
  readonly list = new Resource<readonly Finding[]>();
  outcome = $state.raw<Outcome | null>(null);
  busy = $state(false);
  #period = "";
  constructor(private readonly api: ApiClient) {}

  load(period: string): Promise<void> {
    if (period !== this.#period) this.outcome = null;
    this.#period = period;
    return this.list.load(async (signal) => (await this.api.findings(period, undefined, signal)).findings, (d) => d.length === 0);
  }

  /** Refused before any request when the form misses a field the server requires (`REQUIRED`). */
  async create(input: Omit<FindingInput, "unitId"> & { unitId: string | null }): Promise<Outcome> {
    if (!input.unitId) {
      this.outcome = { ok: false, code: "INVALID_CONTENT", status: 422, errors: [{ field: "unitId", code: "REQUIRED" }] };
      return this.outcome;
    }
    const body: FindingInput = { ...input, unitId: input.unitId };
    return this.#write(() => this.api.createFinding(body));
  }

  async conclude(f: Finding, notice: { noticeNumber: string; noticeDate: string }): Promise<Outcome> {
    return this.#write(() => this.api.concludeFinding(f.findingId, notice, f.version));
  }

  async #write(w: () => Promise<unknown>): Promise<Outcome> {
    this.busy = true;
    const outcome = await attempt(w);
    this.outcome = outcome;
    this.busy = false;
    await this.load(this.#period);
    return outcome;
  }

  dispose(): void {
    this.list.dispose();
  }
}

export class CriteriaModel {
  readonly list = new Resource<readonly Criterion[]>();
  /** The unit's findings of the period: what a lock names (notice number and date, never an id). */
  readonly findings = new Resource<readonly Finding[]>();
  outcome = $state.raw<Outcome | null>(null);
  #unitId = "";
  #period = "";
  constructor(private readonly api: ApiClient) {}

  async load(unitId: string, period: string): Promise<void> {
    if (unitId !== this.#unitId || period !== this.#period) this.outcome = null;
    this.#unitId = unitId;
    this.#period = period;
    await Promise.all([
      this.list.load(async (signal) => (await this.api.criteria(unitId, period, signal)).criteria, (d) => d.length === 0),
      this.findings.load(async (signal) => (await this.api.findings(period, unitId, signal)).findings),
    ]);
  }

  async save(c: Criterion, points: number, evidence: string): Promise<Outcome> {
    const outcome = await attempt(() => this.api.putCriterion(c.unitId, c.period, c.criterion, { points, evidence }, c.version));
    this.outcome = outcome;
    await this.load(this.#unitId, this.#period);
    return outcome;
  }

  clear(): void {
    this.list.dispose();
    this.list.data = null;
    this.#unitId = "";
  }

  dispose(): void {
    this.list.dispose();
    this.findings.dispose();
  }
}

/**
 * The service-index indicators Home Affairs enters (D3) of a unit for the period: their counts, the
 * points scoring gives them, who entered them and when, their lock. Saving is two steps: `review`
 * checks the form as the server would (each refused field named, nothing sent) and holds the entry;
 * `confirm` sends it at the version last seen. The outcome says which indicator it was for.
 */
export class ManualIndicatorsModel {
  readonly list = new Resource<readonly ManualIndicator[]>();
  outcome = $state.raw<Outcome | null>(null);
  /** The indicator the outcome is about. */
  outcomeFor = $state<string | null>(null);
  /** The entry checked and waiting for the officer's confirmation (one at a time). */
  pending = $state.raw<{ readonly indicator: string; readonly entry: CheckedEntry } | null>(null);
  busy = $state(false);
  #unitId = "";
  #period = "";
  constructor(private readonly api: ManualIndicatorsApi) {}

  async load(unitId: string, period: string): Promise<void> {
    if (unitId !== this.#unitId || period !== this.#period) {
      this.outcome = null;
      this.outcomeFor = null;
      this.pending = null;
    }
    this.#unitId = unitId;
    this.#period = period;
    await this.list.load(async (signal) => (await this.api.list(unitId, period, signal)).indicators, (d) => d.length === 0);
  }

  /** Checks the form (counts as typed in `lang`); true when the entry waits for `confirm`. */
  review(i: ManualIndicator, form: { numerator: string; denominator: string; evidence: string }, lang: Lang): boolean {
    const checked = checkEntry(form, lang);
    this.outcomeFor = i.indicator;
    if (!checked.ok) {
      this.pending = null;
      this.outcome = { ok: false, code: "INVALID_CONTENT", status: 422, errors: checked.errors };
      return false;
    }
    this.outcome = null;
    this.pending = { indicator: i.indicator, entry: checked.entry };
    return true;
  }

  cancel(): void {
    this.pending = null;
  }

  /** Sends the entry held by `review` for `i`, at the version shown; the list is read again after. */
  async confirm(i: ManualIndicator): Promise<Outcome | null> {
    const held = this.pending;
    if (!held || held.indicator !== i.indicator || this.busy) return null;
    this.busy = true;
    const outcome = await attempt(() => this.api.put(i.unitId, i.period, i.indicator, held.entry, i.version));
    this.pending = null;
    this.outcome = outcome;
    this.outcomeFor = i.indicator;
    this.busy = false;
    await this.load(this.#unitId, this.#period);
    return outcome;
  }

  clear(): void {
    this.list.dispose();
    this.list.data = null;
    this.#unitId = "";
    this.outcome = null;
    this.outcomeFor = null;
    this.pending = null;
  }

  dispose(): void {
    this.list.dispose();
  }
}

/** Units per page of the heads' list. */
export const HEADS_PAGE = 20;

export interface RosterRow {
  readonly roster: HeadRoster;
  readonly unit: UnitRecord | undefined;
}

export class HeadsModel {
  readonly list = new Resource<readonly HeadRoster[]>();
  outcome = $state.raw<Outcome | null>(null);
  query = $state("");
  page = $state(0);
  readonly rows: readonly RosterRow[] = $derived((this.list.data ?? []).map((roster) => ({ roster, unit: unitRecord(roster.unitId) })));
  /** Rosters whose unit's name or id, or a head's name, matches the query (diacritics-insensitive). */
  readonly found: readonly RosterRow[] = $derived(
    filterByQuery(this.rows, this.query, (r) => [r.roster.unitId, r.unit?.nameVi ?? "", r.unit?.nameEn ?? "", ...r.roster.heads.map((h) => h.name)]),
  );
  readonly pages: number = $derived(Math.max(1, Math.ceil(this.found.length / HEADS_PAGE)));
  readonly shown: readonly RosterRow[] = $derived(this.found.slice(this.page * HEADS_PAGE, (this.page + 1) * HEADS_PAGE));
  #loaded = false;
  constructor(private readonly api: ApiClient) {}

  load(): Promise<void> {
    if (this.#loaded && this.list.phase !== "error") return Promise.resolve();
    this.#loaded = true;
    return this.reload();
  }

  reload(): Promise<void> {
    return this.list.load(async (signal) => (await this.api.heads(signal)).units, (d) => d.length === 0);
  }

  search(query: string): void {
    this.query = query;
    this.page = 0;
  }

  goTo(page: number): void {
    this.page = Math.max(0, Math.min(this.pages - 1, page));
  }

  async add(unitId: string | null, head: { name: string; title: string; tenureFrom: string; tenureTo: string | null }): Promise<Outcome> {
    const roster = unitId ? this.list.data?.find((r) => r.unitId === unitId) : undefined;
    const version = roster?.version ?? 0;
    if (!unitId) {
      this.outcome = { ok: false, code: "INVALID_CONTENT", status: 422, errors: [{ field: "unitId", code: "REQUIRED" }] };
      return this.outcome;
    }
    const outcome = await attempt(() => this.api.addHead(unitId, head, version));
    this.outcome = outcome;
    await this.reload();
    return outcome;
  }

  dispose(): void {
    this.list.dispose();
  }
}

/** Where the publication of a period stands on the page: nothing asked, the preview shown (to confirm), publishing. */
export type PublishStep = "idle" | "preview" | "publishing";

export class PublishModel {
  readonly publications = new Resource<Publications>();
  readonly preview = new Resource<PublicationPreview>();
  step = $state<PublishStep>("idle");
  outcome = $state.raw<Outcome | null>(null);
  result = $state.raw<PublishResult | null>(null);
  /** The methodology of the period (indicator names in the difference lists). */
  methodology = $state.raw<Methodology | undefined>(undefined);
  #period = "";
  constructor(private readonly api: ApiClient) {}

  async load(period: string): Promise<void> {
    if (period !== this.#period) {
      this.step = "idle";
      this.outcome = null;
      this.result = null;
    }
    this.#period = period;
    // The methodology comes with the list (the difference lists name their indicators).
    await this.publications.load(async (signal) => {
      const [list, registry] = await Promise.all([this.api.publications(period, signal), methodologies()]);
      const id = list.versions.at(-1)?.methodology;
      this.methodology = (id ? registry.methodologyById(id) : undefined) ?? registry.getMethodology();
      return list;
    });
  }

  /** Asks the server what publishing would record, and shows it to be confirmed. */
  async showPreview(): Promise<void> {
    this.outcome = null;
    this.result = null;
    this.step = "preview";
    await this.preview.load((signal) => this.api.publishPreview(this.#period, signal));
    if (this.preview.error instanceof ApiProblemError) {
      this.outcome = { ok: false, code: this.preview.error.code, status: this.preview.error.status };
      this.step = "idle";
      return;
    }
    const id = this.preview.data?.methodology;
    if (id && id !== this.methodology?.id) this.methodology = (await methodologyFor(id).catch(() => undefined)) ?? this.methodology;
  }

  cancel(): void {
    this.preview.dispose();
    this.step = "idle";
  }

  /** Publishes what the preview showed (the server refuses NO_CHANGES and PUBLISH_CONFLICT: both reported). */
  async confirm(): Promise<Outcome> {
    this.step = "publishing";
    const outcome = await attempt(async () => {
      this.result = await this.api.publish(this.#period);
    });
    this.outcome = outcome;
    this.step = "idle";
    await this.load(this.#period);
    return outcome;
  }

  dispose(): void {
    this.publications.dispose();
    this.preview.dispose();
  }
}

export class AuditModel {
  readonly first = new Resource<{ entries: readonly AuditEntry[]; next: string | null }>();
  more = $state.raw<readonly AuditEntry[]>([]);
  next = $state<string | null>(null);
  readonly entries: readonly AuditEntry[] = $derived([...(this.first.data?.entries ?? []), ...this.more]);
  constructor(private readonly api: ApiClient) {}

  async load(): Promise<void> {
    this.more = [];
    await this.first.load((signal) => this.api.audit({ limit: 50 }, signal), (d) => d.entries.length === 0);
    this.next = this.first.data?.next ?? null;
  }

  async loadMore(): Promise<void> {
    if (!this.next) return;
    const page = await this.api.audit({ limit: 50, cursor: this.next });
    this.more = [...this.more, ...page.entries];
    this.next = page.next;
  }

  csv(): Promise<string> {
    return this.api.auditCsv();
  }

  dispose(): void {
    this.first.dispose();
  }
}

/**
 * The workspace: the periods it offers (the scored ones; the newest complete one by default), and
 * the section the URL names, loaded on each change of what the URL asks for.
 */
export class AdminModel {
  readonly meta = new Resource<PublicMeta>();
  readonly findings: FindingsModel;
  readonly criteria: CriteriaModel;
  /** The indicators Home Affairs enters (D3), shown with the criteria of the unit and period; absent: not shown. */
  readonly indicators: ManualIndicatorsModel | undefined;
  readonly heads: HeadsModel;
  readonly publish: PublishModel;
  readonly audit: AuditModel;
  period = $state<string | null>(null);
  /** The period is chosen (the list of periods is in): the section's own state decides from here. */
  resolved = $state(false);
  /** The methodology scoring runs use (criterion names, maxima); set with the list of periods. */
  methodology = $state.raw<Methodology | undefined>(undefined);
  readonly periods: readonly string[] = $derived(this.meta.data?.periods ?? []);
  readonly #now: () => Date;
  #shown = "";

  constructor(api: ApiClient, now: () => Date, indicators?: ManualIndicatorsApi) {
    this.#now = now;
    this.findings = new FindingsModel(api);
    this.criteria = new CriteriaModel(api);
    this.indicators = indicators ? new ManualIndicatorsModel(indicators) : undefined;
    this.heads = new HeadsModel(api);
    this.publish = new PublishModel(api);
    this.audit = new AuditModel(api);
  }

  /** Loads the section; answers the URL's canonical params (its period filled in). */
  async load(asked: { section: AdminSection; period?: string | undefined; unitId?: string | undefined }, meta: () => Promise<PublicMeta>): Promise<Params | null> {
    if (!this.meta.data) {
      await this.meta.load(async () => {
        const [m, registry] = await Promise.all([meta(), methodologies()]);
        this.methodology = registry.methodologyById(m.methodology) ?? registry.getMethodology();
        return m;
      }, (d) => d.periods.length === 0);
    }
    const period = chooseSignedInPeriod(this.meta.data, asked.period, this.#now());
    this.period = period;
    this.resolved = this.meta.phase !== "error";
    const { section, unitId } = asked;
    const canonical = period ? { period, ...(unitId ? { unitId } : {}) } : null;
    // The same view again (the URL given its period): nothing new to ask for.
    const key = JSON.stringify([section, period, unitId ?? null]);
    if (key === this.#shown) return canonical;
    this.#shown = key;
    // Heads (the roster and unit names) are needed by the findings' form and list too.
    if (section === "heads" || section === "findings") void this.heads.load();
    if (section === "findings" && period) void this.findings.load(period);
    if (section === "criteria") {
      if (unitId && period) {
        void this.criteria.load(unitId, period);
        void this.indicators?.load(unitId, period);
      } else {
        this.criteria.clear();
        this.indicators?.clear();
      }
    }
    if (section === "publish" && period) void this.publish.load(period);
    if (section === "audit") void this.audit.load();
    return canonical;
  }

  dispose(): void {
    this.meta.dispose();
    this.findings.dispose();
    this.criteria.dispose();
    this.indicators?.dispose();
    this.heads.dispose();
    this.publish.dispose();
    this.audit.dispose();
  }
}
