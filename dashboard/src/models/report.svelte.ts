/** The printable report of a tier and period: the public ranking snapshot (no sign-in needed to print it). */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import type { ReportDocument } from "@scorecard/shared/contracts/reports";
import type { Methodology } from "@scorecard/shared/methodology/methodology";
import { type ApiError, ApiProblemError, NetworkError } from "../lib/api.js";
import { methodologyFor } from "../lib/methodology.js";
import type { ReportsApi } from "../lib/reports-api.js";
import type { PagePhase } from "../lib/page-state.svelte.js";
import type { PublicRankedUnit } from "../lib/public-ranking.js";
import { rankedRows } from "../lib/ranking-view.js";
import { PublicSnapshotModel } from "./public-snapshot.svelte.js";
import { DEFAULT_TIER, TIER_ORDER, type RankedTier } from "./rankings.svelte.js";

/** The tier's dossier counts added up; a count is null when any unit's is withheld (a sum of what is left would be wrong). */
export interface PublicTotals {
  readonly counts: Readonly<Record<string, number | null>>;
  readonly inScope: number | null;
  readonly onTimeRate: number | null;
}

export function publicTotals(units: readonly PublicRankedUnit[]): PublicTotals {
  const counts: Record<string, number | null> = {};
  for (const u of units) {
    for (const [k, v] of Object.entries(u.counts)) {
      const sum = counts[k];
      counts[k] = v === null || sum === null ? null : (sum ?? 0) + v;
    }
  }
  const part = (k: string) => (k in counts ? counts[k] : 0) ?? null;
  const [early, onTime, late, overdue] = ["EARLY", "ON_TIME", "LATE", "OVERDUE"].map(part);
  const known = [early, onTime, late, overdue].every((n) => n !== null);
  const good = known ? (early as number) + (onTime as number) : null;
  const inScope = known ? (good as number) + (late as number) + (overdue as number) : null;
  return { counts, inScope, onTimeRate: inScope === null || inScope === 0 || good === null ? null : good / inScope };
}

export class ReportModel extends PublicSnapshotModel {
  tier = $state<RankedTier>(DEFAULT_TIER);
  readonly rows: readonly PublicRankedUnit[] = $derived(rankedRows(this.snapshot.data?.units ?? []));
  readonly totals: PublicTotals = $derived(publicTotals(this.snapshot.data?.units ?? []));
  readonly phase: PagePhase = $derived(this.meta.phase === "error" ? "error" : this.meta.phase === "loading" ? "loading" : this.snapshot.phase);

  /** Returns the period shown; undefined when nothing new was loaded. */
  load(period: string | undefined, tier: string | undefined, meta: () => Promise<PublicMeta>): Promise<string | null | undefined> {
    this.tier = (TIER_ORDER as readonly string[]).includes(tier ?? "") ? (tier as RankedTier) : DEFAULT_TIER;
    return this.loadSnapshot(`${period ?? ""}|${tier ?? ""}`, period, this.tier, meta, (d) => d === null || d.units.length === 0);
  }
}

/**
 * The six-monthly or annual report as a document (issue 24, item 3): the province's, or one unit's
 * (`unitId`), read from the report routes with the signed-in user's token; the methodology of its
 * numbers names the indicators and groups.
 */
export class ReportDocumentModel {
  phase = $state<"loading" | "ready" | "error" | "empty">("loading");
  doc = $state.raw<ReportDocument | null>(null);
  methodology = $state.raw<Methodology | undefined>(undefined);
  error = $state.raw<ApiError | null>(null);
  #key = "";
  #controller: AbortController | null = null;

  constructor(private readonly api: ReportsApi) {}

  async load(period: string, unitId: string | null): Promise<void> {
    const key = `${period}|${unitId ?? ""}`;
    if (key === this.#key && this.phase !== "error") return;
    this.#key = key;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.phase = "loading";
    try {
      const doc = await this.api.report(period, unitId, controller.signal);
      const m = await methodologyFor(doc.methodology).catch(() => undefined);
      if (controller.signal.aborted) return;
      this.doc = doc;
      this.methodology = m;
      this.phase = "ready";
    } catch (e) {
      if (controller.signal.aborted) return;
      this.error = e instanceof ApiProblemError || e instanceof NetworkError ? e : new NetworkError(String(e));
      this.doc = null;
      this.phase = e instanceof ApiProblemError && e.status === 404 ? "empty" : "error";
    }
  }

  dispose(): void {
    this.#controller?.abort();
  }
}
