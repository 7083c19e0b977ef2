/**
 * Head-of-unit rating (methodology §6): 70 points of results over the tenure, 30 of general
 * criteria, Decree 335/2025 bands, and the 20% cap on Excellent within a tier.
 */
import { type Head, tenureIn } from "../units/head.js";
import type { Period } from "../time/period.js";
import { bandOf, roundTo, round4 } from "./score.js";
import type { Methodology } from "./methodology.js";
import { type InspectionFinding, isConcluded } from "./reform-index.js";

export interface HeadRatingInput {
  readonly headId: string;
  readonly unitId: string;
  readonly tier: string;
  readonly name: string;
  /** In office for at least the minimum share of the period. */
  readonly ratable: boolean;
  /** Service index (total /100) of the unit computed on the cases received during the tenure. */
  readonly serviceIndex: number | null;
  /** Responsibility ratios over the tenure; null = no data (nothing to deduct). */
  readonly ratios: Readonly<Record<string, number | null | undefined>>;
  /** Sum of the deductions of concluded findings against the head in the tenure. */
  readonly findingDeductions: number;
  /** General criteria (0..30) entered by Home Affairs; null until entered. */
  readonly general: number | null;
}

export type HeadRatingStatus = "RATED" | "PENDING" | "NOT_RATED";

export interface HeadRating {
  readonly headId: string;
  readonly unitId: string;
  readonly tier: string;
  readonly name: string;
  /** RATED; PENDING until the general criteria are entered (or no service index yet); NOT_RATED for a short tenure. */
  readonly status: HeadRatingStatus;
  readonly results: number | null;
  readonly deductions: Readonly<Record<string, number>>;
  readonly general: number | null;
  readonly total: number | null;
  readonly band: string | null;
  /** Scored Excellent but rated Good because of the 20% quota (the page says so). */
  readonly cappedFromExcellent: boolean;
}

/** Deductions of concluded findings naming the head, or naming the unit (no head) with a notice inside the tenure. */
export function headFindingDeductions(findings: readonly InspectionFinding[], head: Head, period: Period): number {
  const t = tenureIn(head, period);
  if (t === null) return 0;
  const distinct = [...new Map(findings.map((f) => [f.findingId, f])).values()];
  return distinct
    .filter((f) => isConcluded(f) && f.periodId === period.id)
    .filter((f) => f.headId === head.headId || (f.headId === undefined && f.unitId === head.unitId && (f.noticeDate as string) >= t.startDate && (f.noticeDate as string) <= t.endDate))
    .reduce((s, f) => s + f.deduction, 0);
}

/** Rate one head, before the Excellent cap. */
export function rateHead(m: Methodology, h: HeadRatingInput): HeadRating {
  const r = m.headRating;
  const base = { headId: h.headId, unitId: h.unitId, tier: h.tier, name: h.name, cappedFromExcellent: false };
  if (!h.ratable) return { ...base, status: "NOT_RATED", results: null, deductions: {}, general: null, total: null, band: null };
  const deductions: Record<string, number> = {};
  for (const d of r.deductions) {
    const v = h.ratios[d.indicator];
    deductions[d.indicator] = v === null || v === undefined ? 0 : round4(d.perShortfall * Math.max(0, d.threshold - v));
  }
  deductions["findings"] = h.findingDeductions;
  const results =
    h.serviceIndex === null
      ? null
      : round4(Math.max(0, (r.resultsMax * h.serviceIndex) / 100 - Object.values(deductions).reduce((s, x) => s + x, 0)));
  const general = h.general === null ? null : Math.min(r.generalMax, Math.max(0, h.general));
  if (results === null || general === null) return { ...base, status: "PENDING", results, deductions, general, total: null, band: null };
  const total = round4(results + general);
  return { ...base, status: "RATED", results, deductions, general, total, band: bandOf(r.bands, total) };
}

/**
 * Rate heads and apply the cap per tier: at most `share` (20%) of the heads rated Good-or-better
 * may be Excellent; those beyond the quota, lowest totals first, are rated Good. When the quota
 * boundary falls inside a tie (totals equal to 2 decimals) every tied head is demoted, so the
 * cap is never exceeded and equal scores get equal bands.
 */
export function rateHeads(m: Methodology, inputs: readonly HeadRatingInput[]): HeadRating[] {
  const cap = m.headRating.excellentCap;
  const rated = inputs.map((h) => rateHead(m, h));
  const out = new Map(rated.map((x) => [x, x]));
  for (const tier of new Set(rated.map((x) => x.tier))) {
    const eligible = rated.filter((x) => x.tier === tier && x.status === "RATED" && cap.eligibleBands.includes(x.band as string));
    const quota = Math.floor(roundTo(eligible.length * cap.share, 6));
    const excellent = eligible.filter((x) => x.band === cap.band).sort((a, b) => (b.total as number) - (a.total as number));
    if (excellent.length <= quota) continue;
    const r2 = (x: HeadRating) => roundTo(x.total as number, 2);
    const firstOut = excellent[quota] as HeadRating;
    // Keep the top `quota`, except any tied (to 2 decimals) with the first head beyond the quota.
    const kept = new Set(excellent.slice(0, quota).filter((x) => r2(x) > r2(firstOut)));
    for (const x of excellent) {
      if (!kept.has(x)) out.set(x, { ...x, band: cap.demoteTo, cappedFromExcellent: true });
    }
  }
  return rated.map((x) => out.get(x) as HeadRating);
}
