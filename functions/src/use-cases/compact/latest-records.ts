/**
 * The latest state of complaints and catalog records, merged from their posted versions: the
 * rules of the local record compactor (functions/src/adapters/local/duckdb-record-compactor.ts)
 * in TypeScript, for the cloud, where the tables are small enough to merge in the function.
 *
 * Merging is incremental and idempotent: a table's rows carry the raw object they came from
 * (`_key`, a key Athena ignores), so the current table plus fresh versions gives the same rows
 * as all versions at once, and merging the same versions twice changes nothing.
 *
 * - Complaint: per complaintId, the version with the most life-cycle steps recorded (accepted,
 *   refused, handled, a verdict, a re-complaint); on a tie the later raw object, then the later line.
 * - Procedure: per code, the version from the later raw object (then the later line); its
 *   `unitIds` give the `dim_procedure_units` rows.
 */
import type { ProcedureRecord, StoredComplaint } from "@scorecard/shared";
import { sqlTimestampText } from "../../lib/json-lines.js";

/** A row of `curated_complaints` (shared/src/lake/schema.ts) plus its lineage. */
export interface ComplaintRow {
  readonly complaint_id: string;
  readonly source: string;
  readonly unit_id: string;
  readonly received_at: string;
  readonly category: string | null;
  readonly case_id: string | null;
  readonly procedure_code: string | null;
  readonly field: string | null;
  readonly accepted_at: string | null;
  readonly refused_at: string | null;
  readonly handled_at: string | null;
  readonly satisfied: boolean | null;
  readonly re_complained: boolean | null;
  /** The raw object this state came from. */
  readonly _key: string;
}

/** A row of `dim_procedures` plus its lineage (`_unit_ids` rebuilds `dim_procedure_units`). */
export interface ProcedureRow {
  readonly code: string;
  readonly name_vi: string;
  readonly field: string;
  readonly tier: string;
  readonly online_level: string;
  readonly fee_bearing: boolean;
  readonly payment_integrated: boolean | null;
  readonly result_required: boolean;
  readonly population_db_connected: boolean | null;
  readonly time_limit_days: number | null;
  readonly valid_from: string;
  readonly valid_to: string | null;
  readonly change_kind: string | null;
  readonly decision_date: string | null;
  readonly legal_effective_date: string | null;
  readonly public_date: string | null;
  readonly content_complete: boolean | null;
  readonly _key: string;
  readonly _unit_ids: readonly string[] | null;
}

export interface ProcedureUnitRow {
  readonly code: string;
  readonly unit_id: string;
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function complaintRow(c: StoredComplaint, key: string): ComplaintRow {
  return {
    complaint_id: c.complaintId,
    source: c.source,
    unit_id: c.unitId,
    received_at: sqlTimestampText(c.receivedAt) as string,
    category: orNull(c.category),
    case_id: orNull(c.caseId),
    procedure_code: orNull(c.procedureCode),
    field: orNull(c.field),
    accepted_at: sqlTimestampText(c.acceptedAt),
    refused_at: sqlTimestampText(c.refusedAt),
    handled_at: sqlTimestampText(c.handledAt),
    satisfied: orNull(c.satisfied),
    re_complained: orNull(c.reComplained),
    _key: key,
  };
}

export function procedureRow(p: ProcedureRecord, key: string): ProcedureRow {
  return {
    code: p.code,
    name_vi: p.nameVi,
    field: p.field,
    tier: p.tier,
    online_level: p.onlineLevel,
    fee_bearing: p.feeBearing,
    payment_integrated: orNull(p.paymentIntegrated),
    result_required: p.resultRequired,
    population_db_connected: orNull(p.populationDbConnected),
    time_limit_days: orNull(p.timeLimitWorkingDays),
    valid_from: p.validFrom,
    valid_to: orNull(p.validTo),
    change_kind: orNull(p.publication?.changeKind),
    decision_date: orNull(p.publication?.decisionDate),
    legal_effective_date: orNull(p.publication?.legalEffectiveDate),
    public_date: orNull(p.publication?.publicDate),
    content_complete: orNull(p.publication?.contentComplete),
    _key: key,
    _unit_ids: p.unitIds ? [...p.unitIds] : null,
  };
}

/** Life-cycle steps a complaint version records (the local compactor's ranking). */
export const complaintSteps = (r: ComplaintRow) =>
  Number(r.accepted_at !== null) + Number(r.refused_at !== null) + Number(r.handled_at !== null) + Number(r.satisfied !== null) + Number(r.re_complained === true);

/** Does `candidate` replace `current`? Later lines call this after earlier ones, so a full tie keeps the later line. */
const complaintWins = (candidate: ComplaintRow, current: ComplaintRow) => {
  const d = complaintSteps(candidate) - complaintSteps(current);
  return d !== 0 ? d > 0 : candidate._key >= current._key;
};
const procedureWins = (candidate: ProcedureRow, current: ProcedureRow) => candidate._key >= current._key;

/** Merge versions (in raw-key, then line order) into the table of latest states, by id. Returns the ids that changed. */
function merge<R>(table: Map<string, R>, versions: Iterable<R>, id: (r: R) => string, wins: (candidate: R, current: R) => boolean): Set<string> {
  const changed = new Set<string>();
  for (const v of versions) {
    const current = table.get(id(v));
    if (current === undefined || wins(v, current)) {
      table.set(id(v), v);
      changed.add(id(v));
    }
  }
  return changed;
}

export const mergeComplaints = (table: Map<string, ComplaintRow>, versions: Iterable<ComplaintRow>) => merge(table, versions, (r) => r.complaint_id, complaintWins);
export const mergeProcedures = (table: Map<string, ProcedureRow>, versions: Iterable<ProcedureRow>) => merge(table, versions, (r) => r.code, procedureWins);

const byKeys = <R>(keys: (r: R) => readonly (string | null)[]) => (a: R, b: R) => {
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] ?? "";
    const y = kb[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** The table's rows in a stable order (unit, received, id), as the local table is sorted. */
export const complaintTable = (table: ReadonlyMap<string, ComplaintRow>): ComplaintRow[] =>
  [...table.values()].sort(byKeys((r) => [r.unit_id, r.received_at, r.complaint_id]));

export const procedureTable = (table: ReadonlyMap<string, ProcedureRow>): ProcedureRow[] => [...table.values()].sort(byKeys((r) => [r.code]));

/** `dim_procedure_units`: the units of each procedure restricted to named units (latest version). */
export const procedureUnitTable = (table: ReadonlyMap<string, ProcedureRow>): ProcedureUnitRow[] =>
  procedureTable(table)
    .flatMap((p) => (p._unit_ids ?? []).map((unit_id) => ({ code: p.code, unit_id })))
    .sort(byKeys((r) => [r.code, r.unit_id]));
