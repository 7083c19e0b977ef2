/**
 * The lists behind the indicators as a reader makes them (use-cases/read/read-lists.ts), from the
 * rows of one end's dossier and records lists (as the engine gives them, or as the lake files hold
 * them), added up per unit and indicator: what the differential test compares with the SQL's and the
 * reference scorer's numerators and denominators.
 */
import type { Methodology, Period } from "@scorecard/shared";
import {
  type ListContext,
  LIST_PARTS,
  PROVINCE_PARTITION,
  type RecordKind,
  indicatorList,
  listContext,
  listSpec,
  listedIndicators,
  parseCatalogRow,
  parseDossierRow,
  splitRecordRows,
  unitDays,
  withDossierActivity,
} from "@scorecard/shared/facts/indicator-lists";

type Raw = Readonly<Record<string, unknown>>;

/** unit → indicator → [numerator, denominator] from the lists. */
export type ListTotals = Record<string, Record<string, [number, number]>>;

const byUnit = (rows: readonly Raw[]) => {
  const out = new Map<string, Raw[]>();
  for (const r of rows) {
    const u = String(r["unit_id"]);
    const list = out.get(u);
    if (list) list.push(r);
    else out.set(u, [r]);
  }
  return out;
};

/**
 * The totals of every listed indicator of `m` for `units` in `period`, from the dossier rows of its
 * end (open ones and the run's finished ones, `last_t` before the end — the caller filters), its
 * records rows (every partition, `_province` included) and the run's catalog rows.
 */
export function listTotals(m: Methodology, period: Period, units: readonly string[], dossierRows: readonly Raw[], recordRows: readonly Raw[], catalogRows: readonly Raw[]): ListTotals {
  const c: ListContext & { methodology: Methodology } = { ...listContext(period, m), methodology: m };
  const dossiers = byUnit(dossierRows);
  const records = byUnit(recordRows);
  const catalog = byUnit(catalogRows);
  const province = splitRecordRows(records.get(PROVINCE_PARTITION) ?? []).charges;
  const unitRows = unitDays(province, c);
  const out: ListTotals = {};
  for (const u of units) {
    const own = (dossiers.get(u) ?? []).map(parseDossierRow);
    const split = splitRecordRows(records.get(u) ?? []);
    // As the reader: the catalog rows with the unit's dossier activity (O2, MB).
    const procedures = withDossierActivity((catalog.get(u) ?? []).map(parseCatalogRow), own);
    const rowsOf = (kind: RecordKind): readonly unknown[] =>
      kind === "dossier" ? own : kind === "unit" ? unitRows : kind === "complaint" ? split.complaints : kind === "consultation" ? split.consultations : kind === "charge" ? split.charges : procedures;
    const values: Record<string, [number, number]> = {};
    for (const code of listedIndicators(m)) {
      const [num, den] = LIST_PARTS.map((part) => {
        const spec = listSpec(m, code, part);
        if (!spec.computed) throw new Error(`${code} has no list`);
        return indicatorList(code, part, rowsOf(spec.kind) as never[], c).total;
      }) as [number, number];
      values[code] = [num, den];
    }
    out[u] = values;
  }
  return out;
}

/** Indicator values (reference or SQL) as the same shape, for the listed indicators of `m` only. */
export function countsOf(m: Methodology, units: readonly { unitId: string; values: Readonly<Record<string, { numerator: number; denominator: number }>> }[]): ListTotals {
  const codes = listedIndicators(m);
  return Object.fromEntries(
    units.map((u) => [u.unitId, Object.fromEntries(codes.map((code) => [code, [u.values[code]?.numerator ?? 0, u.values[code]?.denominator ?? 0] as [number, number]]))]),
  );
}
