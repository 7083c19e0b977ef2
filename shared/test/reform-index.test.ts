import { describe, expect, it } from "vitest";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import { DN_2026_2 } from "../src/methodology/dn-2026-2.js";
import { CriterionLockedError, assertAppraisable, reformIndex, type InspectionFinding } from "../src/methodology/reform-index.js";
import { scoreUnit } from "../src/methodology/score.js";

const m = DN_2026_1;
const frac = (numerator: number, denominator: number) => ({ numerator, denominator });
const full = Object.fromEntries(m.indicators.map((d) => [d.code, frac(10, 10)]));
const score = scoreUnit(m, "2024", {
  unitId: "DEPT-STP-2020",
  tier: "DEPARTMENT",
  values: { ...full, P1: frac(97, 100), R2: frac(1, 2), R3: frac(1, 10), R4: frac(1, 20), R5: frac(9, 10) },
});
const manual = { PAR1: 9, PAR2: 7, PAR4: 8, PAR5: 10, PAR6: 5 };
const finding = (findingId: string, extra: Partial<InspectionFinding> = {}): InspectionFinding => ({
  findingId,
  unitId: "DEPT-STP-2020",
  periodId: "2024",
  criterion: "PAR5",
  deduction: 3,
  evidence: "Biên bản 12/BB",
  noticeNumber: "15/TB-SNV",
  noticeDate: "2024-10-01",
  ...extra,
});
const points = (r: ReturnType<typeof reformIndex>) => Object.fromEntries(r.criteria.map((c) => [c.code, c.points]));

describe("Function: reformIndex — methodology §5", () => {
  it("§5 computed criteria: procedure reform from P1, R2, R3+R4, R5, S3; digital government and satisfaction from the groups", () => {
    const r = reformIndex(m, { score, manual, survey: 0.8, findings: [] });
    // PAR3 = 8 × 19.4/20 (7.76) + 4 × 0.5 (2) + 4 × (1 − 0.1 − 0.05) (3.4) + 4 × 0.9 (3.6) + 2 × 6/6 (2) = 18.76
    // PAR7 = 6 × 12/12 + 4 × 10/10 + 4 × 22/22 = 14 ; PAR8 = 10 × 18/18 + 10 × 0.8 = 18
    expect(points(r)).toEqual({ PAR1: 9, PAR2: 7, PAR3: 18.76, PAR4: 8, PAR5: 10, PAR6: 5, PAR7: 14, PAR8: 18 });
    // 9 + 7 + 18.76 + 8 + 10 + 5 + 14 + 18 = 89.76 ⇒ Good (≥ 80, < 90)
    expect(r).toMatchObject({ total: 89.76, complete: true, band: "GOOD" });
  });

  it("§5 an inspection deduction lowers the criterion it names, not below 0; no criterion ⇒ civil service (PAR5)", () => {
    const r = reformIndex(m, {
      score,
      manual,
      survey: 0.8,
      findings: [finding("f1"), finding("f2", { criterion: "PAR6", deduction: 20 }), finding("f3", { criterion: undefined, deduction: 1 })],
    });
    // PAR5 = 10 − 3 − 1 = 6 ; PAR6 = max(0, 5 − 20) = 0
    expect(points(r)).toMatchObject({ PAR5: 6, PAR6: 0 });
    expect(r.criteria.find((c) => c.code === "PAR6")).toMatchObject({ base: 5, deduction: 20, points: 0 });
  });

  it("§5 a finding counts once, in its period, never again", () => {
    const twice = [finding("f1"), finding("f1")];
    expect(points(reformIndex(m, { score, manual, survey: 0.8, findings: twice }))["PAR5"]).toBe(7); // 10 − 3 once
    const other = [finding("f9", { periodId: "2023" }), finding("f8", { unitId: "DEPT-SCT-2020" })];
    expect(points(reformIndex(m, { score, manual, survey: 0.8, findings: other }))["PAR5"]).toBe(10);
  });

  it("§5 a concluded finding locks the criterion it covers for that unit and period: no manual re-appraisal", () => {
    const concluded = [finding("f1")];
    expect(() => assertAppraisable(m, concluded, "DEPT-STP-2020", "2024", "PAR5")).toThrow(CriterionLockedError);
    expect(() => assertAppraisable(m, concluded, "DEPT-STP-2020", "2024", "PAR4")).not.toThrow();
    expect(() => assertAppraisable(m, concluded, "DEPT-STP-2020", "2025", "PAR5")).not.toThrow();
    const draft = [finding("f2", { noticeNumber: undefined })];
    expect(() => assertAppraisable(m, draft, "DEPT-STP-2020", "2024", "PAR5")).not.toThrow();
  });

  it("§5 manual criteria not yet entered (or no survey) leave the index incomplete; reform bands Fair ≥ 65", () => {
    const r = reformIndex(m, { score, manual: { PAR1: 9 }, survey: null, findings: [] });
    // 9 + 18.76 + 14 = 41.76; PAR8 pending (no survey)
    expect(r).toMatchObject({ complete: false, total: 41.76, band: "WEAK" });
    expect(reformIndex(m, { score, manual: { ...manual, PAR1: 0, PAR2: 0, PAR4: 0 }, survey: 0.8, findings: [] }).band).toBe("FAIR"); // 65.76
  });

  it("§5 nothing to judge counts as full: no late case (R2 no data), nobody consulted the unit (R5 no data)", () => {
    const quiet = scoreUnit(m, "2024", { unitId: "DEPT-STP-2020", tier: "DEPARTMENT", values: { ...full, R2: frac(0, 0), R5: frac(0, 0), R3: frac(0, 0) } });
    const r = reformIndex(m, { score: quiet, manual, survey: 1, findings: [] });
    // R3 no data ⇒ R3+R4 component unknown ⇒ PAR3 pending
    expect(r.criteria.find((c) => c.code === "PAR3")?.points).toBeNull();
    const ok = scoreUnit(m, "2024", { unitId: "DEPT-STP-2020", tier: "DEPARTMENT", values: { ...full, R2: frac(0, 0), R5: frac(0, 0), R3: frac(0, 10), R4: frac(0, 10) } });
    // 8 + 4 + 4 + 4 + 2 = 22
    expect(reformIndex(m, { score: ok, manual, survey: 1, findings: [] }).criteria.find((c) => c.code === "PAR3")?.points).toBe(22);
  });

  it("dn-2026.2: R3 counts over the returns — a unit that returned nothing has nothing deducted for R3 (not a missing PAR3); with no receipt at all PAR3 stays pending", () => {
    const m2 = DN_2026_2;
    const all2 = Object.fromEntries(m2.indicators.map((d) => [d.code, frac(10, 10)]));
    const at = (values: Record<string, { numerator: number; denominator: number }>) =>
      reformIndex(m2, { score: scoreUnit(m2, "2024", { unitId: "DEPT-STP-2020", tier: "DEPARTMENT", values: { ...all2, R2: frac(0, 0), R5: frac(0, 0), ...values } }), manual, survey: 1, findings: [] })
        .criteria.find((c) => c.code === "PAR3")?.points;
    // No return: R3 0 of 0; R4 1 of 20 ⇒ 4 × (1 − 0.05) = 3.8; PAR3 = 8 + 4 + 3.8 + 4 + 2 = 21.8
    expect(at({ R3: frac(0, 0), R4: frac(1, 20) })).toBe(21.8);
    // 1 of 4 returns improper: 4 × (1 − 0.25 − 0.05) = 2.8 ⇒ 20.8
    expect(at({ R3: frac(1, 4), R4: frac(1, 20) })).toBe(20.8);
    // Nothing received (R3 and R4 no data): pending, as under dn-2026.1
    expect(at({ R3: frac(0, 0), R4: frac(0, 0) })).toBeNull();
    // dn-2026.1 is unchanged: R3 no data ⇒ pending (the test above)
  });
});
