/**
 * The reference scorer (ARCHITECTURE §4): events + complaints + procedure catalog + units + period
 * → numerator and denominator of every indicator for every unit. Plain and slow on purpose: it is
 * the oracle the SQL is checked against, so every count below is a filter over facts.
 */
import type { StoredCaseEvent } from "../contracts/case-event.js";
import type { StoredComplaint } from "../contracts/complaint.js";
import type { ProcedureRecord } from "../contracts/procedure.js";
import { caseFacts, type CaseFacts } from "../facts/case-facts.js";
import { complaintFacts, type ComplaintFacts } from "../facts/complaint-facts.js";
import { overrunByUnit } from "../facts/delay-attribution.js";
import type { Methodology } from "../methodology/methodology.js";
import { type IndicatorCounts, scoreUnits, type UnitScore } from "../methodology/score.js";
import type { Period } from "../time/period.js";
import type { WorkingCalendar } from "../time/working-days.js";
import { unitsValidIn } from "../units/succession.js";
import type { UnitCatalog, UnitRecord } from "../units/unit.js";

export interface ReferenceInput {
  readonly events: readonly StoredCaseEvent[];
  readonly complaints: readonly StoredComplaint[];
  readonly procedures: readonly ProcedureRecord[];
  readonly units: UnitCatalog;
  readonly period: Period;
  readonly calendar: WorkingCalendar;
  readonly methodology: Methodology;
  /** Manually entered indicators (D3), per unit and indicator code. */
  readonly manual?: Readonly<Record<string, Readonly<Record<string, IndicatorCounts>>>> | undefined;
  /**
   * The dossiers whose return Home Affairs marked improper (the lake's `curated_improper_returns`,
   * docs/adr/0015-improper-returns.md). A mark has no date: it counts in every period whose R3
   * counts the dossier as returned. Absent: none.
   */
  readonly improperReturns?: readonly string[] | undefined;
}

export interface UnitIndicators {
  readonly unitId: string;
  readonly tier: string;
  readonly name: string;
  readonly values: Readonly<Record<string, IndicatorCounts>>;
}

export interface ReferenceResult {
  readonly units: readonly UnitIndicators[];
  /** Facts of every case that exists by the period end (the drill-down behind each count). */
  readonly cases: readonly CaseFacts[];
  readonly complaints: readonly ComplaintFacts[];
}

const count = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.filter(p).length;
const frac = (numerator: number, denominator: number): IndicatorCounts => ({ numerator, denominator });
const inDates = (date: string | undefined, p: Period) => date !== undefined && date >= p.startDate && date <= p.endDate;

/** Facts of every case with a receipt before the period end. */
export function allCaseFacts(events: readonly StoredCaseEvent[], period: Period, calendar: WorkingCalendar): CaseFacts[] {
  const byCase = new Map<string, StoredCaseEvent[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId);
    if (list === undefined) byCase.set(e.caseId, [e]);
    else list.push(e);
  }
  return [...byCase.values()].flatMap((evs) => caseFacts(evs, period, calendar) ?? []);
}

/** Procedures resolved by the unit and valid on some day of the period. */
export function proceduresOf(procedures: readonly ProcedureRecord[], unit: UnitRecord, period: Period): ProcedureRecord[] {
  return procedures.filter(
    (p) =>
      p.validFrom <= period.endDate &&
      (p.validTo === undefined || p.validTo >= period.startDate) &&
      (p.unitIds !== undefined ? p.unitIds.includes(unit.unitId) : p.tier === unit.tier),
  );
}

/**
 * Timeliness counts (R1–R4) over a set of cases; also used for R9 on the complex fields. R3: the
 * returns (REFUSED or STOPPED by the period end) over the cases received; under the switch
 * `improperReturnsOnly` (dn-2026.2) the returns marked improper over the returns.
 */
function responsibility(scope: readonly CaseFacts[], received: readonly CaseFacts[], m: Methodology, improper: ReadonlySet<string>) {
  const counted = scope.filter((f) => f.hasVerdict || (m.switches.inProgressCountsAsOnTime && f.status === "IN_PROGRESS"));
  const late = scope.filter((f) => f.status === "LATE" || f.status === "OVERDUE");
  const returns = received.filter((f) => f.refusedOrStopped);
  return {
    verdicts: counted.length,
    good: count(counted, (f) => f.status === "EARLY" || f.status === "ON_TIME" || f.status === "IN_PROGRESS"),
    R1: frac(late.length, counted.length),
    R2: frac(count(late, (f) => f.apologyIssued), late.length),
    R3: m.switches.improperReturnsOnly ? frac(count(returns, (f) => improper.has(f.caseId)), returns.length) : frac(returns.length, received.length),
    R4: frac(count(received, (f) => f.supplementRequests > 1), received.length),
  };
}

/**
 * Numerators and denominators of every indicator of the methodology, for every unit valid in
 * the period (all tiers but PROVINCE), in catalog order.
 */
export function referenceIndicators(input: ReferenceInput): ReferenceResult {
  const { period, calendar, methodology: m } = input;
  const startT = Date.parse(period.start);
  const facts = allCaseFacts(input.events, period, calendar);
  const complaints = input.complaints.flatMap((c) => complaintFacts(c, period, calendar, m.complaints) ?? []);
  const procByCode = new Map(input.procedures.map((p) => [p.code, p]));
  const procOf = (f: CaseFacts) => (f.procedureCode === null ? undefined : procByCode.get(f.procedureCode));
  const feeBearing = (f: CaseFacts) => f.flags.feeBearing ?? procOf(f)?.feeBearing ?? false;
  const resultRequired = (f: CaseFacts) => f.flags.resultRequired ?? procOf(f)?.resultRequired ?? false;
  const complainedCases = new Set(complaints.flatMap((c) => (c.caseId === null ? [] : [c.caseId])));
  const improper: ReadonlySet<string> = new Set(input.improperReturns ?? []);
  const overrun = overrunByUnit(facts);
  const provinceOverrun = [...overrun.values()].reduce((s, x) => s + x, 0);

  const units = unitsValidIn(input.units, period).filter((u) => u.tier !== "PROVINCE");
  const out = units.map((u): UnitIndicators => {
    const own = facts.filter((f) => f.unitId === u.unitId);
    const received = own.filter((f) => f.receivedInPeriod);
    const scope = own.filter((f) => f.inScope);
    const resolvedInPeriod = own.filter((f) => f.handlingWorkingDays !== null && Date.parse(f.endAt as string) >= startT);
    const procs = proceduresOf(input.procedures, u, period);
    const online = procs.filter((p) => p.onlineLevel !== "NONE");
    const fee = procs.filter((p) => p.feeBearing);
    const changed = procs.filter((p) => inDates(p.publication?.decisionDate, period));
    const published = procs.filter((p) => p.publication?.publicDate !== undefined && p.publication.publicDate <= period.endDate);
    const deadline = (p: ProcedureRecord) => calendar.addWorkingDays(p.publication?.decisionDate as string, 5);
    const dueToPublish = procs.filter((p) => {
      const pub = p.publication;
      if (pub === undefined || pub.decisionDate > period.endDate) return false;
      if (inDates(pub.publicDate, period)) return true;
      return (pub.publicDate === undefined || pub.publicDate > period.endDate) && deadline(p) <= period.endDate;
    });
    const resp = responsibility(scope, received, m, improper);
    const complex = responsibility(
      scope.filter((f) => f.complexField),
      received.filter((f) => f.complexField),
      m,
      improper,
    );
    const consultations = facts.flatMap((f) => f.consultations).filter((c) => c.consultedUnitId === u.unitId && c.inScope);
    const judged = consultations.filter((c) => c.verdict !== "PENDING");
    const lateAnswers = judged.filter((c) => c.verdict === "LATE" || c.verdict === "OVERDUE");
    const interAgency = received.filter((f) => f.consultations.length > 0);
    const myComplaints = complaints.filter((c) => c.unitId === u.unitId && c.receivedInPeriod);
    const complaintVerdicts = myComplaints.filter((c) => c.verdict !== "PENDING" || m.switches.inProgressCountsAsOnTime);
    const bad = count(received, (f) => complainedCases.has(f.caseId) || f.rating?.satisfied === false);
    const lateRate = resp.verdicts === 0 ? 0 : resp.R1.numerator / resp.R1.denominator;
    const badShare = received.length === 0 ? 0 : bad / received.length;
    const paidOnlineCodes = new Set(received.filter((f) => f.paidOnline).map((f) => f.procedureCode));
    const onlineCodes = new Set(received.filter((f) => f.online).map((f) => f.procedureCode));

    const values: Record<string, IndicatorCounts> = {
      T1: frac(
        count(changed, (p) => calendar.workingDaysBetween(p.publication?.decisionDate as string, p.publication?.legalEffectiveDate as string) >= 5),
        changed.length,
      ),
      T2: frac(count(dueToPublish, (p) => inDates(p.publication?.publicDate, period) && (p.publication?.publicDate as string) <= deadline(p)), dueToPublish.length),
      T3: frac(count(published, (p) => p.publication?.contentComplete === true), published.length),
      T4: frac(count(received, (f) => f.flags.syncedToNationalPortal === true), received.length),
      P1: frac(resp.good, resp.verdicts),
      P2: frac(
        resolvedInPeriod.reduce((s, f) => s + (f.handlingWorkingDays ?? 0), 0),
        resolvedInPeriod.length,
      ),
      O1: frac(online.length, procs.length),
      O2: frac(count(online, (p) => onlineCodes.has(p.code)), online.length),
      O3: frac(count(received, (f) => f.online), received.length),
      // Directive 03 D7 (dn-2026.2, shown, not scored): fully and partly online, results digitally signed.
      O3F: frac(count(received, (f) => f.channel === "ONLINE_FULL"), received.length),
      O3P: frac(count(received, (f) => f.channel === "ONLINE_PARTIAL"), received.length),
      O4: frac(
        count(resolvedInPeriod, (f) => resultRequired(f) && f.flags.digitallySigned === true),
        count(resolvedInPeriod, resultRequired),
      ),
      MA: frac(count(received, (f) => feeBearing(f) && f.paidOnline), count(received, feeBearing)),
      MB: frac(count(fee, (p) => paidOnlineCodes.has(p.code)), fee.length),
      MC: frac(count(fee, (p) => p.paymentIntegrated === true), fee.length),
      D1: frac(
        count(resolvedInPeriod, (f) => resultRequired(f) && f.flags.digitizedResult === true),
        count(resolvedInPeriod, resultRequired),
      ),
      D2: frac(
        count(received, (f) => f.flags.digitizedDossier === true && (!resultRequired(f) || f.flags.digitizedResult === true)),
        received.length,
      ),
      D4: frac(count(received, (f) => f.flags.reusedData === true), received.length),
      D5: frac(count(received, (f) => f.flags.personalDataStore === true), received.length),
      D6A: frac(count(received, (f) => f.flags.populationDatabase === true), received.length),
      D6B: frac(count(procs, (p) => p.populationDbConnected === true), procs.length),
      S1: frac(count(complaintVerdicts, (c) => c.verdict === "ON_TIME" || c.verdict === "PENDING"), complaintVerdicts.length),
      S2: frac(
        count(myComplaints, (c) => !c.disliked && !c.reComplained && c.verdict !== "LATE" && c.verdict !== "OVERDUE"),
        myComplaints.length,
      ),
      S3: { numerator: received.length - bad, denominator: received.length, ratio: Math.max(0, 1 - lateRate - badShare) },
      S3A: frac(bad, received.length),
      R1: resp.R1,
      R2: resp.R2,
      R3: resp.R3,
      R4: resp.R4,
      R5: frac(count(judged, (c) => c.verdict === "ON_TIME"), judged.length),
      R5D: frac(
        lateAnswers.reduce((s, c) => s + c.workingDaysLate, 0),
        lateAnswers.length,
      ),
      R6: frac(
        interAgency.reduce((s, f) => s + new Set(f.consultations.map((c) => c.consultedUnitId)).size, 0),
        interAgency.length,
      ),
      R7: frac(overrun.get(u.unitId) ?? 0, provinceOverrun),
      R8: frac(myComplaints.length, received.length),
      R9_R1: complex.R1,
      R9_R2: complex.R2,
      R9_R3: complex.R3,
      R9_R4: complex.R4,
      ...input.manual?.[u.unitId],
    };
    return { unitId: u.unitId, tier: u.tier, name: u.nameVi, values };
  });
  return { units: out, cases: facts, complaints };
}

/**
 * The reference route end to end: counts, then points, totals, bands and ranks.
 * @example referenceScorecard({ events, complaints: [], procedures: [], units: new UnitCatalog(), period: parsePeriod("2024-H1"), calendar: new WorkingCalendar(), methodology: DN_2026_1 })
 */
export function referenceScorecard(input: ReferenceInput): UnitScore[] {
  return scoreUnits(input.methodology, input.period.id, referenceIndicators(input).units);
}
