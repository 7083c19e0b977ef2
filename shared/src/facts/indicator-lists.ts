/**
 * The records behind every computed indicator (issue 20, item 1; docs/adr/0016-indicator-lists.md):
 * for a unit, a period and an indicator, which dossiers, complaints, consultations, delay charges or
 * catalog entries make its numerator and its denominator, with each record's value (averages: P2,
 * R5D, R6, R7) and the rule that put it there.
 *
 * A scoring run unloads, once per period end, the unit's list (record-list.sql.ts `endListSql`):
 * its dossiers (case-list.sql.ts, with the columns and `flags` below; no `kind`) and its other
 * records (`kind`: consultations of the unit as the consulted one, delay charges, complaints naming
 * it); and once per run its catalog entries. Every record holds
 * what the indicators of any period with that end decide on: the verdicts as of the end, and the
 * instants (receipt, end, resolution, request, answer) and dates that the period's start is compared
 * with. So the same pure functions decide, for each period with that end, whether a record is in an
 * indicator's numerator or denominator — the list of a month read out of its quarter's or year's.
 *
 * The rules are the SQL's (case-indicators.sql.ts `OWNER_COUNTS`, the consultation, delay-charge,
 * catalog and complaint statements), written once more over the unloaded rows; the totals equal the
 * scorecard's numerators and denominators for every computed indicator of every methodology version
 * (functions/test/sql-differential.test.ts, on the generated provinces of the SQL ≡ reference test).
 *
 * Pure: no I/O. Rows come from CSV (DuckDB's COPY: text) or JSON lines (Athena's UNLOAD: typed,
 * nulls maybe absent); `parse*Row` turns either into typed records.
 */
import { COMPLEX_FIELDS } from "../contracts/case-event.js";
import type { Methodology } from "../methodology/methodology.js";
import { type ListAggregate, type ListPart, type ListRule, type RecordKind } from "./list-rules.js";

export * from "./list-rules.js";

/** The partition of an end's list holding every unit's delay charges (R7's denominator): not a unit id. */
export { PROVINCE_PARTITION } from "../lake/layout.js";

/** Bits of a dossier row's `flags` (the SQL writes the sum of those that hold: case-list.sql.ts). */
export const DOSSIER_FLAGS = {
  /** T4: synced to the national portal. */
  synced: 1,
  /** MA, MB: paid online (an online PAYMENT_COMPLETED). */
  paidOnline: 2,
  /** MA: fee-bearing (the events' flag, else the catalog). */
  fee: 4,
  /** D1, D2, O4: the procedure issues a result (the events' flag, else the catalog). */
  needsResult: 8,
  digitizedDossier: 16,
  digitizedResult: 32,
  digitallySigned: 64,
  reusedData: 128,
  personalDataStore: 256,
  populationDatabase: 512,
  /** R2: an apology letter was issued. */
  apology: 1024,
  /** R3 (dn-2026.2): Home Affairs marked its return improper. */
  improper: 2048,
  /** S3, S3A: the latest rating says not satisfied. */
  ratedUnsatisfied: 4096,
  /** R6: another unit was consulted. */
  consulted: 8192,
} as const;
export type DossierFlag = keyof typeof DOSSIER_FLAGS;

/** Bits of a complaint row's `flags`. */
export const COMPLAINT_FLAGS = { disliked: 1, reComplained: 2 } as const;

/** Bits of a catalog row's `flags` (T1/T2's working-day tests are made by the SQL on dim_calendar). */
export const PROCEDURE_FLAGS = {
  feeBearing: 1,
  paymentIntegrated: 2,
  populationDbConnected: 4,
  contentComplete: 8,
  /** T1: decision dated ≥ 5 working days before the legal basis took effect. */
  t1OnTime: 16,
  /** T2: made public ≤ 5 working days after the decision. */
  t2OnTime: 32,
} as const;

// ——— rows ———

export interface DossierRow {
  readonly caseId: string;
  readonly field: string | null;
  readonly procedureCode: string | null;
  readonly channel: string | null;
  /** As of the list's end (methodology §2). */
  readonly status: string;
  /** Epoch seconds. */
  readonly receivedT: number;
  readonly dueT: number | null;
  readonly endT: number | null;
  readonly resolvedT: number | null;
  /** The first REFUSED / STOPPED before the end. */
  readonly refusedT: number | null;
  readonly withdrawnT: number | null;
  readonly openRequestT: number | null;
  readonly lastT: number | null;
  readonly supplementRequests: number;
  /** P2: working days from receipt to resolution (null: not resolved). */
  readonly handlingDays: number | null;
  /** Working days past the effective due date (LATE / OVERDUE). */
  readonly overrunDays: number;
  /** R6: distinct units consulted. */
  readonly consultedUnits: number;
  readonly flags: number;
  /** The first complaint naming the dossier (S3A counts it when it came before the period's end). */
  readonly complainedT: number | null;
}

export interface ConsultationRow {
  readonly caseId: string;
  readonly requestedT: number;
  readonly dueT: number | null;
  readonly answeredT: number | null;
  /** As of the list's end: ON_TIME | LATE | OVERDUE | PENDING. */
  readonly verdict: string;
  readonly daysLate: number;
}

export interface ChargeRow {
  readonly caseId: string;
  /** The unit charged. */
  readonly unitId: string;
  /** The dossier's receiving (lead) unit. */
  readonly leadUnitId: string | null;
  readonly role: string;
  readonly days: number;
  /** The dossier's receipt and end: whether it is in a period's scope. */
  readonly receivedT: number;
  readonly endT: number | null;
}

export interface ComplaintRow {
  readonly complaintId: string;
  readonly caseId: string | null;
  readonly receivedT: number;
  readonly acceptedT: number | null;
  readonly refusedT: number | null;
  readonly handledT: number | null;
  /** As of the list's end: ON_TIME | LATE | OVERDUE | PENDING. */
  readonly verdict: string;
  readonly flags: number;
}

export interface CatalogRow {
  readonly code: string;
  readonly onlineLevel: string | null;
  /** Local dates `YYYY-MM-DD`. */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly decisionDate: string | null;
  readonly legalEffectiveDate: string | null;
  readonly publicDate: string | null;
  /** T2: the first day on which the 5 working days after the decision have passed (null: no decision). */
  readonly t2Deadline: string | null;
  readonly flags: number;
  /**
   * O2, MB: the latest receipt of a dossier of the procedure by the unit filed online / paid online,
   * among the dossiers of the list's period end (`withDossierActivity`); null when none (or not read).
   */
  readonly lastOnlineT: number | null;
  readonly lastPaidT: number | null;
}

/** A unit's delay days in the period (R7's denominator: every unit charged in the province). */
export interface UnitDaysRow {
  readonly unitId: string;
  readonly days: number;
}

export interface RowsByKind {
  readonly dossier: DossierRow;
  readonly complaint: ComplaintRow;
  readonly consultation: ConsultationRow;
  readonly charge: ChargeRow;
  readonly unit: UnitDaysRow;
  readonly procedure: CatalogRow;
}

// ——— parsing what the engine unloaded ———

type Raw = Readonly<Record<string, unknown>>;
const absent = (v: unknown) => v === null || v === undefined || v === "";
const num = (v: unknown): number | null => (absent(v) ? null : Number(v));
const int = (v: unknown): number => (absent(v) ? 0 : Number(v));
const str = (v: unknown): string | null => (absent(v) ? null : String(v));
/** A local date, whether the engine wrote `2024-03-01` or an instant. */
const date = (v: unknown): string | null => (absent(v) ? null : String(v).slice(0, 10));

export function parseDossierRow(r: Raw): DossierRow {
  return {
    caseId: String(r["case_id"]),
    field: str(r["field"]),
    procedureCode: str(r["procedure_code"]),
    channel: str(r["channel"]),
    status: String(r["status"]),
    receivedT: Number(r["received_t"]),
    dueT: num(r["due_eff_t"]),
    endT: num(r["end_t"]),
    resolvedT: num(r["resolved_t"]),
    refusedT: num(r["refused_t"]),
    withdrawnT: num(r["withdrawn_t"]),
    openRequestT: num(r["open_request_t"]),
    lastT: num(r["last_t"]),
    supplementRequests: int(r["supplement_requests"]),
    handlingDays: num(r["handling_days"]),
    overrunDays: int(r["overrun_days"]),
    consultedUnits: int(r["consulted_units"]),
    flags: int(r["flags"]),
    complainedT: num(r["complained_t"]),
  };
}

/** The kind of an end's list row (record-list.sql.ts `kind`): a row without one is a dossier (as every row of the finished lists). */
export const recordKindOf = (r: Raw): string => (absent(r["kind"]) ? "dossier" : String(r["kind"]));
/** Whether a list row is a dossier's (an end's list holds the records behind the other indicators too). */
export const isDossierRow = (r: Raw): boolean => recordKindOf(r) === "dossier";

export function parseConsultationRow(r: Raw): ConsultationRow {
  return { caseId: String(r["case_id"]), requestedT: Number(r["requested_t"]), dueT: num(r["due_t"]), answeredT: num(r["answered_t"]), verdict: String(r["verdict"]), daysLate: int(r["days"]) };
}

export function parseChargeRow(r: Raw): ChargeRow {
  return {
    caseId: String(r["case_id"]),
    unitId: String(r["ref_unit"]),
    leadUnitId: str(r["lead_unit"]),
    role: String(r["role"]),
    days: int(r["days"]),
    receivedT: Number(r["received_t"]),
    endT: num(r["end_t"]),
  };
}

export function parseComplaintRow(r: Raw): ComplaintRow {
  return {
    complaintId: String(r["id"]),
    caseId: str(r["case_id"]),
    receivedT: Number(r["received_t"]),
    acceptedT: num(r["accepted_t"]),
    refusedT: num(r["refused_t"]),
    handledT: num(r["handled_t"]),
    verdict: String(r["verdict"]),
    flags: int(r["flags"]),
  };
}

export function parseCatalogRow(r: Raw): CatalogRow {
  return {
    code: String(r["id"]),
    onlineLevel: str(r["online_level"]),
    validFrom: date(r["valid_from"]),
    validTo: date(r["valid_to"]),
    decisionDate: date(r["decision_date"]),
    legalEffectiveDate: date(r["legal_effective_date"]),
    publicDate: date(r["public_date"]),
    t2Deadline: date(r["t2_deadline"]),
    flags: int(r["flags"]),
    lastOnlineT: null,
    lastPaidT: null,
  };
}

/**
 * The catalog rows with the unit's dossier activity (O2, MB): the latest receipt, among the unit's
 * dossier rows of the period's end, of a dossier of each procedure filed online and of one paid
 * online (the classifier compares them with the period's start, as the case statement's
 * `procedure_cases` does with the dossiers received in the period).
 */
export function withDossierActivity(catalog: readonly CatalogRow[], dossiers: readonly DossierRow[]): CatalogRow[] {
  const online = new Map<string, number>();
  const paid = new Map<string, number>();
  const later = (m: Map<string, number>, code: string, t: number) => m.set(code, Math.max(m.get(code) ?? -Infinity, t));
  for (const r of dossiers) {
    if (r.procedureCode === null) continue;
    if (r.channel === "ONLINE_FULL" || r.channel === "ONLINE_PARTIAL") later(online, r.procedureCode, r.receivedT);
    if ((r.flags & DOSSIER_FLAGS.paidOnline) !== 0) later(paid, r.procedureCode, r.receivedT);
  }
  return catalog.map((c) => ({ ...c, lastOnlineT: online.get(c.code) ?? null, lastPaidT: paid.get(c.code) ?? null }));
}

/** The records of a unit's rows of an end's list by kind, its dossiers left out (the province partition gives the charges only). */
export function splitRecordRows(rows: readonly Raw[]): { consultations: ConsultationRow[]; charges: ChargeRow[]; complaints: ComplaintRow[] } {
  const out = { consultations: [] as ConsultationRow[], charges: [] as ChargeRow[], complaints: [] as ComplaintRow[] };
  for (const r of rows) {
    const kind = recordKindOf(r);
    if (kind === "consultation") out.consultations.push(parseConsultationRow(r));
    else if (kind === "charge") out.charges.push(parseChargeRow(r));
    else if (kind === "complaint") out.complaints.push(parseComplaintRow(r));
  }
  return out;
}

// ——— the period a list is read for ———

/** The period a list is read for: its bounds (epoch seconds of the local midnights) and local dates, and the methodology. */
export interface ListContext {
  readonly startT: number;
  readonly endT: number;
  /** First and last local dates `YYYY-MM-DD`. */
  readonly startDate: string;
  readonly endDate: string;
  readonly methodology: Pick<Methodology, "switches">;
}

/** A list context from a period (`start`/`end` ISO instants, `startDate`/`endDate`). */
export const listContext = (p: { readonly start: string; readonly end: string; readonly startDate: string; readonly endDate: string }, methodology: Pick<Methodology, "switches">): ListContext => ({
  startT: Date.parse(p.start) / 1000,
  endT: Date.parse(p.end) / 1000,
  startDate: p.startDate,
  endDate: p.endDate,
  methodology,
});

// ——— rules ———

/** Why a dossier has its status (methodology §2): the drill-down's rule, also the rule of P1, R1, R2 and R9's lists. */
export function statusRule(r: Pick<DossierRow, "status" | "supplementRequests" | "openRequestT">): string {
  const status = r.status;
  if (status === "EXCLUDED") return "WITHDRAWN";
  if (r.supplementRequests > 1 && (status === "LATE" || status === "OVERDUE")) return "MORE_THAN_ONE_SUPPLEMENT";
  if (status === "IN_PROGRESS") return r.openRequestT !== null ? "CLOCK_STOPPED_BY_SUPPLEMENT" : "OPEN_WITHIN_DUE";
  if (status === "OVERDUE") return "OPEN_PAST_DUE";
  if (status === "EARLY") return "FINISHED_BEFORE_DUE_DATE";
  if (status === "ON_TIME") return "FINISHED_ON_DUE_DATE";
  return "FINISHED_AFTER_DUE_DATE";
}

/** A record's place in a part: its rule, and its value when the part adds values up. null: not in the part. */
export interface Placement {
  readonly rule: ListRule;
  readonly value: number | null;
}
type Place<R> = (r: R, c: ListContext) => Placement | null;

interface PartDef<K extends RecordKind = RecordKind> {
  readonly kind: K;
  readonly aggregate: ListAggregate;
  readonly place: Place<RowsByKind[K]>;
}
interface IndicatorDef {
  readonly numerator: PartDef;
  readonly denominator: PartDef;
}

const has = (flags: number, f: number) => (flags & f) === f;
const d = (r: DossierRow, f: DossierFlag) => has(r.flags, DOSSIER_FLAGS[f]);
const at = (rule: ListRule, value: number | null = null): Placement => ({ rule, value });
const when = (cond: boolean, rule: ListRule, value: number | null = null): Placement | null => (cond ? at(rule, value) : null);
const part = <K extends RecordKind>(kind: K, place: Place<RowsByKind[K]>, aggregate: ListAggregate = "count"): PartDef => ({ kind, aggregate, place: place as Place<RowsByKind[RecordKind]> });
const def = (numerator: PartDef, denominator: PartDef): IndicatorDef => ({ numerator, denominator });

// — dossiers: the conditions every owner count is taken under (case-indicators.sql.ts `WHEN_COLUMN`) —
const received = (r: DossierRow, c: ListContext) => r.receivedT >= c.startT;
const inScope = (r: DossierRow, c: ListContext) => r.status !== "EXCLUDED" && (received(r, c) || r.endT === null || r.endT >= c.startT);
const resolved = (r: DossierRow, c: ListContext) => r.resolvedT !== null && r.resolvedT >= c.startT;
const COMPLEX: ReadonlySet<string> = new Set(COMPLEX_FIELDS);
const complex = (r: DossierRow) => r.field !== null && COMPLEX.has(r.field);
const lateStatus = (r: DossierRow) => r.status === "LATE" || r.status === "OVERDUE";
const complainedBy = (r: DossierRow, c: ListContext) => r.complainedT !== null && r.complainedT < c.endT;
const bad = (r: DossierRow, c: ListContext) => d(r, "ratedUnsatisfied") || complainedBy(r, c);
const online = (r: DossierRow) => r.channel === "ONLINE_FULL" || r.channel === "ONLINE_PARTIAL";
const channelRule = (r: DossierRow): ListRule => (r.channel === "ONLINE_FULL" ? "FILED_FULLY_ONLINE" : "FILED_PARTLY_ONLINE");

/** Dossiers received in the period for which `cond` holds. */
const receivedWith = (cond: (r: DossierRow, c: ListContext) => boolean, rule: ListRule) => part("dossier", (r: DossierRow, c) => when(received(r, c) && cond(r, c), rule));
const RECEIVED = receivedWith(() => true, "RECEIVED_IN_PERIOD");
const receivedShare = (cond: (r: DossierRow, c: ListContext) => boolean, rule: ListRule) => def(receivedWith(cond, rule), RECEIVED);
const RESOLVED_NEEDING = part("dossier", (r: DossierRow, c) => when(resolved(r, c) && d(r, "needsResult"), "RESOLVED_NEEDING_RESULT"));

/** P1 / R1 / R2 and their R9 twins, over `scope` (every dossier, or the complex fields'). */
function timeliness(only: (r: DossierRow) => boolean) {
  const counted = (r: DossierRow, c: ListContext) =>
    inScope(r, c) && only(r) && (["EARLY", "ON_TIME", "LATE", "OVERDUE"].includes(r.status) || (c.methodology.switches.inProgressCountsAsOnTime && r.status === "IN_PROGRESS"));
  const good = (r: DossierRow, c: ListContext) => r.status === "EARLY" || r.status === "ON_TIME" || (c.methodology.switches.inProgressCountsAsOnTime && r.status === "IN_PROGRESS");
  const verdicts = part("dossier", (r: DossierRow, c) => when(counted(r, c), statusRule(r) as ListRule));
  const late = part("dossier", (r: DossierRow, c) => when(inScope(r, c) && only(r) && lateStatus(r), statusRule(r) as ListRule));
  return {
    P1: def(part("dossier", (r: DossierRow, c) => when(counted(r, c) && good(r, c), statusRule(r) as ListRule)), verdicts),
    R1: def(late, verdicts),
    R2: def(part("dossier", (r: DossierRow, c) => when(inScope(r, c) && only(r) && lateStatus(r) && d(r, "apology"), "LATE_WITH_APOLOGY")), late),
  };
}

/** R3 and R4 (and R9's) over the dossiers received: R3 under the switch `improperReturnsOnly` is the returns marked improper over the returns. */
function returns(only: (r: DossierRow) => boolean) {
  const rec = (cond: (r: DossierRow) => boolean, rule: ListRule) => part("dossier", (r: DossierRow, c) => when(received(r, c) && only(r) && cond(r), rule));
  const returned = rec((r) => r.refusedT !== null, "RETURNED");
  const all = rec(() => true, "RECEIVED_IN_PERIOD");
  const improperOnly = part("dossier", (r: DossierRow, c) => when(received(r, c) && only(r) && r.refusedT !== null && d(r, "improper"), "RETURN_MARKED_IMPROPER"));
  return {
    R3: (m: ListContext["methodology"]) => (m.switches.improperReturnsOnly === true ? def(improperOnly, returned) : def(returned, all)),
    R4: def(rec((r) => r.supplementRequests > 1, "SUPPLEMENT_REQUESTED_MORE_THAN_ONCE"), all),
  };
}

// — complaints (complaint-indicators.sql.ts): those naming the unit, received in the period —
const complaintIn = (r: ComplaintRow, c: ListContext) => r.receivedT >= c.startT;
const VERDICT_RULE: Readonly<Record<string, ListRule>> = { ON_TIME: "COMPLAINT_ON_TIME", LATE: "COMPLAINT_LATE", OVERDUE: "COMPLAINT_OVERDUE", PENDING: "COMPLAINT_PENDING" };
const verdictRule = (r: ComplaintRow): ListRule => VERDICT_RULE[r.verdict] ?? "COMPLAINT_RECEIVED";
const complaintFault = (r: ComplaintRow): ListRule | null =>
  has(r.flags, COMPLAINT_FLAGS.disliked) ? "COMPLAINT_DISLIKED" : has(r.flags, COMPLAINT_FLAGS.reComplained) ? "COMPLAINT_RECOMPLAINED" : r.verdict === "LATE" ? "COMPLAINT_LATE" : r.verdict === "OVERDUE" ? "COMPLAINT_OVERDUE" : null;
const COMPLAINTS_RECEIVED = part("complaint", (r: ComplaintRow, c) => when(complaintIn(r, c), "COMPLAINT_RECEIVED"));

// — consultations of the unit as the consulted one (R5, R5D) —
const consultationIn = (r: ConsultationRow, c: ListContext) => r.requestedT >= c.startT || r.answeredT === null || r.answeredT >= c.startT;
const CONSULT_RULE: Readonly<Record<string, ListRule>> = { ON_TIME: "CONSULTATION_ON_TIME", LATE: "CONSULTATION_LATE", OVERDUE: "CONSULTATION_OVERDUE" };
const consultRule = (r: ConsultationRow): ListRule => CONSULT_RULE[r.verdict] ?? "CONSULTATION_OVERDUE";
const lateConsultations = (aggregate: ListAggregate) =>
  part("consultation", (r: ConsultationRow, c) => when(consultationIn(r, c) && (r.verdict === "LATE" || r.verdict === "OVERDUE"), consultRule(r), r.daysLate), aggregate);

// — delay charges (R7): the charges of the dossiers late and in the period's scope —
const chargeIn = (r: ChargeRow, c: ListContext) => r.receivedT >= c.startT || r.endT === null || r.endT >= c.startT;
const CHARGE_RULE: Readonly<Record<string, ListRule>> = { TRANSFER: "DELAY_TRANSFER_STEP", CONSULTATION: "DELAY_CONSULTATION", LEAD: "DELAY_LEAD_REMAINDER" };

// — the unit's catalog entries valid on some day of the period (catalog-indicators.sql.ts) —
const valid = (r: CatalogRow, c: ListContext) => r.validFrom !== null && r.validFrom <= c.endDate && (r.validTo === null || r.validTo >= c.startDate);
const p = (r: CatalogRow, f: keyof typeof PROCEDURE_FLAGS) => has(r.flags, PROCEDURE_FLAGS[f]);
const offeredOnline = (r: CatalogRow) => r.onlineLevel !== null && r.onlineLevel !== "NONE";
const catalog = (cond: (r: CatalogRow, c: ListContext) => boolean, rule: ListRule) => part("procedure", (r: CatalogRow, c) => when(valid(r, c) && cond(r, c), rule));
const PROCEDURES = catalog(() => true, "PROCEDURE_OF_UNIT");
const ONLINE_PROCEDURES = catalog(offeredOnline, "OFFERED_ONLINE");
const FEE_PROCEDURES = catalog((r) => p(r, "feeBearing"), "FEE_BEARING_PROCEDURE");
const decidedIn = (r: CatalogRow, c: ListContext) => r.decisionDate !== null && r.decisionDate >= c.startDate && r.decisionDate <= c.endDate;
const publicIn = (r: CatalogRow, c: ListContext) => r.publicDate !== null && r.publicDate >= c.startDate && r.publicDate <= c.endDate;
const decidedBy = (r: CatalogRow, c: ListContext) => r.decisionDate !== null && r.decisionDate <= c.endDate;
const publicationOverdue = (r: CatalogRow, c: ListContext) => (r.publicDate === null || r.publicDate > c.endDate) && r.t2Deadline !== null && r.t2Deadline <= c.endDate;

const ALL = () => true;
const timely = timeliness(ALL);
const timelyComplex = timeliness(complex);
const ret = returns(ALL);
const retComplex = returns(complex);

const DEFINITIONS = new WeakMap<object, Readonly<Record<string, IndicatorDef>>>();

/** Every computed indicator's two lists (the codes of dn-2026.1 and dn-2026.2; a code not here has no list), once per switches object. */
function definitions(m: ListContext["methodology"]): Readonly<Record<string, IndicatorDef>> {
  let d = DEFINITIONS.get(m.switches);
  if (d === undefined) DEFINITIONS.set(m.switches, (d = makeDefinitions(m)));
  return d;
}

function makeDefinitions(m: ListContext["methodology"]): Readonly<Record<string, IndicatorDef>> {
  return {
    // Transparency: the catalog, and T4 over the dossiers received.
    T1: def(catalog((r, c) => decidedIn(r, c) && p(r, "t1OnTime"), "DECIDED_BEFORE_EFFECT"), catalog(decidedIn, "DECIDED_IN_PERIOD")),
    T2: def(
      catalog((r, c) => decidedBy(r, c) && publicIn(r, c) && p(r, "t2OnTime"), "PUBLISHED_ON_TIME"),
      part("procedure", (r: CatalogRow, c) => (!valid(r, c) || !decidedBy(r, c) ? null : publicIn(r, c) ? at("PUBLISHED_IN_PERIOD") : publicationOverdue(r, c) ? at("PUBLICATION_OVERDUE") : null)),
    ),
    T3: def(
      catalog((r, c) => r.publicDate !== null && r.publicDate <= c.endDate && p(r, "contentComplete"), "CONTENT_COMPLETE"),
      catalog((r, c) => r.publicDate !== null && r.publicDate <= c.endDate, "PUBLISHED_BY_PERIOD_END"),
    ),
    T4: receivedShare((r) => d(r, "synced"), "SYNCED_TO_NATIONAL_PORTAL"),
    // Progress.
    P1: timely.P1,
    P2: def(
      part("dossier", (r: DossierRow, c) => when(resolved(r, c), "RESOLVED_IN_PERIOD", r.handlingDays ?? 0), "sum"),
      part("dossier", (r: DossierRow, c) => when(resolved(r, c), "RESOLVED_IN_PERIOD", r.handlingDays ?? 0)),
    ),
    // Online service.
    O1: def(catalog(offeredOnline, "OFFERED_ONLINE"), PROCEDURES),
    O2: def(catalog((r, c) => offeredOnline(r) && r.lastOnlineT !== null && r.lastOnlineT >= c.startT, "ONLINE_DOSSIER_RECEIVED"), ONLINE_PROCEDURES),
    O3: def(part("dossier", (r: DossierRow, c) => when(received(r, c) && online(r), channelRule(r))), RECEIVED),
    O3F: receivedShare((r) => r.channel === "ONLINE_FULL", "FILED_FULLY_ONLINE"),
    O3P: receivedShare((r) => r.channel === "ONLINE_PARTIAL", "FILED_PARTLY_ONLINE"),
    O4: def(part("dossier", (r: DossierRow, c) => when(resolved(r, c) && d(r, "needsResult") && d(r, "digitallySigned"), "RESULT_DIGITALLY_SIGNED")), RESOLVED_NEEDING),
    // Online payment.
    MA: def(receivedWith((r) => d(r, "fee") && d(r, "paidOnline"), "PAID_ONLINE"), receivedWith((r) => d(r, "fee"), "FEE_BEARING_DOSSIER")),
    MB: def(catalog((r, c) => p(r, "feeBearing") && r.lastPaidT !== null && r.lastPaidT >= c.startT, "PAID_ONLINE_IN_PERIOD"), FEE_PROCEDURES),
    MC: def(catalog((r) => p(r, "feeBearing") && p(r, "paymentIntegrated"), "PAYMENT_INTEGRATED"), FEE_PROCEDURES),
    // Digitisation.
    D1: def(part("dossier", (r: DossierRow, c) => when(resolved(r, c) && d(r, "needsResult") && d(r, "digitizedResult"), "RESULT_DIGITIZED")), RESOLVED_NEEDING),
    D2: receivedShare((r) => d(r, "digitizedDossier") && (!d(r, "needsResult") || d(r, "digitizedResult")), "DOSSIER_DIGITIZED"),
    D4: receivedShare((r) => d(r, "reusedData"), "DATA_REUSED"),
    D5: receivedShare((r) => d(r, "personalDataStore"), "PERSONAL_DATA_STORE_USED"),
    D6A: receivedShare((r) => d(r, "populationDatabase"), "POPULATION_DATABASE_USED"),
    D6B: def(catalog((r) => p(r, "populationDbConnected"), "POPULATION_DB_CONNECTED"), PROCEDURES),
    // Satisfaction.
    S1: def(
      part("complaint", (r: ComplaintRow, c) =>
        when(complaintIn(r, c) && (r.verdict === "ON_TIME" || (c.methodology.switches.inProgressCountsAsOnTime && r.verdict === "PENDING")), verdictRule(r)),
      ),
      part("complaint", (r: ComplaintRow, c) => when(complaintIn(r, c) && (r.verdict !== "PENDING" || c.methodology.switches.inProgressCountsAsOnTime), verdictRule(r))),
    ),
    S2: def(
      part("complaint", (r: ComplaintRow, c) => when(complaintIn(r, c) && complaintFault(r) === null, "COMPLAINT_WITHOUT_FAULT")),
      part("complaint", (r: ComplaintRow, c) => when(complaintIn(r, c), complaintFault(r) ?? "COMPLAINT_WITHOUT_FAULT")),
    ),
    S3: receivedShare((r, c) => !bad(r, c), "NO_COMPLAINT_NOR_DISSATISFACTION"),
    S3A: def(part("dossier", (r: DossierRow, c) => when(received(r, c) && bad(r, c), complainedBy(r, c) ? "COMPLAINED_ABOUT" : "RATED_NOT_SATISFIED")), RECEIVED),
    // Responsibility (Directive 03).
    R1: timely.R1,
    R2: timely.R2,
    R3: ret.R3(m),
    R4: ret.R4,
    R5: def(
      part("consultation", (r: ConsultationRow, c) => when(consultationIn(r, c) && r.verdict === "ON_TIME", "CONSULTATION_ON_TIME")),
      part("consultation", (r: ConsultationRow, c) => when(consultationIn(r, c) && r.verdict !== "PENDING", consultRule(r))),
    ),
    R5D: def(lateConsultations("sum"), lateConsultations("count")),
    R6: def(
      part("dossier", (r: DossierRow, c) => when(received(r, c) && d(r, "consulted"), "CONSULTED_OTHER_UNITS", r.consultedUnits), "sum"),
      part("dossier", (r: DossierRow, c) => when(received(r, c) && d(r, "consulted"), "CONSULTED_OTHER_UNITS", r.consultedUnits)),
    ),
    R7: def(
      part("charge", (r: ChargeRow, c) => when(chargeIn(r, c), CHARGE_RULE[r.role] ?? "DELAY_LEAD_REMAINDER", r.days), "sum"),
      part("unit", (r: UnitDaysRow) => at("UNIT_OVERRUN", r.days), "sum"),
    ),
    R8: def(COMPLAINTS_RECEIVED, RECEIVED),
    R9_R1: timelyComplex.R1,
    R9_R2: timelyComplex.R2,
    R9_R3: retComplex.R3(m),
    R9_R4: retComplex.R4,
  };
}

/** What the list of an indicator's part is made of, or why there is none. */
export type ListSpec =
  | {
      readonly computed: true;
      readonly kind: RecordKind;
      readonly aggregate: ListAggregate;
      readonly numeratorKind: RecordKind;
      /** Catalog entries that need the unit's dossiers of the period (O2, MB: `withDossierActivity`). */
      readonly dossierActivity: boolean;
    }
  | { readonly computed: false; readonly reason: "MANUAL" | "NO_LIST" };

/**
 * The list of `code`'s `part` under methodology `m`: computed indicators have one (its kind of
 * record and how it adds up); a manual one (D3, entered by Home Affairs) has none, nor a code
 * this build does not know.
 */
export function listSpec(m: Pick<Methodology, "switches" | "indicators">, code: string, part: ListPart): ListSpec {
  const indicator = m.indicators.find((i) => i.code === code);
  if (indicator?.source === "MANUAL") return { computed: false, reason: "MANUAL" };
  const d = indicator === undefined ? undefined : definitions(m)[code];
  if (d === undefined) return { computed: false, reason: "NO_LIST" };
  const p = d[part];
  return { computed: true, kind: p.kind, aggregate: p.aggregate, numeratorKind: d.numerator.kind, dossierActivity: code === "O2" || code === "MB" };
}

/** The codes that have lists under `m` (every indicator but the manual ones). */
export const listedIndicators = (m: Pick<Methodology, "switches" | "indicators">): string[] => m.indicators.map((i) => i.code).filter((c) => listSpec(m, c, "numerator").computed);

/** A record of a list: the row, its rule and value, and (denominator lists) whether it is in the numerator too. */
export interface ListedRecord<R> {
  readonly row: R;
  readonly rule: ListRule;
  readonly value: number | null;
  /** Denominator lists whose numerator has the same kind of record: whether the record counts in the numerator too; else null. */
  readonly inNumerator: boolean | null;
}

export interface IndicatorListResult<K extends RecordKind = RecordKind> {
  readonly kind: K;
  readonly aggregate: ListAggregate;
  readonly records: ListedRecord<RowsByKind[K]>[];
  /** The count of the records, or the sum of their values: the indicator's numerator or denominator. */
  readonly total: number;
}

/**
 * The records of `code`'s `part` among `rows` (those of its kind; others are ignored), for the
 * period of `c`. Throws for an indicator without a list (`listSpec` says which).
 */
export function indicatorList<K extends RecordKind>(code: string, part: ListPart, rows: readonly RowsByKind[K][], c: ListContext & { readonly methodology: Pick<Methodology, "switches" | "indicators"> }): IndicatorListResult<K> {
  const spec = listSpec(c.methodology, code, part);
  if (!spec.computed) throw new Error(`indicator ${code} has no list (${spec.reason})`);
  const d = definitions(c.methodology)[code] as IndicatorDef;
  const own = d[part];
  const numerator = part === "denominator" && d.numerator.kind === own.kind ? d.numerator : null;
  const records: ListedRecord<RowsByKind[K]>[] = [];
  let total = 0;
  for (const row of rows) {
    const placed = own.place(row as never, c);
    if (placed === null) continue;
    const inNum = numerator === null ? null : numerator.place(row as never, c);
    // A denominator record in the numerator too says why it counts there (S2's says what kept it out).
    const rule = inNum !== null && code !== "S2" ? inNum.rule : placed.rule;
    records.push({ row, rule, value: placed.value, inNumerator: numerator === null ? null : inNum !== null });
    total += own.aggregate === "sum" ? (placed.value ?? 0) : 1;
  }
  return { kind: own.kind as K, aggregate: own.aggregate, records, total };
}

/**
 * R7's denominator records: every unit charged in the province with its delay days in the period,
 * from the province partition's charges (the unit's own list links to each unit's numerator list).
 */
export function unitDays(charges: readonly ChargeRow[], c: ListContext): UnitDaysRow[] {
  const byUnit = new Map<string, number>();
  for (const r of charges) if (chargeIn(r, c)) byUnit.set(r.unitId, (byUnit.get(r.unitId) ?? 0) + r.days);
  return [...byUnit].map(([unitId, days]) => ({ unitId, days }));
}

/** Whether a dossier row of a list belongs to the period's progress drill-down (the SQL's CASE_IN_LIST). */
export const dossierInList = (r: Pick<DossierRow, "receivedT" | "endT" | "withdrawnT">, startT: number) => {
  const finished = r.endT ?? r.withdrawnT;
  return r.receivedT >= startT || finished === null || finished >= startT;
};
