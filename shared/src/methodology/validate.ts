/**
 * Checks that a methodology version holds together before anything is scored with it: the points
 * add up, every reference resolves, bands are ordered, every indicator can be shown. Every issue
 * names the field (a path into the version's data) so a broken version says where it is broken.
 */
import { DIRECTIONS, MEASURE_UNITS, SERVICE_GROUPS, type Band, type Methodology } from "./methodology.js";

/** The total every version is scored out of (service index, reform index, head rating). */
export const FULL_MARKS = 100;
/** Head rating (methodology §6): 70 points of results, 30 of general criteria. */
export const HEAD_RESULTS_MAX = 70;
export const HEAD_GENERAL_MAX = 30;

export interface MethodologyIssue {
  /** Path of the offending field, e.g. `groups[3].max`, `indicators[12].group`. */
  readonly field: string;
  readonly message: string;
}

export class InvalidMethodologyError extends Error {
  override readonly name = "InvalidMethodologyError";
  constructor(
    readonly id: string,
    readonly issues: readonly MethodologyIssue[],
  ) {
    super(`methodology "${id}" is invalid: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
  }
}

const EPS = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) < EPS;
const fmt = (x: number) => String(Math.round(x * 1e4) / 1e4);

function checkBands(bands: readonly Band[], field: string, out: MethodologyIssue[]): void {
  if (bands.length === 0) out.push({ field, message: "no bands" });
  bands.forEach((b, i) => {
    const prev = bands[i - 1];
    if (prev !== undefined && !(b.min < prev.min)) out.push({ field: `${field}[${i}].min`, message: `${b.code} starts at ${b.min}, not below ${prev.code} (${prev.min}): bands are listed from the highest, strictly descending` });
  });
  const last = bands[bands.length - 1];
  if (last !== undefined && last.min !== 0) out.push({ field: `${field}[${bands.length - 1}].min`, message: `the lowest band ${last.code} starts at ${last.min}, not 0: some totals would have no band` });
  const codes = bands.map((b) => b.code);
  codes.forEach((c, i) => {
    if (codes.indexOf(c) !== i) out.push({ field: `${field}[${i}].code`, message: `band ${c} listed twice` });
  });
}

const blank = (s: string | undefined) => s === undefined || s.trim() === "";

/**
 * Every issue of a methodology version; empty when it is valid.
 * @example validateMethodology(DN_2026_2) // → []
 */
export function validateMethodology(m: Methodology): MethodologyIssue[] {
  const out: MethodologyIssue[] = [];
  const issue = (field: string, message: string) => out.push({ field, message });

  if (blank(m.id)) issue("id", "empty");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(m.effectiveFrom)) issue("effectiveFrom", `"${m.effectiveFrom}" is not a local date YYYY-MM-DD`);
  if (blank(m.nameVi)) issue("nameVi", "empty");
  if (blank(m.nameEn)) issue("nameEn", "empty");

  // Groups: the index is worth 100, each group's indicators can reach the group's max.
  const groupSum = m.groups.reduce((s, g) => s + g.max, 0);
  if (!near(groupSum, FULL_MARKS)) issue("groups", `group maxima add up to ${fmt(groupSum)}, not ${FULL_MARKS}`);
  if (!near(m.maxTotal, groupSum)) issue("maxTotal", `${m.maxTotal} is not the sum of the group maxima (${fmt(groupSum)})`);
  m.groups.forEach((g, i) => {
    if (!(SERVICE_GROUPS as readonly string[]).includes(g.code)) issue(`groups[${i}].code`, `unknown group ${g.code}`);
    if (m.groups.findIndex((x) => x.code === g.code) !== i) issue(`groups[${i}].code`, `group ${g.code} listed twice`);
    if (blank(g.nameVi) || blank(g.nameEn) || blank(g.shortVi) || blank(g.shortEn)) issue(`groups[${i}]`, `${g.code} lacks a long or short name in Vietnamese or English`);
    const scored = m.indicators.filter((d) => d.group === g.code && d.max !== null);
    const sum = scored.reduce((s, d) => s + (d.max ?? 0), 0);
    if (scored.length === 0) issue(`groups[${i}].max`, `${g.code} has no scored indicator`);
    else if (sum < g.max - EPS) issue(`groups[${i}].max`, `${g.code}: its indicators' maxima add up to ${fmt(sum)}, short of the group's ${g.max}`);
    else if (sum > g.max + EPS && g.cap === undefined) issue(`groups[${i}].cap`, `${g.code}: its indicators' maxima add up to ${fmt(sum)}, above the group's ${g.max}, and no cap says the excess is dropped`);
    if (g.cap !== undefined && !near(g.cap, g.max)) issue(`groups[${i}].cap`, `${g.code}: cap ${g.cap} differs from the group's max ${g.max}`);
    if (g.cap !== undefined && !(sum > g.max + EPS)) issue(`groups[${i}].cap`, `${g.code}: a cap on a group whose indicators add up to ${fmt(sum)}, not more than its max`);
  });

  // Indicators: codes unique, references resolve, points sane, every display field present.
  const groupCodes = new Set<string>(m.groups.map((g) => g.code));
  const codes = new Set<string>();
  m.indicators.forEach((d, i) => {
    const f = `indicators[${i}]`;
    if (codes.has(d.code)) issue(`${f}.code`, `indicator ${d.code} listed twice`);
    codes.add(d.code);
    if (d.group !== null && !groupCodes.has(d.group)) issue(`${f}.group`, `${d.code} names group ${d.group}, which this version does not have`);
    if (d.max !== null && !(d.max > 0)) issue(`${f}.max`, `${d.code}: max ${d.max} is not positive`);
    if (d.max !== null && d.group === null) issue(`${f}.group`, `${d.code} carries points but belongs to no group`);
    if (!(d.target > 0 && d.target <= 1)) issue(`${f}.target`, `${d.code}: target ${d.target} is not in (0, 1]`);
    for (const k of ["nameVi", "nameEn", "shortVi", "shortEn"] as const) if (blank(d[k])) issue(`${f}.${k}`, `${d.code} has no ${k}`);
    for (const k of ["numerator", "denominator"] as const) {
      if (blank(d[k]?.vi)) issue(`${f}.${k}.vi`, `${d.code} has no readable ${k} in Vietnamese`);
      if (blank(d[k]?.en)) issue(`${f}.${k}.en`, `${d.code} has no readable ${k} in English`);
    }
    if (!(MEASURE_UNITS as readonly string[]).includes(d.unitOfMeasure)) issue(`${f}.unitOfMeasure`, `${d.code}: "${d.unitOfMeasure}" is not one of ${MEASURE_UNITS.join(", ")}`);
    if (!(DIRECTIONS as readonly string[]).includes(d.direction)) issue(`${f}.direction`, `${d.code}: "${d.direction}" is not one of ${DIRECTIONS.join(", ")}`);
    if ((d.lowerIsBetter ?? false) !== (d.direction === "lowerIsBetter")) issue(`${f}.lowerIsBetter`, `${d.code}: lowerIsBetter ${String(d.lowerIsBetter)} contradicts direction ${d.direction}`);
  });
  const received = m.indicators.find((d) => d.code === m.receivedCasesIndicator);
  if (received === undefined) issue("receivedCasesIndicator", `${m.receivedCasesIndicator} is not an indicator of this version`);
  else if (received.source !== "CASES") issue("receivedCasesIndicator", `${m.receivedCasesIndicator} does not count dossiers (source ${received.source})`);

  checkBands(m.bands, "bands", out);

  // Reform index (§5): criteria worth 100, computed ones made of resolvable parts adding up to their max.
  const ri = m.reformIndex;
  const criteriaSum = ri.criteria.reduce((s, c) => s + c.max, 0);
  if (!near(criteriaSum, FULL_MARKS)) issue("reformIndex.criteria", `criteria maxima add up to ${fmt(criteriaSum)}, not ${FULL_MARKS}`);
  if (!ri.criteria.some((c) => c.code === ri.defaultDeductionCriterion)) issue("reformIndex.defaultDeductionCriterion", `${ri.defaultDeductionCriterion} is not a criterion`);
  ri.criteria.forEach((c, i) => {
    const f = `reformIndex.criteria[${i}]`;
    if (c.source === "MANUAL") return;
    const parts = c.components ?? [];
    const sum = parts.reduce((s, k) => s + k.points, 0);
    if (!near(sum, c.max)) issue(`${f}.components`, `${c.code}: components add up to ${fmt(sum)}, not its ${c.max}`);
    parts.forEach((k, j) => {
      const refs = k.scale === "ONE_MINUS_RATIO_SUM" ? (k.refs ?? []) : k.scale === "SURVEY" ? [] : [k.ref];
      if (k.scale === "ONE_MINUS_RATIO_SUM" && refs.length === 0) issue(`${f}.components[${j}].refs`, `${c.code}: ${k.ref} sums no indicator`);
      for (const r of refs) {
        const known = k.scale === "GROUP_SHARE" ? groupCodes.has(r) : codes.has(r);
        if (!known) issue(`${f}.components[${j}].ref`, `${c.code}: ${r} is not ${k.scale === "GROUP_SHARE" ? "a group" : "an indicator"} of this version`);
      }
    });
  });
  checkBands(ri.bands, "reformIndex.bands", out);

  // Head rating (§6): 70 + 30.
  const hr = m.headRating;
  if (hr.resultsMax !== HEAD_RESULTS_MAX) issue("headRating.resultsMax", `${hr.resultsMax}, not ${HEAD_RESULTS_MAX}`);
  if (hr.generalMax !== HEAD_GENERAL_MAX) issue("headRating.generalMax", `${hr.generalMax}, not ${HEAD_GENERAL_MAX}`);
  hr.deductions.forEach((d, i) => {
    if (!codes.has(d.indicator)) issue(`headRating.deductions[${i}].indicator`, `${d.indicator} is not an indicator of this version`);
  });
  checkBands(hr.bands, "headRating.bands", out);
  const headBands = new Set(hr.bands.map((b) => b.code));
  for (const [k, v] of [["band", hr.excellentCap.band], ["demoteTo", hr.excellentCap.demoteTo], ...hr.excellentCap.eligibleBands.map((b) => ["eligibleBands", b])] as const) {
    if (!headBands.has(v)) issue(`headRating.excellentCap.${k}`, `${v} is not a head-rating band`);
  }
  return out;
}

/**
 * Throw {@link InvalidMethodologyError} (every issue, each naming its field) unless the version is valid.
 * @example assertValidMethodology({ ...DN_2026_2, maxTotal: 100.5 }) // throws: maxTotal: 100.5 is not the sum of the group maxima (100)
 */
export function assertValidMethodology(m: Methodology): Methodology {
  const issues = validateMethodology(m);
  if (issues.length > 0) throw new InvalidMethodologyError(m.id, issues);
  return m;
}
