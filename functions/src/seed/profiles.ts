/**
 * What the demo province looks like: procedures per field with their legal time limits, each
 * unit's volume and field mix. Volumes follow the real shape (the land and construction
 * departments and Biên Hòa dominate); every number here is synthetic.
 */
import type { UnitRecord } from "@scorecard/shared";
import { Random, hash32 } from "./random.js";

export interface Procedure {
  readonly code: string;
  readonly field: string;
  /** Legal time limit in working days. */
  readonly days: number;
  readonly feeBearing: boolean;
}

const P = (code: string, field: string, days: number, feeBearing = true): Procedure => ({ code, field, days, feeBearing });

/** Procedures by field (codes in the style of the national procedure catalog, synthetic). */
export const PROCEDURES: Readonly<Record<string, readonly Procedure[]>> = {
  LAND: [P("1.012345.000.00.00.H19", "LAND", 10), P("1.012401.000.00.00.H19", "LAND", 15), P("1.012790.000.00.00.H19", "LAND", 30)],
  CONSTRUCTION: [P("1.009972.000.00.00.H19", "CONSTRUCTION", 15), P("1.009974.000.00.00.H19", "CONSTRUCTION", 20)],
  INVESTMENT: [P("2.001922.000.00.00.H19", "INVESTMENT", 15), P("2.001935.000.00.00.H19", "INVESTMENT", 35)],
  CONDITIONAL_BUSINESS: [P("2.000633.000.00.00.H19", "CONDITIONAL_BUSINESS", 10), P("1.001612.000.00.00.H19", "CONDITIONAL_BUSINESS", 7)],
  ENTERPRISE: [P("2.001610.000.00.00.H19", "ENTERPRISE", 3), P("1.005379.000.00.00.H19", "ENTERPRISE", 3, false)],
  JUSTICE: [P("2.000488.000.00.00.H19", "JUSTICE", 10), P("2.000815.000.00.00.H19", "JUSTICE", 3)],
  CIVIL_STATUS: [P("1.001193.000.00.00.H19", "CIVIL_STATUS", 1, false), P("1.000894.000.00.00.H19", "CIVIL_STATUS", 3), P("1.004746.000.00.00.H19", "CIVIL_STATUS", 5)],
  EDUCATION: [P("1.005092.000.00.00.H19", "EDUCATION", 5, false), P("1.000288.000.00.00.H19", "EDUCATION", 15, false)],
  HEALTH: [P("1.002467.000.00.00.H19", "HEALTH", 10), P("1.003552.000.00.00.H19", "HEALTH", 20)],
  LABOUR: [P("1.000105.000.00.00.H19", "LABOUR", 5, false), P("2.000205.000.00.00.H19", "LABOUR", 10, false)],
  TRANSPORT: [P("1.002820.000.00.00.H19", "TRANSPORT", 5), P("1.001777.000.00.00.H19", "TRANSPORT", 3)],
  CULTURE: [P("1.003622.000.00.00.H19", "CULTURE", 7), P("1.001029.000.00.00.H19", "CULTURE", 10)],
  FINANCE: [P("1.005428.000.00.00.H19", "FINANCE", 10, false)],
  HOME_AFFAIRS: [P("1.003827.000.00.00.H19", "HOME_AFFAIRS", 15, false), P("2.001688.000.00.00.H19", "HOME_AFFAIRS", 20, false)],
  SOCIAL_PROTECTION: [P("1.001776.000.00.00.H19", "SOCIAL_PROTECTION", 7, false), P("2.000355.000.00.00.H19", "SOCIAL_PROTECTION", 10, false)],
  SCIENCE: [P("1.003598.000.00.00.H19", "SCIENCE", 10)],
  GENERAL: [P("2.002163.000.00.00.H19", "GENERAL", 10, false)],
};

export interface UnitProfile {
  readonly unit: UnitRecord;
  /** Mean dossiers per working day at demo scale 1. */
  readonly volume: number;
  readonly fields: readonly (readonly [string, number])[];
  /** Probability that a dossier is handled late, at the start of 2024 and its monthly drift. */
  readonly lateBase: number;
  readonly lateDrift: number;
  /** Probability a late dossier gets an apology letter. */
  readonly apologyRate: number;
  /** Probability of consulting a vertical agency (inter-agency dossiers). */
  readonly consultRate: number;
  /** Extra chance the tax agency answers this unit's consultations late (planted pattern). */
  readonly taxConsultLate: number;
  /** Chance that a return (refusal, stop) of this unit is one Home Affairs later finds improper (planted pattern). */
  readonly improperReturnRate: number;
}

/** The unit code without its validity suffix: DEPT-SXD-202503 → DEPT-SXD (traits follow the organisation). */
export const orgKey = (unitId: string) => unitId.replace(/-(20\d{2}|20\d{4})$/, "");

const DEPT_FIELDS: Record<string, readonly (readonly [string, number])[]> = {
  "DEPT-STNMT": [["LAND", 1]],
  "DEPT-SNNPTNT": [["LAND", 0.3], ["GENERAL", 0.7]],
  "DEPT-SNNMT": [["LAND", 0.8], ["GENERAL", 0.2]],
  "DEPT-SXD": [["CONSTRUCTION", 1]],
  "DEPT-SGTVT": [["TRANSPORT", 1]],
  "DEPT-SKHDT": [["INVESTMENT", 0.5], ["ENTERPRISE", 0.5]],
  "DEPT-STC": [["FINANCE", 0.3], ["INVESTMENT", 0.3], ["ENTERPRISE", 0.4]],
  "DEPT-SCT": [["CONDITIONAL_BUSINESS", 1]],
  "DEPT-STP": [["JUSTICE", 1]],
  "DEPT-SYT": [["HEALTH", 0.8], ["CONDITIONAL_BUSINESS", 0.2]],
  "DEPT-SGDDT": [["EDUCATION", 1]],
  "DEPT-SLDTBXH": [["LABOUR", 0.5], ["SOCIAL_PROTECTION", 0.5]],
  "DEPT-SNV": [["HOME_AFFAIRS", 0.6], ["LABOUR", 0.4]],
  "DEPT-SVHTTDL": [["CULTURE", 1]],
  "DEPT-SKHCN": [["SCIENCE", 1]],
  "DEPT-STTTT": [["CULTURE", 1]],
  "DEPT-BQLKCN": [["INVESTMENT", 0.5], ["CONSTRUCTION", 0.3], ["LABOUR", 0.2]],
  "DEPT-BQLKCNKKT": [["INVESTMENT", 0.5], ["CONSTRUCTION", 0.3], ["LABOUR", 0.2]],
};

const DEPT_VOLUME: Record<string, number> = {
  "DEPT-STNMT": 9, "DEPT-SNNMT": 9, "DEPT-SXD": 3, "DEPT-SKHDT": 3, "DEPT-STC": 3, "DEPT-SCT": 2.5, "DEPT-STP": 2.5,
  "DEPT-SYT": 2, "DEPT-SGDDT": 1.5, "DEPT-SLDTBXH": 2, "DEPT-SNV": 1.5, "DEPT-BQLKCN": 2, "DEPT-BQLKCNKKT": 2.5, "DEPT-SGTVT": 2,
};

const DISTRICT_VOLUME: Record<string, number> = {
  "DIST-731": 6, "DIST-740": 3, "DIST-742": 3, "DIST-737": 3, "DIST-732": 2,
};

/** Departments with a planted consultation problem with the tax agency (docs in seed/README.md). */
export const PLANTED_TAX_LATE_ORG = "DEPT-STNMT";
export const PLANTED_TAX_LATE_SUCCESSOR = "DEPT-SNNMT";
/** The district whose late dossiers mostly lack apology letters. */
export const PLANTED_NO_APOLOGY_DISTRICT = "DIST-736";
/** The department (construction, and its successors) whose returns Home Affairs mostly finds improper. */
export const PLANTED_IMPROPER_RETURNS_ORG = "DEPT-SXD";

export function profileOf(unit: UnitRecord): UnitProfile {
  const key = orgKey(unit.unitId);
  const r = new Random(hash32(key));
  const lateBase = 0.01 + r.next() * r.next() * 0.16;
  const lateDrift = (r.next() - 0.5) * 0.006;
  // The improper-return rate is not drawn from `r`: the profiles drawn before it stay as they were.
  const improperReturnRate = key === PLANTED_IMPROPER_RETURNS_ORG ? 0.6 : 0.03;
  const base = { unit, lateBase, lateDrift, apologyRate: 0.8 + r.next() * 0.18, taxConsultLate: 0.05, improperReturnRate };
  switch (unit.tier) {
    case "DEPARTMENT": {
      const fields = DEPT_FIELDS[key] ?? [["GENERAL", 1]];
      const complex = fields.some(([f]) => f === "LAND" || f === "INVESTMENT" || f === "CONSTRUCTION");
      const planted = key === PLANTED_TAX_LATE_ORG || key === PLANTED_TAX_LATE_SUCCESSOR;
      return { ...base, volume: DEPT_VOLUME[key] ?? 0.4 + r.next() * 0.6, fields, consultRate: complex ? 0.3 : 0.04, taxConsultLate: planted ? 0.55 : 0.05 };
    }
    case "DISTRICT":
      return {
        ...base,
        volume: DISTRICT_VOLUME[key] ?? 1.2 + r.next(),
        fields: [["LAND", 0.45], ["CONSTRUCTION", 0.15], ["CONDITIONAL_BUSINESS", 0.1], ["ENTERPRISE", 0.1], ["SOCIAL_PROTECTION", 0.1], ["EDUCATION", 0.1]],
        consultRate: 0.2,
        apologyRate: key === PLANTED_NO_APOLOGY_DISTRICT ? 0.15 : base.apologyRate,
      };
    case "COMMUNE": {
      const ward = unit.nameVi.startsWith("Phường");
      const post2025 = unit.validFrom >= "2025-07-01";
      return {
        ...base,
        volume: (ward ? 0.5 : 0.25) * (post2025 ? 2.2 : 1) * (0.6 + r.next() * 0.8),
        fields: post2025
          ? [["CIVIL_STATUS", 0.45], ["LAND", 0.25], ["CONSTRUCTION", 0.1], ["SOCIAL_PROTECTION", 0.1], ["ENTERPRISE", 0.1]]
          : [["CIVIL_STATUS", 0.75], ["SOCIAL_PROTECTION", 0.15], ["LAND", 0.1]],
        consultRate: post2025 ? 0.08 : 0.02,
      };
    }
    default:
      return { ...base, volume: 0, fields: [], consultRate: 0 };
  }
}
