/**
 * `GET /v1/units/{unitId}/cases`: the records behind a unit's numbers (issue 20, item 1;
 * docs/adr/0016-indicator-lists.md). A staged scoring run wrote, per period end, the unit's dossiers
 * and the records behind its other indicators (use-cases/score/drilldown-writer.ts); a run over kept
 * facts leaves them to be read on request (docs/adr/0023 point 7). This reads the unit's rows of the
 * list of the period's end (endListRows: the files, or the kept facts) and classifies them with
 * shared/src/facts/indicator-lists.ts for the period asked: the same function whose totals the
 * differential test holds equal to the scorecard's numerators and denominators.
 */
import type { Row } from "../../ports/engine.js";
import { type Period, parsePeriod } from "@scorecard/shared";
import type { DossierRecord, IndicatorList, ListRecord } from "@scorecard/shared/contracts/indicator-lists";
import { LIST_PAGE_DEFAULT, LIST_PAGE_MAX } from "@scorecard/shared/contracts/indicator-lists";
import { CASE_STATUSES } from "@scorecard/shared/contracts/params";
import {
  type CatalogRow,
  type ChargeRow,
  type ComplaintRow,
  type ConsultationRow,
  type DossierRow,
  type ListContext,
  type ListPart,
  type ListedRecord,
  type RecordKind,
  COMPLAINT_FLAGS,
  LIST_FORMAT,
  PROCEDURE_FLAGS,
  dossierInList,
  indicatorList,
  listContext,
  listSpec,
  parseDossierRow,
  parseCatalogRow,
  splitRecordRows,
  statusRule,
  unitDays,
  withDossierActivity,
} from "@scorecard/shared/facts/indicator-lists";
import { PROVINCE_PARTITION } from "@scorecard/shared/lake/layout";
import { getMethodology } from "@scorecard/shared/methodology/registry";
import { type ProcedureName, procedureNames } from "./procedure-names.js";
import { type DrilldownSource, type ReadDeps, catalogListRows, drilldownSource, endListRows } from "./read-rankings.js";

export interface ListQuery {
  readonly indicator?: string | undefined;
  readonly part?: ListPart | undefined;
  readonly status?: string | undefined;
  readonly page?: number | undefined;
  readonly limit?: number | undefined;
}

export type ListAnswer =
  | { readonly kind: "ok"; readonly list: IndicatorList }
  /** An unknown unit, a period never scored, or lists written before indicators had them. */
  | { readonly kind: "not-found"; readonly detail: string }
  /** An indicator the methodology does not have (422). */
  | { readonly kind: "unknown-indicator"; readonly detail: string };

const iso = (t: number | null) => (t === null ? null : new Date(t * 1000).toISOString());
const STATUS_ORDER: readonly string[] = CASE_STATUSES;

/** The unit's dossiers of one end's list (endListRows) that `keep` accepts. */
async function dossierRows(deps: ReadDeps, source: DrilldownSource, unitId: string, endT: number, keep: (r: DossierRow) => boolean): Promise<DossierRow[]> {
  return (await endListRows(deps, source, unitId, "dossiers", endT)).map((r: Row) => parseDossierRow(r)).filter(keep);
}

/** A dossier row as a record of the contract. */
function dossierRecord(r: DossierRow, placed: { rule: string; value: number | null; inNumerator: boolean | null }, names: ReadonlyMap<string, ProcedureName>): DossierRecord {
  const name = r.procedureCode === null ? undefined : names.get(r.procedureCode);
  return {
    kind: "dossier",
    id: r.caseId,
    rule: placed.rule,
    value: placed.value,
    inNumerator: placed.inNumerator,
    caseId: r.caseId,
    field: r.field,
    procedureCode: r.procedureCode,
    procedureNameVi: name?.nameVi ?? null,
    procedureNameEn: name?.nameEn ?? null,
    channel: r.channel,
    status: r.status,
    receivedAt: iso(r.receivedT) as string,
    dueAt: iso(r.dueT),
    endAt: iso(r.endT),
    resolvedAt: iso(r.resolvedT),
    returnedAt: iso(r.refusedT),
    supplementRequests: r.supplementRequests,
    handlingDays: r.handlingDays,
    overrunDays: r.overrunDays,
    consultedUnits: r.consultedUnits,
  };
}

/** A classified row of any kind as a record of the contract. */
function toRecord(kind: RecordKind, l: ListedRecord<unknown>, names: ReadonlyMap<string, ProcedureName>): ListRecord {
  const base = { rule: l.rule, value: l.value, inNumerator: l.inNumerator };
  switch (kind) {
    case "dossier":
      return dossierRecord(l.row as DossierRow, base, names);
    case "complaint": {
      const r = l.row as ComplaintRow;
      return {
        kind, id: r.complaintId, ...base, complaintId: r.complaintId, caseId: r.caseId, receivedAt: iso(r.receivedT) as string, acceptedAt: iso(r.acceptedT),
        refusedAt: iso(r.refusedT), handledAt: iso(r.handledT), verdict: r.verdict,
        disliked: (r.flags & COMPLAINT_FLAGS.disliked) !== 0, reComplained: (r.flags & COMPLAINT_FLAGS.reComplained) !== 0,
      };
    }
    case "consultation": {
      const r = l.row as ConsultationRow;
      const requestedAt = iso(r.requestedT) as string;
      return { kind, id: `${r.caseId}@${requestedAt}`, ...base, caseId: r.caseId, requestedAt, dueAt: iso(r.dueT), answeredAt: iso(r.answeredT), verdict: r.verdict, daysLate: r.daysLate };
    }
    case "charge": {
      const r = l.row as ChargeRow;
      return { kind, id: r.caseId, ...base, caseId: r.caseId, chargedUnitId: r.unitId, leadUnitId: r.leadUnitId, role: r.role, days: r.days, receivedAt: iso(r.receivedT) as string };
    }
    case "unit": {
      const r = l.row as { unitId: string; days: number };
      return { kind, id: r.unitId, ...base, unitId: r.unitId, days: r.days };
    }
    case "procedure": {
      const r = l.row as CatalogRow;
      const f = (bit: number) => (r.flags & bit) !== 0;
      const name = names.get(r.code);
      return {
        kind, id: r.code, ...base, code: r.code, nameVi: name?.nameVi ?? null, nameEn: name?.nameEn ?? null, onlineLevel: r.onlineLevel,
        feeBearing: f(PROCEDURE_FLAGS.feeBearing), paymentIntegrated: f(PROCEDURE_FLAGS.paymentIntegrated), populationDbConnected: f(PROCEDURE_FLAGS.populationDbConnected),
        contentComplete: f(PROCEDURE_FLAGS.contentComplete), validFrom: r.validFrom, validTo: r.validTo, decisionDate: r.decisionDate, legalEffectiveDate: r.legalEffectiveDate,
        publicDate: r.publicDate, lastOnlineAt: iso(r.lastOnlineT), lastPaidAt: iso(r.lastPaidT),
      };
    }
  }
}

/** When the record happened, for the order of a count list (dossiers by receipt, complaints by receipt, consultations by request). */
const timeOf = (kind: RecordKind, row: unknown): number => {
  if (kind === "dossier") return (row as DossierRow).receivedT;
  if (kind === "complaint") return (row as ComplaintRow).receivedT;
  if (kind === "consultation") return (row as ConsultationRow).requestedT;
  if (kind === "charge") return (row as ChargeRow).receivedT;
  return 0;
};
const idOf = (kind: RecordKind, row: unknown): string =>
  kind === "dossier" || kind === "consultation" || kind === "charge"
    ? (row as { caseId: string }).caseId
    : kind === "complaint"
      ? (row as ComplaintRow).complaintId
      : kind === "unit"
        ? (row as { unitId: string }).unitId
        : (row as CatalogRow).code;

/**
 * The records behind one of a unit's numbers, one page of them. Lists that add values up (P2, R5D,
 * R6, R7) come largest value first; the others in time order (catalog entries by code); the
 * progress drill-down (no indicator) by status, then receipt.
 */
export const readIndicatorList = (deps: ReadDeps) => {
  const names = procedureNames(deps);
  return async (unitId: string, periodId: string, q: ListQuery = {}): Promise<ListAnswer> => {
    if (!deps.catalog.get(unitId)) return { kind: "not-found", detail: `No unit ${unitId}.` };
    const period: Period = parsePeriod(periodId);
    const source = await drilldownSource(deps, period);
    if (!source) return { kind: "not-found", detail: `No dossiers recorded for ${unitId} in ${period.id}.` };
    const m = getMethodology(deps.methodology);
    const c: ListContext & { methodology: typeof m } = { ...listContext(period, m), methodology: m };
    const limit = Math.min(Math.max(q.limit ?? LIST_PAGE_DEFAULT, 1), LIST_PAGE_MAX);
    const page = Math.max(q.page ?? 1, 1);
    const status = q.status ?? null;
    const head = { unitId, period: period.id, methodology: deps.methodology, computedAt: source.pointer.computedAt ?? null, status };
    const paged = (all: readonly ListRecord[]) => ({ count: all.length, page, limit, pages: Math.max(1, Math.ceil(all.length / limit)), records: all.slice((page - 1) * limit, page * limit) });
    const procedureNamesNow = await names();

    if (q.indicator === undefined) {
      // The progress drill-down: every dossier in the period's list, by status.
      const rows = (await dossierRows(deps, source, unitId, c.endT, (r) => dossierInList(r, c.startT))).filter((r) => status === null || r.status === status);
      rows.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.receivedT - b.receivedT || a.caseId.localeCompare(b.caseId));
      const records = rows.map((r) => dossierRecord(r, { rule: statusRule(r), value: null, inNumerator: null }, procedureNamesNow));
      return { kind: "ok", list: { ...head, indicator: null, part: null, computed: true, reason: null, kind: "dossier", aggregate: "count", total: records.length, ...paged(records) } };
    }

    const code = q.indicator;
    if (!m.indicators.some((i) => i.code === code)) return { kind: "unknown-indicator", detail: `Query parameter "indicator": ${code} is not an indicator of methodology ${m.id}.` };
    const part: ListPart = q.part ?? "denominator";
    const spec = listSpec(m, code, part);
    const empty = { count: 0, page, limit, pages: 1, records: [] };
    if (!spec.computed) return { kind: "ok", list: { ...head, indicator: code, part, computed: false, reason: spec.reason, kind: null, aggregate: null, total: null, ...empty } };
    if (source.pointer.kept === undefined && (source.pointer.lists !== LIST_FORMAT || source.pointer.catalog === undefined)) {
      return { kind: "not-found", detail: `The lists of ${period.id} were written before indicators had them; they come with the period's next scoring.` };
    }

    const recordsOf = async (partition: string) => splitRecordRows(await endListRows(deps, source, partition, "records", c.endT));
    let rows: readonly unknown[];
    switch (spec.kind) {
      case "dossier":
        rows = await dossierRows(deps, source, unitId, c.endT, (r) => status === null || r.status === status);
        break;
      case "unit":
        rows = unitDays((await recordsOf(PROVINCE_PARTITION)).charges, c);
        break;
      case "procedure": {
        const catalog = ((await catalogListRows(deps, source, unitId)) ?? []).map(parseCatalogRow);
        // O2, MB: whether the unit received a dossier of the procedure online / paid online in the period.
        rows = spec.dossierActivity ? withDossierActivity(catalog, await dossierRows(deps, source, unitId, c.endT, () => true)) : catalog;
        break;
      }
      default: {
        const split = await recordsOf(unitId);
        rows = spec.kind === "complaint" ? split.complaints : spec.kind === "consultation" ? split.consultations : split.charges;
      }
    }
    const result = indicatorList(code, part, rows as never[], c);
    const kind = result.kind;
    const listed = [...result.records];
    if (result.aggregate === "sum") listed.sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || idOf(kind, a.row).localeCompare(idOf(kind, b.row)));
    else listed.sort((a, b) => timeOf(kind, a.row) - timeOf(kind, b.row) || idOf(kind, a.row).localeCompare(idOf(kind, b.row)));
    const records = listed.map((l) => toRecord(kind, l, procedureNamesNow));
    return { kind: "ok", list: { ...head, indicator: code, part, computed: true, reason: null, kind, aggregate: result.aggregate, total: result.total, ...paged(records) } };
  };
};
