/**
 * The demo procedure catalog and 1022 complaints, consistent with the demo dossiers: every
 * procedure code the generator uses exists in the catalog for the tier that handles it, and
 * complaints name real units and, often, one of their dossiers. All synthetic.
 */
import type { ComplaintInput, ProcedureRecord, UnitCatalog } from "@scorecard/shared";
import { WorkingCalendar } from "@scorecard/shared";
import { PROCEDURES } from "./profiles.js";
import { Random } from "./random.js";

const FIELD_NAMES: Readonly<Record<string, string>> = {
  LAND: "Đất đai", CONSTRUCTION: "Xây dựng", INVESTMENT: "Đầu tư", CONDITIONAL_BUSINESS: "Kinh doanh có điều kiện",
  ENTERPRISE: "Thành lập và hoạt động doanh nghiệp", JUSTICE: "Tư pháp", CIVIL_STATUS: "Hộ tịch", EDUCATION: "Giáo dục",
  HEALTH: "Y tế", LABOUR: "Lao động", TRANSPORT: "Giao thông", CULTURE: "Văn hóa", FINANCE: "Tài chính",
  HOME_AFFAIRS: "Nội vụ", SOCIAL_PROTECTION: "Bảo trợ xã hội", SCIENCE: "Khoa học và công nghệ", GENERAL: "Tổng hợp",
};

/** The code of a procedure as handled at a tier (the national catalog gives each level its own code). */
export const tierCode = (code: string, tier: string) => (tier === "DEPARTMENT" ? code : `${code}-${tier === "DISTRICT" ? "H" : "X"}`);

export function demoCatalog(seed: number, from: string, to: string): ProcedureRecord[] {
  const rng = new Random(seed ^ 0x5ca1ab1e);
  const cal = new WorkingCalendar();
  const out: ProcedureRecord[] = [];
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  for (const [field, procs] of Object.entries(PROCEDURES)) {
    for (const p of procs) {
      for (const tier of ["DEPARTMENT", "DISTRICT", "COMMUNE"] as const) {
        const onlineLevel = rng.weighted([["FULL", 0.55], ["PARTIAL", 0.35], ["NONE", 0.1]] as const);
        // Some procedures are amended in the demo years: a publication decision (T1–T3), made public
        // by the demo's last day (a decision that would be published after it falls a year earlier).
        const year = rng.int(firstYear, lastYear);
        const monthDay = `${String(rng.int(1, 11)).padStart(2, "0")}-0${rng.int(1, 9)}`;
        const onTime = rng.chance(0.85);
        const effectiveAfter = onTime ? rng.int(5, 15) : rng.int(0, 4);
        const publicLate = rng.chance(0.12);
        const publicAfter = publicLate ? rng.int(6, 12) : rng.int(1, 5);
        const datesIn = (y: number) => {
          const decisionDate = cal.addWorkingDays(`${y}-${monthDay}`, 0);
          return { decisionDate, legalEffectiveDate: cal.addWorkingDays(decisionDate, effectiveAfter), publicDate: cal.addWorkingDays(decisionDate, publicAfter) };
        };
        let dates = datesIn(year);
        if (year > firstYear && (dates.legalEffectiveDate > to || dates.publicDate > to)) dates = datesIn(year - 1);
        const { decisionDate, legalEffectiveDate, publicDate } = dates;
        out.push({
          code: tierCode(p.code, tier),
          nameVi: `Thủ tục ${FIELD_NAMES[field] ?? field} ${p.code.slice(0, 8)} (${tier === "DEPARTMENT" ? "cấp tỉnh" : tier === "DISTRICT" ? "cấp huyện" : "cấp xã"})`,
          field,
          tier,
          onlineLevel,
          feeBearing: p.feeBearing,
          ...(p.feeBearing ? { paymentIntegrated: rng.chance(0.8) } : {}),
          resultRequired: true,
          populationDbConnected: rng.chance(0.6),
          timeLimitWorkingDays: p.days,
          validFrom: "2020-01-01",
          ...(rng.chance(0.45) ? { publication: { changeKind: "AMENDED" as const, decisionDate, legalEffectiveDate, publicDate, contentComplete: rng.chance(0.9) } } : {}),
        });
      }
    }
  }
  return out;
}

export interface DossierSummary {
  readonly caseId: string;
  readonly unitId: string;
  readonly receivedAt: string;
  readonly late: boolean;
  /**
   * A return (refusal or stop) that Home Affairs finds improper once its period is over: the unit
   * that returned it and when (the seed marks it, `demoImproperReturnMarks`). Absent otherwise.
   */
  readonly improperReturn?: { readonly unitId: string; readonly returnedAt: string };
}

/**
 * 1022 hotline and portal complaints: a late dossier is far more likely to draw one; they name
 * the unit that received the dossier; accepted within 0–5 working days (2 is the limit),
 * handled within 3–25 (15 is the limit), mostly satisfied, a few re-complaints.
 */
export class ComplaintMaker {
  private readonly rng: Random;
  private readonly cal = new WorkingCalendar();
  private readonly asOfT: number;
  private n = 0;
  constructor(
    seed: number,
    private readonly catalog: UnitCatalog,
    asOf: string,
    private readonly perDossiers = 250,
  ) {
    this.rng = new Random(seed ^ 0x1022);
    this.asOfT = Date.parse(asOf);
  }

  maybe(d: DossierSummary): ComplaintInput | undefined {
    const { rng, cal } = this;
    if (!rng.chance((d.late ? 6 : 0.7) / this.perDossiers)) return undefined;
    const at = (date: string, minutes: number) => `${date}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00+07:00`;
    const day = cal.addWorkingDays(d.receivedAt.slice(0, 10), rng.int(2, 12));
    const receivedAt = at(day, rng.int(480, 1000));
    if (Date.parse(receivedAt) > this.asOfT || !this.catalog.isValidOn(d.unitId, day)) return undefined;
    const refused = rng.chance(0.08);
    const decided = at(cal.addWorkingDays(day, rng.chance(0.85) ? rng.int(0, 2) : rng.int(3, 5)), rng.int(480, 1000));
    const handled = at(cal.addWorkingDays(day, rng.chance(0.85) ? rng.int(3, 15) : rng.int(16, 25)), rng.int(480, 1000));
    const c: ComplaintInput = {
      complaintId: `PAKN-${d.caseId}-${++this.n}`,
      source: rng.chance(0.7) ? "HOTLINE_1022" : "NATIONAL_PORTAL",
      unitId: d.unitId,
      receivedAt,
      category: rng.chance(0.7) ? "PROCEDURE" : "STAFF_CONDUCT",
      ...(rng.chance(0.8) ? { caseId: d.caseId } : {}),
      ...(Date.parse(decided) <= this.asOfT ? (refused ? { refusedAt: decided } : { acceptedAt: decided }) : {}),
    };
    if (!refused && c.acceptedAt && Date.parse(handled) <= this.asOfT && Date.parse(handled) >= Date.parse(decided)) {
      Object.assign(c, { handledAt: handled, satisfied: rng.chance(d.late ? 0.6 : 0.85), reComplained: rng.chance(0.05) });
    }
    return c;
  }
}
