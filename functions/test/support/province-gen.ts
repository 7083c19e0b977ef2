/**
 * Generated small, adversarial provinces for the differential test (sql-differential.test.ts):
 * a merged unit (valid until 30 June, its successor from 1 July), an unknown unit that is
 * consulted / transferred to, events at 23:30 and 00:10 local around period edges, duplicate
 * deliveries (exact copies), events out of order, two receipts, due-date changes, supplements
 * (two requests, open ones), consultations answered late / never / twice, transfers,
 * withdrawals, carried-over cases, complaints and a small procedure catalog; reason codes on
 * returns and supplement requests (or none: older sources), and Home Affairs' marks of improper
 * returns — on returned dossiers, on dossiers never returned, on dossiers that do not exist.
 */
import { type ProcedureRecord, REASON_CODES, type ReasonCode, type StoredCaseEvent, type StoredComplaint, UnitCatalog, type UnitRecord } from "@scorecard/shared";
import fc from "fast-check";

const unit = (unitId: string, tier: string, validFrom: string, validTo: string | null, successorIds: string[] = []): UnitRecord => ({
  unitId, nameVi: `Đơn vị ${unitId}`, nameEn: `Unit ${unitId}`, tier, parentId: null, validFrom, validTo, successorIds,
});
export const UNITS: UnitRecord[] = [
  unit("PROV", "PROVINCE", "2020-01-01", null),
  unit("DA", "DEPARTMENT", "2020-01-01", null),
  unit("DOLD", "DEPARTMENT", "2020-01-01", "2024-06-30", ["DNEW"]),
  unit("DNEW", "DEPARTMENT", "2024-07-01", null),
  unit("CA", "COMMUNE", "2020-01-01", null),
  unit("VA", "VERTICAL", "2020-01-01", null),
];
export const CATALOG = new UnitCatalog(UNITS);
const OWNERS = ["DA", "DOLD", "DNEW", "CA", "VA"];
const OTHERS = [...OWNERS, "XUNKNOWN"];
const CODES = ["PR1", "PR2", "PR3", "PR4", "NOCODE"];
const FIELDS = ["LAND", "CIVIL_STATUS", "INVESTMENT"];

// ——— time: local (UTC+7) day offsets from 2024-04-25, with edge times of day ———
const BASE = Date.UTC(2024, 3, 25) - 7 * 3_600_000; // 2024-04-25T00:00+07:00
const DAY = 86_400_000;
const timeOfDay = fc.constantFrom(10, 8 * 60, 16 * 60 + 59, 17 * 60, 23 * 60 + 30, 23 * 60 + 59, 12 * 60 + 7);
const instant = (day: number, minute: number) => new Date(BASE + day * DAY + minute * 60_000).toISOString();
const isoDate = (day: number) => new Date(Date.UTC(2024, 3, 25) + day * DAY).toISOString().slice(0, 10);

const optBool = fc.option(fc.boolean(), { nil: undefined, freq: 2 });
const flagsArb = fc.option(
  fc.record(
    {
      digitizedDossier: optBool, digitizedResult: optBool, digitallySigned: optBool, reusedData: optBool, feeBearing: optBool, syncedToNationalPortal: optBool,
      resultRequired: optBool, personalDataStore: optBool, populationDatabase: optBool,
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

/** A step of a case's life, at a day offset (may be before the receipt: out-of-order sources). */
const stepArb = fc.record({
  kind: fc.constantFrom(
    "DUE_DATE_SET", "SUPPLEMENT_REQUESTED", "SUPPLEMENT_RECEIVED", "CONSULT_REQUESTED", "CONSULT_ANSWERED", "TRANSFERRED",
    "APOLOGY_ISSUED", "PAYMENT_COMPLETED", "RATED", "RECEIVED",
  ),
  day: fc.integer({ min: -3, max: 45 }),
  minute: timeOfDay,
  dueDays: fc.integer({ min: 0, max: 20 }),
  other: fc.constantFrom(...OTHERS),
  flag: fc.boolean(),
  flags: flagsArb,
  /** A reason code on a supplement request (absent: an older source). */
  reason: fc.option(fc.constantFrom("MISSING_DOCUMENT", "INVALID_DOCUMENT", "OTHER") as fc.Arbitrary<ReasonCode>, { nil: undefined }),
  /** The answer to a request (consultation answered, supplement received, transfer passed on), days after it (−1: before it). */
  reply: fc.option(fc.record({ after: fc.integer({ min: -1, max: 10 }), minute: timeOfDay, twice: fc.boolean() }), { nil: undefined, freq: 3 }),
});

const caseArb = fc.record({
  owner: fc.constantFrom(...OWNERS),
  day: fc.integer({ min: 0, max: 100 }),
  minute: timeOfDay,
  dueDays: fc.integer({ min: 0, max: 25 }),
  dueMinute: fc.constantFrom(17 * 60, 23 * 60 + 30, 10),
  channel: fc.constantFrom("DIRECT", "ONLINE_FULL", "ONLINE_PARTIAL", "POSTAL") as fc.Arbitrary<"DIRECT" | "ONLINE_FULL" | "ONLINE_PARTIAL" | "POSTAL">,
  code: fc.constantFrom(...CODES),
  field: fc.constantFrom(...FIELDS),
  flags: flagsArb,
  steps: fc.array(stepArb, { maxLength: 6 }),
  end: fc.option(
    fc.record({
      kind: fc.constantFrom("RESOLVED", "RESULT_DELIVERED", "REFUSED", "STOPPED", "WITHDRAWN"), day: fc.integer({ min: 0, max: 50 }), minute: timeOfDay,
      reason: fc.option(fc.constantFrom(...REASON_CODES), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  secondEnd: fc.option(fc.record({ kind: fc.constantFrom("RESOLVED", "REFUSED"), day: fc.integer({ min: 0, max: 50 }), minute: timeOfDay }), { nil: undefined }),
  duplicates: fc.array(fc.nat(), { maxLength: 2 }),
  /**
   * One case in six stalls: every step within its first 3 days (answers too), no end — a dossier
   * with no event for months, carried into later periods from the rows of all its events (the
   * staged route must keep its consultations and transfers there: a late answer still charges R7).
   */
  stalled: fc.nat({ max: 5 }).map((n) => n === 0),
});

function caseEvents(spec: CaseSpec, i: number): StoredCaseEvent[] {
  const c: CaseSpec = spec.stalled
    ? {
        ...spec,
        steps: spec.steps.map((s) => ({ ...s, day: Math.min(s.day, 3), reply: s.reply && { ...s.reply, after: Math.min(s.reply.after, 3) } })),
        end: undefined,
        secondEnd: undefined,
      }
    : spec;
  const caseId = `K${i}`;
  let n = 0;
  const id = () => `${caseId}-e${++n}`;
  const events: StoredCaseEvent[] = [
    {
      eventId: id(), caseId, type: "RECEIVED", occurredAt: instant(c.day, c.minute), unitId: c.owner, procedureCode: c.code, field: c.field,
      channel: c.channel, dueAt: instant(c.day + c.dueDays, c.dueMinute), ...(c.flags ? { flags: c.flags } : {}),
    },
  ];
  for (const s of c.steps) {
    const at = instant(c.day + s.day, s.minute);
    const base = { eventId: id(), caseId, occurredAt: at, unitId: c.owner, ...(s.flags ? { flags: s.flags } : {}) };
    switch (s.kind) {
      case "RECEIVED": // a second receipt (maybe by another unit, maybe earlier)
        events.push({ ...base, type: "RECEIVED", unitId: s.other === "XUNKNOWN" ? c.owner : s.other, procedureCode: c.code, field: c.field, channel: c.channel, dueAt: instant(c.day + s.day + s.dueDays, 17 * 60) });
        break;
      case "DUE_DATE_SET":
        events.push({ ...base, type: "DUE_DATE_SET", dueAt: instant(c.day + s.dueDays + 2, 17 * 60) });
        break;
      case "CONSULT_REQUESTED":
      case "TRANSFERRED":
        events.push({ ...base, type: s.kind, targetUnitId: s.other, dueAt: instant(c.day + s.day + Math.min(s.dueDays, 6), 17 * 60) });
        for (let k = 0; s.reply && k < (s.reply.twice ? 2 : 1); k++) {
          const replyAt = instant(c.day + s.day + s.reply.after + k, s.reply.minute);
          if (s.kind === "CONSULT_REQUESTED") events.push({ eventId: id(), caseId, type: "CONSULT_ANSWERED", occurredAt: replyAt, unitId: s.other });
          else events.push({ eventId: id(), caseId, type: "TRANSFERRED", occurredAt: replyAt, unitId: s.other, targetUnitId: k === 0 ? c.owner : s.other, dueAt: instant(c.day + s.day + s.reply.after + 3, 17 * 60) });
        }
        break;
      case "SUPPLEMENT_REQUESTED":
        events.push({ ...base, type: s.kind, ...(s.reason ? { reasonCode: s.reason } : {}) });
        if (s.reply) events.push({ eventId: id(), caseId, type: "SUPPLEMENT_RECEIVED", occurredAt: instant(c.day + s.day + s.reply.after, s.reply.minute), unitId: c.owner });
        break;
      case "CONSULT_ANSWERED":
        events.push({ ...base, type: s.kind, unitId: s.other });
        break;
      case "PAYMENT_COMPLETED":
        events.push({ ...base, type: s.kind, flags: { ...(s.flags ?? {}), onlinePayment: s.flag } });
        break;
      case "RATED":
        events.push({ ...base, type: s.kind, rating: { satisfied: s.flag } });
        break;
      default:
        events.push({ ...base, type: s.kind as StoredCaseEvent["type"] });
    }
  }
  for (const e of [c.end, c.secondEnd]) {
    const code = (e as { reason?: ReasonCode | undefined } | undefined)?.reason;
    const reason = code !== undefined && (e?.kind === "REFUSED" || e?.kind === "STOPPED") ? { reasonCode: code } : {};
    if (e) events.push({ eventId: id(), caseId, type: e.kind as StoredCaseEvent["type"], occurredAt: instant(c.day + e.day, e.minute), unitId: c.owner, ...reason });
  }
  // Duplicate deliveries: exact copies of some events (late, re-sent batches).
  for (const d of c.duplicates) events.push({ ...(events[d % events.length] as StoredCaseEvent) });
  return events;
}
type CaseSpec = {
  owner: string; day: number; minute: number; dueDays: number; dueMinute: number; channel: "DIRECT" | "ONLINE_FULL" | "ONLINE_PARTIAL" | "POSTAL";
  code: string; field: string; flags: StoredCaseEvent["flags"]; steps: { kind: string; day: number; minute: number; dueDays: number; other: string; flag: boolean; flags: StoredCaseEvent["flags"]; reason?: ReasonCode | undefined; reply: { after: number; minute: number; twice: boolean } | undefined }[];
  end: { kind: string; day: number; minute: number; reason?: ReasonCode | undefined } | undefined; secondEnd: { kind: string; day: number; minute: number } | undefined; duplicates: number[];
  stalled?: boolean;
};

const complaintArb = fc.record({
  unit: fc.constantFrom(...OWNERS),
  day: fc.integer({ min: 0, max: 100 }),
  minute: timeOfDay,
  caseNo: fc.option(fc.nat({ max: 20 }), { nil: undefined }),
  decision: fc.constantFrom("none", "accepted", "refused", "handled"),
  decideAfter: fc.integer({ min: 0, max: 6 }),
  handleAfter: fc.integer({ min: 0, max: 30 }),
  satisfied: optBool,
  reComplained: optBool,
});

function complaintOf(c: ComplaintSpec, i: number): StoredComplaint {
  const received = instant(c.day, c.minute);
  const decided = instant(c.day + c.decideAfter, 9 * 60);
  return {
    complaintId: `C${i}`, source: "HOTLINE_1022", unitId: c.unit, receivedAt: received,
    ...(c.caseNo !== undefined ? { caseId: `K${c.caseNo}` } : {}),
    ...(c.decision === "accepted" || c.decision === "handled" ? { acceptedAt: decided } : {}),
    ...(c.decision === "refused" ? { refusedAt: decided } : {}),
    ...(c.decision === "handled" ? { handledAt: instant(c.day + c.decideAfter + c.handleAfter, 10 * 60), ...(c.satisfied !== undefined ? { satisfied: c.satisfied } : {}) } : {}),
    ...(c.reComplained !== undefined ? { reComplained: c.reComplained } : {}),
  };
}
type ComplaintSpec = { unit: string; day: number; minute: number; caseNo: number | undefined; decision: string; decideAfter: number; handleAfter: number; satisfied: boolean | undefined; reComplained: boolean | undefined };

const procedureArb = fc.record({
  tier: fc.constantFrom("DEPARTMENT", "COMMUNE", "VERTICAL"),
  unitIds: fc.option(fc.subarray(OWNERS, { minLength: 1 }), { nil: undefined }),
  onlineLevel: fc.constantFrom("NONE", "PARTIAL", "FULL") as fc.Arbitrary<"NONE" | "PARTIAL" | "FULL">,
  feeBearing: fc.boolean(),
  paymentIntegrated: optBool,
  resultRequired: fc.boolean(),
  populationDbConnected: optBool,
  validFrom: fc.constantFrom(-200, 0, 80),
  validTo: fc.option(fc.constantFrom(30, 66, 120), { nil: undefined }),
  publication: fc.option(
    fc.record({ decision: fc.oneof(fc.integer({ min: -60, max: 110 }), fc.tuple(fc.constantFrom(36, 66, 97, 128), fc.integer({ min: 0, max: 10 })).map(([edge, back]) => edge - back)), effectiveAfter: fc.integer({ min: 0, max: 14 }), publicAfter: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), complete: fc.boolean() }),
    { nil: undefined },
  ),
});

export const provinceArb = fc.record({
  cases: fc.array(caseArb, { minLength: 1, maxLength: 14 }),
  complaints: fc.array(complaintArb, { maxLength: 5 }),
  procedures: fc.array(procedureArb, { maxLength: 4 }),
  /** A month on either side of the 30 June edge (merged unit ends, successor starts). */
  edgeMonth: fc.constantFrom("2024-06", "2024-07"),
  /**
   * Home Affairs' marks of improper returns, by case number: most cases here end in a return for
   * some, so marks land on returned dossiers, on others never returned and on numbers past the
   * last case (no such dossier) — only the first kind may count.
   */
  improper: fc.array(fc.nat({ max: 16 }), { maxLength: 6 }),
  extraPeriod: fc.constantFrom("2024-05", "2024-Q2", "2024-Q3", "2024-H1", "2024-H2", "2024-08", "2024"),
});

export type ProvinceSpec = { cases: CaseSpec[]; complaints: ComplaintSpec[]; procedures: ProcedureSpec[]; edgeMonth: string; extraPeriod: string; improper?: number[] };

export function province(p: ProvinceSpec) {
  const events = p.cases.flatMap((c, i) => caseEvents(c, i));
  // Delivery order does not matter: reverse it so the lake is not in time order.
  events.reverse();
  const complaints = p.complaints.map((c, i) => complaintOf(c, i));
  const procedures = p.procedures.map((x, i): ProcedureRecord => ({
    code: CODES[i] as string, nameVi: `Thủ tục ${i}`, field: "LAND", tier: x.tier as ProcedureRecord["tier"],
    ...(x.unitIds ? { unitIds: x.unitIds } : {}),
    onlineLevel: x.onlineLevel, feeBearing: x.feeBearing,
    ...(x.feeBearing && x.paymentIntegrated !== undefined ? { paymentIntegrated: x.paymentIntegrated } : {}),
    resultRequired: x.resultRequired,
    ...(x.populationDbConnected !== undefined ? { populationDbConnected: x.populationDbConnected } : {}),
    validFrom: isoDate(x.validFrom), ...(x.validTo !== undefined ? { validTo: isoDate(Math.max(x.validTo, x.validFrom)) } : {}),
    ...(x.publication
      ? { publication: {
          changeKind: "AMENDED" as const, decisionDate: isoDate(x.publication.decision), legalEffectiveDate: isoDate(x.publication.decision + x.publication.effectiveAfter),
          ...(x.publication.publicAfter !== undefined ? { publicDate: isoDate(x.publication.decision + x.publication.publicAfter) } : {}),
          contentComplete: x.publication.complete,
        } }
      : {}),
  }));
  const improperReturns = [...new Set((p.improper ?? []).map((n) => `K${n}`))];
  return { events, complaints, procedures, improperReturns };
}
type ProcedureSpec = {
  tier: string; unitIds: string[] | undefined; onlineLevel: "NONE" | "PARTIAL" | "FULL"; feeBearing: boolean; paymentIntegrated: boolean | undefined; resultRequired: boolean;
  populationDbConnected: boolean | undefined; validFrom: number; validTo: number | undefined;
  publication: { decision: number; effectiveAfter: number; publicAfter: number | undefined; complete: boolean } | undefined;
};

