/**
 * Methodology versions as data (issue 24, item 4; docs/adr/0022-rules-as-data.md): Home Affairs
 * publishes a version of the methodology in use — weights (indicator and group maxima), thresholds
 * (targets), bands, which indicators are entered by hand — effective from a date. A version is its
 * changes over the version in force before it (the compiled one, or the last published), so the
 * stored form is small and the derivation is checked by the compiled validator (../methodology/validate.ts).
 * A period is scored with the version in force on its **start date**. Pure.
 */
import type { Band, GroupCode, Methodology } from "../methodology/methodology.js";
import { maxTotalOf } from "../methodology/methodology.js";
import { validateMethodology } from "../methodology/validate.js";
import type { UnitInput, UnitScore } from "../methodology/score.js";
import { scoreUnits } from "../methodology/score.js";
import type { RuleError } from "./holidays.js";

/** What a published version changes over the version before it. */
export interface MethodologyChange {
  readonly id: string;
  readonly effectiveFrom: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** What differs, in both languages (appended to the version's list of changes). */
  readonly changeVi: string;
  readonly changeEn: string;
  /** By indicator code: its maximum points (null: shown, not scored), its target, whether Home Affairs enters it. */
  readonly indicators?: Readonly<Record<string, { readonly max?: number | null | undefined; readonly target?: number | undefined; readonly manual?: boolean | undefined }>> | undefined;
  /** By group code: its maximum points (the cap follows it when the group has one). */
  readonly groups?: Readonly<Record<string, { readonly max: number }>> | undefined;
  /** The service-index bands' lower bounds, by band code. */
  readonly bands?: Readonly<Record<string, number>> | undefined;
}

/**
 * The version `change` makes of `base`, and why it cannot be (field paths by code:
 * `indicators.P1.max`, `groups.CKMB.max`, `bands.A`). The total is the sum of the group maxima;
 * the validator then checks that they add up to 100 and that each group's indicators reach it.
 */
export function deriveMethodology(base: Methodology, change: MethodologyChange): { readonly methodology: Methodology; readonly errors: RuleError[] } {
  const errors: RuleError[] = [];
  const known = new Set(base.indicators.map((d) => d.code));
  for (const code of Object.keys(change.indicators ?? {})) if (!known.has(code)) errors.push({ field: `indicators.${code}`, code: "UNKNOWN_INDICATOR", message: `${base.id} has no indicator ${code}` });
  const groupCodes = new Set<string>(base.groups.map((g) => g.code));
  for (const code of Object.keys(change.groups ?? {})) if (!groupCodes.has(code)) errors.push({ field: `groups.${code}`, code: "UNKNOWN_GROUP", message: `${base.id} has no group ${code}` });
  const bandCodes = new Set(base.bands.map((b) => b.code));
  for (const code of Object.keys(change.bands ?? {})) if (!bandCodes.has(code)) errors.push({ field: `bands.${code}`, code: "UNKNOWN_BAND", message: `${base.id} has no band ${code}` });
  const indicators = base.indicators.map((d) => {
    const c = change.indicators?.[d.code];
    if (!c) return d;
    if (c.manual === false && d.source === "MANUAL") errors.push({ field: `indicators.${d.code}.manual`, code: "NOT_COMPUTABLE", message: `${d.code} is entered by hand: no rule computes it` });
    return {
      ...d,
      ...(c.max !== undefined ? { max: c.max } : {}),
      ...(c.target !== undefined ? { target: c.target } : {}),
      ...(c.manual === true ? { source: "MANUAL" as const } : {}),
    };
  });
  const groups = base.groups.map((g) => {
    const c = change.groups?.[g.code];
    return c ? { ...g, max: c.max, ...(g.cap !== undefined ? { cap: c.max } : {}) } : g;
  });
  const bands: Band[] = base.bands.map((b) => (change.bands?.[b.code] !== undefined ? { ...b, min: change.bands[b.code] as number } : b));
  const methodology: Methodology = {
    ...base,
    id: change.id,
    effectiveFrom: change.effectiveFrom,
    nameVi: change.nameVi,
    nameEn: change.nameEn,
    changes: [...base.changes, { vi: change.changeVi, en: change.changeEn }],
    groups,
    maxTotal: maxTotalOf(groups),
    indicators,
    bands,
  };
  // The validator's paths name positions; the form names codes.
  for (const issue of validateMethodology(methodology)) {
    const field = issue.field
      .replace(/^indicators\[(\d+)\]/, (_, i: string) => `indicators.${indicators[Number(i)]?.code ?? i}`)
      .replace(/^groups\[(\d+)\]/, (_, i: string) => `groups.${groups[Number(i)]?.code ?? i}`);
    errors.push({ field, code: "METHODOLOGY_INVALID", message: issue.message });
  }
  return { methodology, errors };
}

/** Every published version of a series, each derived from the one before it (the first from the compiled version). */
export function deriveVersions(series: Methodology, changes: readonly MethodologyChange[]): Methodology[] {
  const out: Methodology[] = [];
  for (const c of changes) out.push(deriveMethodology(out[out.length - 1] ?? series, c).methodology);
  return out;
}

/**
 * The version a period is scored with: the last published version in force on the period's start
 * date, else the series itself (the compiled version, for every period before the first published one).
 * @example methodologyOn(DN_2026_2, [v2027], "2026-12-01") === DN_2026_2
 */
export function methodologyOn(series: Methodology, versions: readonly Methodology[], startDate: string): Methodology {
  let m = series;
  for (const v of versions) if (v.effectiveFrom <= startDate) m = v;
  return m;
}

/** One unit's place under the version in force and under the version previewed. */
export interface PreviewRow {
  readonly unitId: string;
  readonly before: { readonly total: number | null; readonly rank: number | null; readonly band: string | null };
  readonly after: { readonly total: number | null; readonly rank: number | null; readonly band: string | null };
}

/**
 * What a tier's ranking would be under `m`: the counts of a scored snapshot (each indicator's
 * numerator, denominator and ratio) scored again with the version, beside the snapshot's own
 * numbers; ordered by the new rank.
 */
export function previewTier(
  m: Methodology,
  period: string,
  units: readonly { readonly unitId: string; readonly nameVi: string; readonly tier: string; readonly total: number | null; readonly rank: number | null; readonly band: string | null; readonly indicators: Readonly<Record<string, { readonly numerator: number; readonly denominator: number; readonly ratio: number | null }>> }[],
): PreviewRow[] {
  const inputs: UnitInput[] = units.map((u) => ({
    unitId: u.unitId,
    tier: u.tier,
    name: u.nameVi,
    values: Object.fromEntries(Object.entries(u.indicators).map(([code, i]) => [code, { numerator: i.numerator, denominator: i.denominator, ratio: i.ratio }])),
  }));
  const after = new Map<string, UnitScore>(scoreUnits(m, period, inputs).map((s) => [s.unitId, s]));
  const rows = units.map((u): PreviewRow => {
    const a = after.get(u.unitId);
    return { unitId: u.unitId, before: { total: u.total, rank: u.rank, band: u.band }, after: { total: a?.total ?? null, rank: a?.rank ?? null, band: a?.band ?? null } };
  });
  return rows.sort((x, y) => (x.after.rank ?? Infinity) - (y.after.rank ?? Infinity) || x.unitId.localeCompare(y.unitId));
}

export type { GroupCode };
