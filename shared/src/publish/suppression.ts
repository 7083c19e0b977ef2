/**
 * Small-count suppression on the server (issue 20, item 3; docs/suppression.md says the same for
 * readers). Pure: no I/O, no zod. `publicRanking(snapshot, earlier)` is the ONLY way a ranking
 * reaches the public (`GET /v1/public/rankings`, the lake's `public/<methodology>/<period>/<tier>.json`).
 * Drafts and frozen published bodies stay exact: signed-in roles read them.
 *
 * THE RULE. No public output shows a count of records from 1 to 4, nor anything from which one
 * can be computed. A withheld value is null with a marker (`suppressed`), never 0; a zero stays 0.
 *
 * What is a count. Per indicator, from its definition (INDICATOR_COUNTS below):
 *  - `subset`: the numerator counts records that are a subset of the denominator's (T1–T4, P1,
 *    O1–O3, MA, MB, MC, D1–D6B, S1, S2, S3, S3A, R1–R5, R9_*): numerator, denominator and the
 *    complement d − n are counts;
 *  - `count`: numerator and denominator are counts, the numerator not a subset (R8: complaints per
 *    received dossier);
 *  - `measure`: the numerator is a sum of working days (P2, R5D) or of consulted units (R6), the
 *    denominator a count; R7 is days over the province's days — nothing there counts records.
 * The status counts (EARLY, ON_TIME, LATE, OVERDUE, IN_PROGRESS) are counts. Points, ratios and
 * totals are not, but they derive counts (below).
 *
 * 1. PRIMARY. Withheld: every count from 1 to 4; every complement from 1 to 4 (d − n of a subset
 *    cell; and the nested differences of NESTED below, e.g. R1.n − R9_R1.n = late dossiers outside
 *    the complex fields). A withheld numerator takes the cell's ratio and points with it (n = r·d);
 *    a withheld denominator takes the whole cell (the numerator too). Points that do not come from
 *    a ratio (a rule gave them: "not applicable", ratio null) tell nothing about counts and stay.
 *
 * 2. SECONDARY, within a row, to a fixpoint. The row's values obey linear identities a reader
 *    knows from the methodology:
 *    - P1.n + R1.n = P1.d, P1.d = R1.d, EARLY + ON_TIME (+ IN_PROGRESS under the switch
 *      inProgressCountsAsOnTime) = P1.n, LATE + OVERDUE = R1.n = R2.d;
 *    - one denominator "dossiers received in the period" shared by T4, O3, O3F, O3P, D2, D4, D5,
 *      D6A, S3, S3A, R3 (not under improperReturnsOnly: dn-2026.2's R3 counts over the returns),
 *      R4, R8; S3.n + S3A.n = S3.d; R5.n + R5D.d = R5.d; O3F.n + O3P.n = O3.n; O1.d = D6B.d;
 *      O1.n = O2.d; O4.d = D1.d; MB.d = MC.d; S2.d = R8.n (complaints; and = S1.d under the switch);
 *      R9_R1.n = R9_R2.d; R9_R3.d = R9_R4.d (not under improperReturnsOnly);
 *    - ratios: S3's ratio is 1 − R1 − S3A (when above 0);
 *    - points: a group's points are the sum of its indicators' points (below the cap — treated as
 *      always, to be safe), the total the sum of the groups'; a shown points value below the
 *      maximum gives the ratio back (points = max × ratio / target);
 *    - each complement named in (1) with its two terms.
 *    Whenever exactly ONE term of an identity is withheld, it could be computed from the others:
 *    a second term is withheld — deterministically: a cell's value before group points, group
 *    points before the total; then a positive value before a zero; then the smallest; then the
 *    first in the row's order. Repeated until no identity has exactly one withheld term. So a
 *    withheld scored indicator makes its group's points withheld or a second indicator of the
 *    group; a withheld group makes a second group withheld, and a cell of it. If nothing can be
 *    withheld in a group (no indicator whose points come from a ratio), the next group is taken;
 *    the total is withheld only when no group can be. Should an identity ever be left with
 *    exactly one withheld term and nothing to add, every count of the row is withheld (fail closed).
 *
 * 3. ACROSS ROWS. No public output carries a sum over units: the ranking lists units, and R7's
 *    denominator (the province's overrun days) is a sum of days, not of records. Nothing to add.
 *
 * 4. BETWEEN PUBLISHED VERSIONS. Given the public views of the earlier published versions of the
 *    same period and tier, a count or complement of (1) that is shown (all its terms shown) in an
 *    earlier version and whose difference from its value now is from 1 to 4 is withheld now, as
 *    in (1); then (2) again.
 *
 * Not covered (docs/suppression.md, "What this does not protect"): drafts shown publicly before
 * the first publication change at every scoring run; counts that add up across periods (a month's
 * dossiers received = the quarter's minus the other two months'); knowledge of integers and bounds
 * beyond linear algebra.
 */
import type { IndicatorValue, RankedUnit, RankingSnapshot } from "../contracts/api.js";
import type { Methodology } from "../methodology/methodology.js";
import { getMethodology, methodologyById } from "../methodology/registry.js";
import { type PublicGroupPoints, type PublicIndicatorValue, type PublicRankedUnit, type PublicRankingSnapshot, SMALL_COUNT } from "./public-ranking.js";

/** A count that is withheld: from 1 to SMALL_COUNT − 1 (zero stays zero). */
export const isSmallCount = (v: number): boolean => v > 0 && v < SMALL_COUNT;

export type NumeratorKind = "subset" | "count" | "measure";
export interface CountKinds {
  readonly numerator: NumeratorKind;
  readonly denominator: "count" | "measure";
}

const SUBSET: CountKinds = { numerator: "subset", denominator: "count" };
const MEAN: CountKinds = { numerator: "measure", denominator: "count" };

/**
 * What each indicator's numerator and denominator count, decided from the definitions
 * (methodology dn-2026.1 / dn-2026.2; unit of measure in indicator-display.ts).
 */
export const INDICATOR_COUNTS: Readonly<Record<string, CountKinds>> = {
  T1: SUBSET, T2: SUBSET, T3: SUBSET, T4: SUBSET,
  P1: SUBSET,
  /** working days summed over resolved dossiers / resolved dossiers */
  P2: MEAN,
  O1: SUBSET, O2: SUBSET, O3: SUBSET,
  /** dn-2026.2 (D7): fully / partly online among the dossiers received; signed results among those resolved needing a result */
  O3F: SUBSET, O3P: SUBSET, O4: SUBSET,
  MA: SUBSET, MB: SUBSET, MC: SUBSET,
  D1: SUBSET, D2: SUBSET, D3: SUBSET, D4: SUBSET, D5: SUBSET, D6A: SUBSET, D6B: SUBSET,
  S1: SUBSET, S2: SUBSET, S3: SUBSET, S3A: SUBSET,
  R1: SUBSET, R2: SUBSET, R3: SUBSET, R4: SUBSET, R5: SUBSET,
  /** working days late summed over late consultations / late consultations */
  R5D: MEAN,
  /** consulted units summed over inter-agency dossiers / inter-agency dossiers */
  R6: MEAN,
  /** this unit's overrun working days / the province's: no count of records */
  R7: { numerator: "measure", denominator: "measure" },
  /** complaints naming the unit / dossiers received: both counts, not a subset */
  R8: { numerator: "count", denominator: "count" },
  R9_R1: SUBSET, R9_R2: SUBSET, R9_R3: SUBSET, R9_R4: SUBSET,
};

/** An indicator this module does not list is treated as a subset of counts (the safe side). */
export const countKindsOf = (code: string): CountKinds => INDICATOR_COUNTS[code] ?? SUBSET;

/** Denominators that all count the dossiers received in the period (R3's only without the switch improperReturnsOnly). */
export const RECEIVED_DENOMINATORS: readonly string[] = ["T4", "O3", "O3F", "O3P", "D2", "D4", "D5", "D6A", "S3", "S3A", "R3", "R4", "R8"];

/** Values equal by definition (besides the received-dossiers denominators). */
const EQUAL: readonly (readonly [string, string])[] = [
  ["P1.d", "R1.d"],
  ["R1.n", "R2.d"],
  ["R9_R1.n", "R9_R2.d"],
  ["R9_R3.d", "R9_R4.d"],
  ["O1.d", "D6B.d"],
  ["O1.n", "O2.d"],
  ["MB.d", "MC.d"],
  ["S2.d", "R8.n"],
  ["O4.d", "D1.d"],
];

/** Sums by definition: the terms add up to the last value. */
const SUMS: readonly (readonly string[])[] = [
  ["P1.n", "R1.n", "P1.d"],
  ["counts.LATE", "counts.OVERDUE", "R1.n"],
  ["S3.n", "S3A.n", "S3.d"],
  ["R5.n", "R5D.d", "R5.d"],
  ["O3F.n", "O3P.n", "O3.n"],
];

/** Nested counts [outer, inner]: inner counts a subset of outer's records, so outer − inner is a count. */
export const NESTED: readonly (readonly [string, string])[] = [
  ["R1.n", "R9_R1.n"],
  ["R1.d", "R9_R1.d"],
  ["R2.n", "R9_R2.n"],
  ["R3.n", "R9_R3.n"],
  ["R3.d", "R9_R3.d"],
  ["R4.n", "R9_R4.n"],
  ["R3.d", "MA.d"],
  ["R3.d", "R6.d"],
  ["P2.d", "D1.d"],
  ["S2.d", "S1.d"],
];

/**
 * The identities of a version. Under improperReturnsOnly (dn-2026.2) R3 and R9_R3 count the
 * returns (their denominators) and the returns marked improper (their numerators), not the
 * dossiers received: R3.d leaves the received denominators and R9_R3.d stops equalling R9_R4.d;
 * the received count is then T4.d where R3.d stood, the returns are nested in it (and the complex
 * returns in the complex dossiers received, R9_R4.d), and the received dossiers outside the complex
 * fields are R4.d − R9_R4.d.
 */
function identitiesOf(m: Methodology) {
  if (m.switches.improperReturnsOnly !== true) return { received: RECEIVED_DENOMINATORS, equal: EQUAL, nested: NESTED };
  return {
    received: RECEIVED_DENOMINATORS.filter((c) => c !== "R3"),
    equal: EQUAL.filter(([a, b]) => !(a === "R9_R3.d" && b === "R9_R4.d")),
    nested: [
      ...NESTED.filter(([outer, inner]) => !(outer === "R3.d" && (inner === "MA.d" || inner === "R6.d"))),
      ["T4.d", "MA.d"],
      ["T4.d", "R6.d"],
      ["T4.d", "R3.d"],
      ["R9_R4.d", "R9_R3.d"],
      ["R4.d", "R9_R4.d"],
    ] as const,
  };
}

type AtomKind = "count" | "measure" | "group" | "total";

interface Atom {
  readonly id: string;
  readonly value: number;
  readonly kind: AtomKind;
  readonly order: number;
}

/** A linear identity between shown values; `virtual` names a complement (never shown) that is one of its terms. */
interface Identity {
  readonly label: string;
  readonly terms: readonly { readonly atom: string; readonly value: number }[];
  readonly virtual?: string;
}

/** A complement: a count that is the difference of two shown counts. */
interface Complement {
  readonly id: string;
  readonly value: number;
  /** [minuend, subtrahend] */
  readonly of: readonly [string, string];
}

/** One row's values as a reader of the public view can relate them. */
export interface RowModel {
  readonly atoms: ReadonlyMap<string, Atom>;
  readonly identities: readonly Identity[];
  readonly complements: readonly Complement[];
  /** Cells whose points come from their ratio (scored, ratio not null), by group. */
  readonly informativeByGroup: ReadonlyMap<string, readonly string[]>;
}

const cellOf = (atom: string): string | undefined => (atom.startsWith("counts.") || atom.startsWith("groups.") || atom === "total" ? undefined : atom.slice(0, atom.lastIndexOf(".")));

/** The identities, complements and values of one row (see the module comment, (1)–(2)). */
export function rowModel(row: RankedUnit, m: Methodology): RowModel {
  const atoms = new Map<string, Atom>();
  const add = (id: string, value: number, kind: AtomKind) => atoms.set(id, { id, value, kind, order: atoms.size });
  for (const [code, v] of Object.entries(row.indicators)) {
    const kinds = countKindsOf(code);
    add(`${code}.n`, v.numerator, kinds.numerator === "measure" ? "measure" : "count");
    add(`${code}.d`, v.denominator, kinds.denominator);
  }
  for (const [k, v] of Object.entries(row.counts)) add(`counts.${k}`, v, "count");
  for (const [g, v] of Object.entries(row.groups ?? {})) add(`groups.${g}`, v.points, "group");
  if (row.total !== null) add("total", row.total, "total");

  const identities: Identity[] = [];
  const term = (atom: string) => ({ atom, value: (atoms.get(atom) as Atom).value });
  const identity = (label: string, ids: readonly string[]) => {
    if (ids.every((a) => atoms.has(a))) identities.push({ label, terms: ids.map(term) });
  };
  const version = identitiesOf(m);
  const received = version.received.map((c) => `${c}.d`).filter((a) => atoms.has(a));
  for (let i = 1; i < received.length; i++) identity("received dossiers", [received[0] as string, received[i] as string]);
  for (const [a, b] of version.equal) identity(`${a} = ${b}`, [a, b]);
  if (m.switches.inProgressCountsAsOnTime) identity("S1.d = S2.d", ["S1.d", "S2.d"]);
  for (const s of SUMS) identity(`${s.slice(0, -1).join(" + ")} = ${s.at(-1)}`, s);
  identity(
    "EARLY + ON_TIME = P1.n",
    m.switches.inProgressCountsAsOnTime ? ["counts.EARLY", "counts.ON_TIME", "counts.IN_PROGRESS", "P1.n"] : ["counts.EARLY", "counts.ON_TIME", "P1.n"],
  );

  // S3's ratio = 1 − R1's − S3A's when above 0: the three ratio channels (each withheld with its numerator).
  const s3 = row.indicators["S3"];
  const r1 = row.indicators["R1"];
  const s3a = row.indicators["S3A"];
  if (s3 && s3a && s3.denominator > 0 && s3.ratio !== null && s3.ratio > 0) {
    const terms = [
      { atom: "S3.n", value: s3.ratio },
      { atom: "S3A.n", value: s3a.ratio ?? 0 },
      ...(r1 && r1.denominator > 0 ? [{ atom: "R1.n", value: r1.ratio ?? 0 }] : []),
    ];
    identities.push({ label: "S3 ratio = 1 − R1 − S3A", terms });
  }

  // Points: group = Σ indicator points; total = Σ groups.
  const informativeByGroup = new Map<string, string[]>();
  for (const g of Object.keys(row.groups ?? {})) {
    const cells = m.indicators
      .filter((d) => d.group === g && d.max !== null)
      .map((d) => d.code)
      .filter((c) => {
        const v = row.indicators[c];
        return v !== undefined && v.ratio !== null && v.points !== null;
      });
    informativeByGroup.set(g, cells);
    identities.push({
      label: `group ${g} = Σ points`,
      terms: [{ atom: `groups.${g}`, value: (atoms.get(`groups.${g}`) as Atom).value }, ...cells.map((c) => ({ atom: `${c}.n`, value: (row.indicators[c] as IndicatorValue).points as number }))],
    });
  }
  if (atoms.has("total") && row.groups) identities.push({ label: "total = Σ groups", terms: ["total", ...Object.keys(row.groups).map((g) => `groups.${g}`)].map(term) });
  if (atoms.has("total") && !row.groups) {
    // A row without group points (older snapshots): the total is the sum of the indicators' points.
    const cells = m.indicators.filter((d) => d.max !== null).map((d) => d.code).filter((c) => {
      const v = row.indicators[c];
      return v !== undefined && v.ratio !== null && v.points !== null;
    });
    identities.push({ label: "total = Σ points", terms: [term("total"), ...cells.map((c) => ({ atom: `${c}.n`, value: (row.indicators[c] as IndicatorValue).points as number }))] });
  }

  // Complements: d − n of a subset cell, outer − inner of a nested pair.
  const complements: Complement[] = [];
  const complement = (id: string, minuend: string, subtrahend: string) => {
    const a = atoms.get(minuend);
    const b = atoms.get(subtrahend);
    if (!a || !b) return;
    complements.push({ id, value: a.value - b.value, of: [minuend, subtrahend] });
    identities.push({ label: `${id} = ${minuend} − ${subtrahend}`, terms: [term(subtrahend), term(minuend)], virtual: id });
  };
  for (const code of Object.keys(row.indicators)) if (countKindsOf(code).numerator === "subset") complement(`${code}.d−n`, `${code}.d`, `${code}.n`);
  for (const [outer, inner] of version.nested) complement(`${outer}−${inner}`, outer, inner);

  return { atoms, identities, complements, informativeByGroup };
}

/** The value of an atom in a public row: a number when shown, null when withheld, undefined when absent. */
function publicValue(row: PublicRankedUnit, atom: string): number | null | undefined {
  if (atom.startsWith("counts.")) return row.counts[atom.slice(7)];
  if (atom.startsWith("groups.")) return row.groups?.[atom.slice(7)]?.points;
  if (atom === "total") return row.total;
  const cell = row.indicators[cellOf(atom) as string];
  if (!cell) return undefined;
  return atom.endsWith(".n") ? cell.numerator : cell.denominator;
}

const KIND_RANK: Readonly<Record<AtomKind, number>> = { count: 0, measure: 0, group: 1, total: 2 };

/**
 * The values of one row to withhold (atom ids: `P1.n` = the cell's numerator with its ratio and
 * points, `P1.d` = its denominator, `counts.LATE`, `groups.TDGQ`, `total`), given the same row in
 * the public views of the earlier published versions. `all` when the fixpoint found no
 * complement (never expected; fail closed).
 */
export function withheldValues(row: RankedUnit, m: Methodology, earlier: readonly PublicRankedUnit[] = []): { readonly atoms: ReadonlySet<string>; readonly all: boolean } {
  const model = rowModel(row, m);
  const W = new Set<string>();
  const sensitive = new Set<string>();
  // (1) primary, and (4) differences from earlier published versions.
  for (const a of model.atoms.values()) {
    if (a.kind !== "count") continue;
    if (isSmallCount(a.value)) W.add(a.id);
    for (const e of earlier) {
      const old = publicValue(e, a.id);
      if (typeof old === "number" && isSmallCount(Math.abs(a.value - old))) W.add(a.id);
    }
  }
  for (const c of model.complements) {
    if (isSmallCount(c.value)) sensitive.add(c.id);
    for (const e of earlier) {
      const [x, y] = c.of.map((a) => publicValue(e, a));
      if (typeof x === "number" && typeof y === "number" && isSmallCount(Math.abs(c.value - (x - y)))) sensitive.add(c.id);
    }
  }
  // A group can be withheld only if an indicator of it can be (its points come from a ratio).
  const viable = (atom: string) => !atom.startsWith("groups.") || (model.informativeByGroup.get(atom.slice(7))?.length ?? 0) > 0;
  const cells = [...new Set([...model.atoms.keys()].map(cellOf).filter((c): c is string => c !== undefined))];
  // (2) secondary, to a fixpoint.
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of cells) {
      if (W.has(`${c}.d`) && !W.has(`${c}.n`)) {
        W.add(`${c}.n`);
        changed = true;
      }
    }
    for (const id of model.identities) {
      if (id.virtual !== undefined && !sensitive.has(id.virtual)) continue;
      const withheld = id.terms.filter((t) => W.has(t.atom)).length + (id.virtual !== undefined ? 1 : 0);
      if (withheld !== 1) continue;
      const candidates = id.terms.filter((t) => !W.has(t.atom) && viable(t.atom));
      if (candidates.length === 0) return { atoms: new Set(model.atoms.keys()), all: true };
      const rank = (t: { atom: string; value: number }) => {
        const a = model.atoms.get(t.atom) as Atom;
        return [KIND_RANK[a.kind], t.value > 0 ? 0 : 1, t.value, a.order];
      };
      const best = candidates.reduce((b, t) => {
        const [x, y] = [rank(t), rank(b)];
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number) ? t : b;
        return b;
      });
      W.add(best.atom);
      changed = true;
    }
  }
  return { atoms: W, all: false };
}

/** A row as the public sees it, given the atoms withheld. */
function publicRow(row: RankedUnit, withheld: { readonly atoms: ReadonlySet<string>; readonly all: boolean }): PublicRankedUnit {
  const W = withheld.atoms;
  const paths: string[] = [];
  const indicators: Record<string, PublicIndicatorValue> = {};
  for (const [code, v] of Object.entries(row.indicators)) {
    const n = W.has(`${code}.n`);
    const d = W.has(`${code}.d`);
    if (!n && !d) {
      indicators[code] = v;
      continue;
    }
    // Points a rule gave (ratio null: not applicable) say nothing about the counts and stay.
    const points = n && (v.ratio !== null || withheld.all) ? null : v.points;
    const cell: PublicIndicatorValue = { numerator: n ? null : v.numerator, denominator: d ? null : v.denominator, ratio: n ? null : v.ratio, points, max: v.max, status: v.status, suppressed: true };
    indicators[code] = cell;
    if (n) paths.push(`indicators.${code}.numerator`);
    if (n && v.ratio !== null) paths.push(`indicators.${code}.ratio`);
    if (points === null && v.points !== null) paths.push(`indicators.${code}.points`);
    if (d) paths.push(`indicators.${code}.denominator`);
  }
  const counts: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(row.counts)) {
    const w = W.has(`counts.${k}`);
    counts[k] = w ? null : v;
    if (w) paths.push(`counts.${k}`);
  }
  let groups: Record<string, PublicGroupPoints> | undefined;
  if (row.groups) {
    groups = {};
    for (const [g, v] of Object.entries(row.groups)) {
      const w = W.has(`groups.${g}`);
      groups[g] = w ? { points: null, max: v.max, suppressed: true } : v;
      if (w) paths.push(`groups.${g}.points`);
    }
  }
  const totalWithheld = W.has("total");
  if (totalWithheld) paths.push("total");
  return {
    unitId: row.unitId,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    tier: row.tier,
    rank: row.rank,
    total: totalWithheld ? null : row.total,
    complete: row.complete,
    // Indicator codes only (their status is public anyway): passed through as the snapshot has them.
    ...(row.missing ? { missing: row.missing } : {}),
    band: row.band,
    indicators,
    counts,
    ...(groups ? { groups } : {}),
    ...(paths.length > 0 ? { suppressed: paths } : {}),
  };
}

/** The methodology a snapshot was scored with (the default version for an id this build does not know). */
const methodologyOf = (s: Pick<RankingSnapshot, "methodology">): Methodology => methodologyById(s.methodology) ?? getMethodology();

/**
 * The public view of a tier's ranking snapshot: `scan` dropped, small counts and whatever derives
 * them withheld (module comment). `earlier`: the public views of the earlier published versions of
 * the same period and tier (empty for a draft or version 1), so that no shown count differs from an
 * earlier shown one by 1 to 4. Deterministic: the same inputs give the same view.
 * @example publicRanking(snapshotWithS1OneOfThree, []).units[0].indicators.S1 // { numerator: null, denominator: null, ratio: null, points: null, …, suppressed: true }
 */
export function publicRanking(snapshot: RankingSnapshot, earlier: readonly PublicRankingSnapshot[] = []): PublicRankingSnapshot {
  const m = methodologyOf(snapshot);
  const byUnit = new Map<string, PublicRankedUnit[]>();
  for (const e of earlier) for (const u of e.units) byUnit.set(u.unitId, [...(byUnit.get(u.unitId) ?? []), u]);
  const units = snapshot.units.map((u) => publicRow(u, withheldValues(u, m, byUnit.get(u.unitId) ?? [])));
  const { scan: _internal, units: _exact, ...rest } = snapshot;
  return {
    ...rest,
    units,
    suppression: {
      smallCount: SMALL_COUNT,
      checkedVersions: earlier.flatMap((e) => (e.version === null ? [] : [e.version])),
      withheld: units.reduce((s, u) => s + (u.suppressed?.length ?? 0), 0),
    },
  };
}
