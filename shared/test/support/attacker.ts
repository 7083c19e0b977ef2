/**
 * An independent attacker on public rankings (issue 20, item 3). It does NOT use the suppression
 * code: it reads only a public row (what `GET /v1/public/rankings` serves), knows the published
 * methodology (which counts are related how, points = max × min(1, ratio / target), group and total
 * sums), and derives every value it can by linear algebra:
 *
 *  - variables: per indicator its numerator n, denominator d, ratio ρ and points π; the status
 *    counts; the group points; the total;
 *  - equations: every shown value; n − ρ·d = 0 once ρ or d is known (linear then); S3's ratio =
 *    1 − ρ(R1) − ρ(S3A) once it is known to be above 0; π = max/target · ρ once π is known below
 *    its maximum or ρ below its target; a group's points = Σ its indicators' points once known below
 *    the group's maximum; total = Σ groups; the methodology's identities (shared denominators,
 *    P1 + R1 = verdicts, EARLY + ON_TIME = P1.n, …);
 *  - Gaussian elimination (floating point, partial pivoting, relative tolerance), repeated while a
 *    newly determined value adds an equation.
 *
 * It reports every "count form" it can determine — single counts, complements d − n, and nested
 * differences such as R1.n − R9_R1.n — with the value it computes. Versions: run it on each
 * published view; a form determined in two views gives their difference.
 */
import type { Methodology } from "../../src/methodology/methodology.js";
import type { PublicRankedUnit } from "../../src/publish/public-ranking.js";

/** Numerators that are sums of days or units, not counts of records (the attacker's own reading of the methodology). */
const NOT_COUNT_NUMERATORS = new Set(["P2", "R5D", "R6", "R7"]);
const NOT_COUNT_DENOMINATORS = new Set(["R7"]);
/** Numerators that count a subset of the denominator's records: d − n counts records too. */
const NOT_SUBSET = new Set(["P2", "R5D", "R6", "R7", "R8"]);
/**
 * The attacker's identities: [a, b] equal; sums: all but the last add up to the last. Under
 * dn-2026.2 (improperReturnsOnly) R3 and R9_R3 are returns marked improper over returns: R3's
 * denominator is no longer the received dossiers, nor R9_R3's the complex ones; the returns are
 * part of the received dossiers instead (NESTED_IMPROPER).
 */
const RECEIVED = ["T4", "O3", "O3F", "O3P", "D2", "D4", "D5", "D6A", "S3", "S3A", "R3", "R4", "R8"];
const EQUALS: [string, string][] = [
  ["n:P1+n:R1", "d:P1"],
  ["d:P1", "d:R1"],
  ["c:EARLY+c:ON_TIME", "n:P1"],
  ["c:LATE+c:OVERDUE", "n:R1"],
  ["n:R1", "d:R2"],
  ["n:S3+n:S3A", "d:S3"],
  ["n:R9_R1", "d:R9_R2"],
  ["d:R9_R3", "d:R9_R4"],
  ["d:O1", "d:D6B"],
  ["n:O1", "d:O2"],
  ["d:MB", "d:MC"],
  ["d:S2", "n:R8"],
  ["n:R5+d:R5D", "d:R5"],
  ["n:O3F+n:O3P", "n:O3"],
  ["d:O4", "d:D1"],
  ...RECEIVED.slice(1).map((c): [string, string] => ["d:T4", `d:${c}`]),
];
const EQUALS_IMPROPER: [string, string][] = EQUALS.filter(([a, b]) => !(a === "d:T4" && b === "d:R3") && !(a === "d:R9_R3" && b === "d:R9_R4"));
/** Differences that count records: [outer, inner]. */
const NESTED: [string, string][] = [
  ["n:R1", "n:R9_R1"], ["d:R1", "d:R9_R1"], ["n:R2", "n:R9_R2"], ["n:R3", "n:R9_R3"], ["d:R3", "d:R9_R3"], ["n:R4", "n:R9_R4"],
  ["d:R3", "d:MA"], ["d:R3", "d:R6"], ["d:P2", "d:D1"], ["d:S2", "d:S1"],
];
const NESTED_IMPROPER: [string, string][] = [
  ...NESTED.filter(([a, b]) => !(a === "d:R3" && (b === "d:MA" || b === "d:R6"))),
  ["d:T4", "d:MA"], ["d:T4", "d:R6"], ["d:T4", "d:R3"], ["d:R9_R4", "d:R9_R3"], ["d:R4", "d:R9_R4"],
];
const improperOf = (m?: Methodology) => m?.switches.improperReturnsOnly === true;

type Vec = Map<number, number>;

/** A count form: Σ coef × variable, named. */
export interface CountForm {
  readonly name: string;
  readonly terms: readonly (readonly [string, number])[];
}

/** The count forms of a row: every count variable, every complement, every nested difference. */
export function countForms(codes: readonly string[], countKeys: readonly string[], m?: Methodology): CountForm[] {
  const forms: CountForm[] = [];
  for (const c of codes) {
    if (!NOT_COUNT_NUMERATORS.has(c)) forms.push({ name: `n:${c}`, terms: [[`n:${c}`, 1]] });
    if (!NOT_COUNT_DENOMINATORS.has(c)) forms.push({ name: `d:${c}`, terms: [[`d:${c}`, 1]] });
    if (!NOT_SUBSET.has(c)) forms.push({ name: `d:${c}-n:${c}`, terms: [[`d:${c}`, 1], [`n:${c}`, -1]] });
  }
  for (const k of countKeys) forms.push({ name: `c:${k}`, terms: [[`c:${k}`, 1]] });
  for (const [a, b] of improperOf(m) ? NESTED_IMPROPER : NESTED) if (codes.includes(a.slice(2)) && codes.includes(b.slice(2))) forms.push({ name: `${a}-${b}`, terms: [[a, 1], [b, -1]] });
  return forms;
}

/** The true value of a count form, from exact values by variable name. */
export const formValue = (f: CountForm, value: (variable: string) => number): number => f.terms.reduce((s, [v, k]) => s + k * value(v), 0);

const EPS = 1e-9;

/**
 * A linear system kept in reduced row echelon form as equations are added (Gauss–Jordan, one
 * equation at a time): each row is normalised to 1 at its pivot, and its pivot column is 0 in every
 * other row. Redundant equations (and, with rounded inputs, nearly redundant ones) are dropped.
 */
class System {
  readonly rows: { coef: Float64Array; rhs: number; pivot: number }[] = [];
  constructor(readonly width: number) {}

  add(coef: Vec, rhs: number): void {
    const x = new Float64Array(this.width);
    for (const [c, a] of coef) x[c] = (x[c] as number) + a;
    let b = rhs;
    const scale = Math.max(...x.map(Math.abs));
    if (scale === 0) return;
    for (const row of this.rows) {
      const k = x[row.pivot] as number;
      if (k === 0) continue;
      for (let j = 0; j < this.width; j++) x[j] = (x[j] as number) - k * (row.coef[j] as number);
      b -= k * row.rhs;
      x[row.pivot] = 0;
    }
    let pivot = -1;
    let best = 0;
    for (let j = 0; j < this.width; j++) {
      const a = Math.abs(x[j] as number);
      if (a > best) {
        best = a;
        pivot = j;
      }
    }
    if (pivot < 0 || best < EPS * scale) return;
    const pv = x[pivot] as number;
    for (let j = 0; j < this.width; j++) x[j] = Math.abs(x[j] as number) < EPS * scale ? 0 : (x[j] as number) / pv;
    x[pivot] = 1;
    b /= pv;
    for (const row of this.rows) {
      const k = row.coef[pivot] as number;
      if (k === 0) continue;
      for (let j = 0; j < this.width; j++) row.coef[j] = (row.coef[j] as number) - k * (x[j] as number);
      row.coef[pivot] = 0;
      row.rhs -= k * b;
    }
    this.rows.push({ coef: x, rhs: b, pivot });
  }

  /** Every variable the equations determine, with its value. */
  determined(): Map<number, number> {
    const out = new Map<number, number>();
    for (const row of this.rows) {
      let alone = true;
      for (let j = 0; j < this.width && alone; j++) if (j !== row.pivot && Math.abs(row.coef[j] as number) > 1e-7) alone = false;
      if (alone) out.set(row.pivot, row.rhs);
    }
    return out;
  }

  /** The value of Σ coef·x if the equations determine it, else undefined. */
  valueOf(form: Vec): number | undefined {
    const residual = new Float64Array(this.width);
    for (const [c, a] of form) residual[c] = (residual[c] as number) + a;
    let value = 0;
    for (const row of this.rows) {
      const k = residual[row.pivot] as number;
      if (k === 0) continue;
      for (let j = 0; j < this.width; j++) residual[j] = (residual[j] as number) - k * (row.coef[j] as number);
      value += k * row.rhs;
    }
    const scale = Math.max(1, ...[...form.values()].map(Math.abs));
    for (const r of residual) if (Math.abs(r) > 1e-7 * scale) return undefined;
    return value;
  }
}

/** What the attacker derives from one public row: every count form it determines, with its value. */
export function attack(row: PublicRankedUnit, m: Methodology): Map<string, number> {
  const codes = Object.keys(row.indicators);
  const def = (code: string) => m.indicators.find((d) => d.code === code);
  // The variables first (the system's width is fixed).
  const names: string[] = [];
  for (const c of codes) {
    names.push(`n:${c}`, `d:${c}`, `r:${c}`);
    if (row.indicators[c]?.max !== null) names.push(`p:${c}`);
  }
  for (const k of Object.keys(row.counts)) names.push(`c:${k}`);
  for (const g of Object.keys(row.groups ?? {})) names.push(`g:${g}`);
  names.push("T");
  const vars = new Map(names.map((n, i) => [n, i]));
  const system = new System(names.length);
  const eq = (terms: readonly (readonly [string, number])[], rhs: number) => {
    const coef: Vec = new Map();
    for (const [name, k] of terms) {
      const i = vars.get(name);
      if (i === undefined) return;
      coef.set(i, (coef.get(i) ?? 0) + k);
    }
    system.add(coef, rhs);
  };
  // Shown values.
  for (const c of codes) {
    const x = row.indicators[c];
    if (!x) continue;
    if (x.numerator !== null) eq([[`n:${c}`, 1]], x.numerator);
    if (x.denominator !== null) eq([[`d:${c}`, 1]], x.denominator);
    if (x.ratio !== null) eq([[`r:${c}`, 1]], x.ratio);
    if (x.max !== null) {
      if (x.points !== null) eq([[`p:${c}`, 1]], x.points);
      // A scored indicator with no data adds 0 to its group.
      else if (x.status === "no-data") eq([[`p:${c}`, 1]], 0);
    }
  }
  for (const [k, x] of Object.entries(row.counts)) if (x !== null) eq([[`c:${k}`, 1]], x);
  for (const [g, x] of Object.entries(row.groups ?? {})) if (x.points !== null) eq([[`g:${g}`, 1]], x.points);
  const totalWithheld = (row.suppressed ?? []).includes("total");
  if (row.total !== null) eq([["T", 1]], row.total);
  // total = Σ groups whenever the unit has a total (shown or withheld).
  if (row.groups && (row.total !== null || totalWithheld)) eq([["T", 1], ...Object.keys(row.groups).map((g): [string, number] => [`g:${g}`, -1])], 0);
  // The methodology's identities (only between values the row has).
  for (const [lhs, rhs] of improperOf(m) ? EQUALS_IMPROPER : EQUALS) {
    const left = lhs.split("+");
    if ([...left, rhs].every((x) => vars.has(x))) eq([...left.map((x): [string, number] => [x, 1]), [rhs, -1]], 0);
  }

  const linked = new Set<string>();
  const once = (key: string, terms: readonly (readonly [string, number])[], rhs: number) => {
    if (linked.has(key)) return false;
    linked.add(key);
    eq(terms, rhs);
    return true;
  };
  const scored = codes.filter((c) => row.indicators[c]?.max !== null);
  // Points come from the ratio only for an indicator with data whose points are not a rule's
  // (shown with no ratio: not applicable, or full points when there is nothing to count).
  const fromRatio = (c: string) => {
    const x = row.indicators[c];
    return x !== undefined && x.status === "ok" && !(x.ratio === null && x.points !== null);
  };
  for (let round = 0; round < 100; round++) {
    const det = system.determined();
    const known = (name: string) => det.get(vars.get(name) as number);
    let added = false;
    for (const c of codes) {
      if (c === "S3") continue; // S3's ratio is not n / d
      const r = known(`r:${c}`);
      const d = known(`d:${c}`);
      if (r !== undefined) added = once(`ratio-r:${c}`, [[`n:${c}`, 1], [`d:${c}`, -r]], 0) || added;
      if (d !== undefined && d > 0.5) added = once(`ratio-d:${c}`, [[`n:${c}`, 1], [`r:${c}`, -d]], 0) || added;
    }
    for (const c of scored) {
      const x = def(c);
      if (!x || x.max === null || !fromRatio(c)) continue;
      const p = known(`p:${c}`);
      const r = known(`r:${c}`);
      if ((p !== undefined && p < x.max - 1e-9) || (r !== undefined && r < x.target - 1e-12)) added = once(`points:${c}`, [[`p:${c}`, 1], [`r:${c}`, -x.max / x.target]], 0) || added;
    }
    for (const g of m.groups) {
      if (!row.groups?.[g.code]) continue;
      const gv = known(`g:${g.code}`);
      if (gv !== undefined && gv < g.max - 1e-9) {
        const members = scored.filter((c) => def(c)?.group === g.code);
        added = once(`group:${g.code}`, [[`g:${g.code}`, 1], ...members.map((c): [string, number] => [`p:${c}`, -1])], 0) || added;
      }
    }
    const s3 = known("r:S3");
    const s3p = known("p:S3");
    if ((s3 !== undefined && s3 > 1e-12) || (s3p !== undefined && s3p > 1e-9)) {
      const terms: [string, number][] = [["r:S3", 1], ["r:S3A", 1]];
      if (row.indicators["R1"]?.status === "ok") terms.push(["r:R1", 1]);
      added = once("s3", terms, 1) || added;
    }
    if (!added) break;
  }
  const out = new Map<string, number>();
  for (const f of countForms(codes, Object.keys(row.counts), m)) {
    if (!f.terms.every(([name]) => vars.has(name))) continue;
    const value = system.valueOf(new Map(f.terms.map(([name, k]) => [vars.get(name) as number, k])));
    if (value !== undefined) out.set(f.name, value);
  }
  return out;
}

/** The exact value of an attacker variable in an exact (signed-in) row. */
export function exactValue(row: { indicators: Readonly<Record<string, { numerator: number; denominator: number }>>; counts: Readonly<Record<string, number>> }, variable: string): number {
  const [kind, key] = [variable.slice(0, 1), variable.slice(2)];
  if (kind === "c") return row.counts[key] ?? 0;
  const cell = row.indicators[key];
  if (!cell) return Number.NaN;
  return kind === "n" ? cell.numerator : cell.denominator;
}

export const isSmall = (x: number) => Math.round(x) >= 1 && Math.round(x) <= 4;

/** The leaks of one public row: count forms the attacker determines whose true value is 1 to 4. */
export function leaks(pub: PublicRankedUnit, exact: Parameters<typeof exactValue>[0], m: Methodology): string[] {
  const found = attack(pub, m);
  const out: string[] = [];
  for (const f of countForms(Object.keys(exact.indicators), Object.keys(exact.counts), m)) {
    const truth = formValue(f, (x) => exactValue(exact, x));
    const got = found.get(f.name);
    if (got !== undefined && isSmall(truth)) out.push(`${f.name} = ${truth} (derived ${Math.round(got * 1000) / 1000})`);
  }
  return out;
}

/** Leaks between two published views of the same unit: a form determined in both whose true difference is 1 to 4. */
export function versionLeaks(
  before: { pub: PublicRankedUnit; exact: Parameters<typeof exactValue>[0] },
  after: { pub: PublicRankedUnit; exact: Parameters<typeof exactValue>[0] },
  m: Methodology,
): string[] {
  const a = attack(before.pub, m);
  const b = attack(after.pub, m);
  const out: string[] = [];
  for (const f of countForms(Object.keys(after.exact.indicators), Object.keys(after.exact.counts), m)) {
    const diff = formValue(f, (x) => exactValue(after.exact, x)) - formValue(f, (x) => exactValue(before.exact, x));
    if (a.has(f.name) && b.has(f.name) && isSmall(Math.abs(diff))) out.push(`${f.name}: ${formValue(f, (x) => exactValue(before.exact, x))} → ${formValue(f, (x) => exactValue(after.exact, x))}`);
  }
  return out;
}

/**
 * The attacker's knowledge checked against exact rows (e.g. from the real scorer): every identity
 * holds, every nested or subset count is at most its whole. Returns what does not hold.
 */
export function identityViolations(row: Parameters<typeof exactValue>[0], m?: Methodology): string[] {
  const value = (name: string) => exactValue(row, name);
  const has = (name: string) => (name.startsWith("c:") ? name.slice(2) in row.counts : name.slice(2) in row.indicators);
  const out: string[] = [];
  for (const [lhs, rhs] of improperOf(m) ? EQUALS_IMPROPER : EQUALS) {
    const left = lhs.split("+");
    if (![...left, rhs].every(has)) continue;
    const sum = left.reduce((s, x) => s + value(x), 0);
    if (sum !== value(rhs)) out.push(`${lhs} = ${sum} ≠ ${rhs} = ${value(rhs)}`);
  }
  for (const f of countForms(Object.keys(row.indicators), Object.keys(row.counts), m)) {
    if (f.terms.length === 2 && formValue(f, value) < 0) out.push(`${f.name} = ${formValue(f, value)} < 0`);
  }
  return out;
}
