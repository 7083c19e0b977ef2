import { describe, expect, it } from "vitest";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import { DN_2026_2 } from "../src/methodology/dn-2026-2.js";
import type { Methodology } from "../src/methodology/methodology.js";
import { type IndicatorInputs, type UnitInput, scoreIndicator, scoreUnit, scoreUnits } from "../src/methodology/score.js";
import { referenceScorecard } from "../src/scoring/reference-scorer.js";
import { parsePeriod } from "../src/time/period.js";
import { WorkingCalendar } from "../src/time/working-days.js";
import { UnitCatalog } from "../src/units/unit.js";
import { DEPT, DEPT2, aCase, aComplaint } from "./support/mothers.js";

const frac = (numerator: number, denominator: number) => ({ numerator, denominator });
const def = (m: Methodology, code: string) => {
  const d = m.indicators.find((x) => x.code === code);
  if (d === undefined) throw new Error(code);
  return d;
};
const pointsOf = (s: ReturnType<typeof scoreUnit>, codes: readonly string[]) => codes.map((c) => s.indicators[c]?.points ?? null);
const statusOf = (s: ReturnType<typeof scoreUnit>, codes: readonly string[]) => codes.map((c) => s.indicators[c]?.status);

/*
 * A commune that only finished dossiers carried over from before the period: nothing received in
 * it (T4, O3, D2, D4, D5, D6A, S3, R3, R4, R8 over 0 received), no complaint, a small catalog.
 *   P1 10/10 carried over, all on time ⇒ 20
 *   D1 3/6 resolved with an electronic result ⇒ 6 × 0.5 = 3
 *   O1 5/10 online, target 0.8 ⇒ 2 × 0.5 / 0.8 = 1.25 ; O2 0/5 ⇒ 0
 *   MB 0/4 ⇒ 0 ; MC 2/4 ⇒ 2.5 × 0.5 = 1.25 ; MA 0/0 fee-bearing received ⇒ 0 (a zero denominator counts as 0)
 *   D6B 4/10 ⇒ 2 × 0.4 = 0.8
 *   S3 0/0 received ⇒ 0 ; S1, S2 0/0 complaints ; T1–T3 do not apply to communes ; D3 not entered
 */
const CARRIED_OVER_ONLY: IndicatorInputs = {
  P1: frac(10, 10),
  P2: frac(45, 10),
  D1: frac(3, 6),
  O1: frac(5, 10),
  O2: frac(0, 5),
  MB: frac(0, 4),
  MC: frac(2, 4),
  D6B: frac(4, 10),
  MA: frac(0, 0),
  T4: frac(0, 0),
  O3: frac(0, 0),
  S1: frac(0, 0),
  S2: frac(0, 0),
  S3: { numerator: 0, denominator: 0, ratio: 0 },
  R1: frac(0, 10),
};
const FREE = ["S1", "S2", "T1", "T2", "T3"] as const;

describe("No data is no score — switch freePointsNeedReceipts (dn-2026.2; issue 20 item 4)", () => {
  it("a commune with only carried-over dossiers loses the free S1, S2 and T1–T3 points under dn-2026.2", () => {
    const s = scoreUnit(DN_2026_2, "2024-H1", { unitId: "C", tier: "COMMUNE", values: CARRIED_OVER_ONLY });
    expect(statusOf(s, FREE)).toEqual(["no-data", "no-data", "no-data", "no-data", "no-data"]);
    expect(pointsOf(s, FREE)).toEqual([null, null, null, null, null]);
    expect(FREE.map((c) => s.indicators[c]?.rule)).toEqual(["no-receipts", "no-receipts", "no-receipts", "no-receipts", "no-receipts"]);
    // CKMB 0 ; TDGQ 20 ; DVCTT 1.25 + 0 = 1.25 ; TTTT 0 + 0 + 1.25 = 1.25 ; SHHS 3 + 0.8 = 3.8 ; MDHL 0 + 0 + 0 = 0
    expect(Object.fromEntries(Object.entries(s.groups).map(([g, v]) => [g, v.points]))).toEqual({ CKMB: 0, TDGQ: 20, DVCTT: 1.25, TTTT: 1.25, SHHS: 3.8, MDHL: 0 });
    // 20 + 1.25 + 1.25 + 3.8 = 26.3 ⇒ Weak (< 50), incomplete
    expect(s).toMatchObject({ methodology: "dn-2026.2", total: 26.3, band: "WEAK", complete: false });
  });

  it("the same commune under dn-2026.1 keeps the free points, as published", () => {
    const s = scoreUnit(DN_2026_1, "2024-H1", { unitId: "C", tier: "COMMUNE", values: CARRIED_OVER_ONLY });
    expect(statusOf(s, FREE)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    // S1 6, S2 6 (no complaints: "6 when there are none"); T1 6, T2 4, T3 2 (not applicable to communes)
    expect(pointsOf(s, FREE)).toEqual([6, 6, 6, 4, 2]);
    // CKMB 6 + 4 + 2 = 12 ; MDHL 6 + 6 + 0 = 12 ; total 26.3 + 12 + 12 = 50.3 ⇒ Average (≥ 50)
    expect([s.groups.CKMB.points, s.groups.MDHL.points]).toEqual([12, 12]);
    expect(s).toMatchObject({ methodology: "dn-2026.1", total: 50.3, band: "AVERAGE", complete: false });
  });

  it("one dossier received brings the free points back under dn-2026.2 (the rule needs receipts, nothing more)", () => {
    // T4 0/1 ⇒ 0 points but 1 received; O3 0/1 ⇒ 0; S3 r = 1 − 0 − 0 = 1 ⇒ min(6, 6 / 0.9) = 6
    const values = { ...CARRIED_OVER_ONLY, T4: frac(0, 1), O3: frac(0, 1), S3: { numerator: 1, denominator: 1, ratio: 1 } };
    const s = scoreUnit(DN_2026_2, "2024-H1", { unitId: "C", tier: "COMMUNE", values });
    expect(pointsOf(s, FREE)).toEqual([6, 6, 6, 4, 2]);
    // 26.3 + CKMB 12 + MDHL (6 + 6 + 6) = 56.3
    expect(s.total).toBe(56.3);
    expect(scoreUnit(DN_2026_1, "2024-H1", { unitId: "C", tier: "COMMUNE", values })).toMatchObject({ total: 56.3 });
  });

  it("complaints are counted as usual without receipts: the switch withholds only points for nothing", () => {
    // S1 3 of 4 complaints on time ⇒ 6 × 0.75 = 4.5 ; S2 2/4 ⇒ 3
    const s = scoreUnit(DN_2026_2, "2024-H1", { unitId: "D", tier: "DEPARTMENT", values: { ...CARRIED_OVER_ONLY, S1: frac(3, 4), S2: frac(2, 4) } });
    expect(pointsOf(s, ["S1", "S2"])).toEqual([4.5, 3]);
    expect(statusOf(s, ["S1", "S2"])).toEqual(["ok", "ok"]);
    // a department: T1–T3 are no data anyway (no catalog change), in both versions
    expect(statusOf(s, ["T1", "T2", "T3"])).toEqual(["no-data", "no-data", "no-data"]);
  });

  it("scoreIndicator without the received count withholds free points under the switch (no data is no score)", () => {
    expect(scoreIndicator(def(DN_2026_2, "S1"), frac(0, 0), "DEPARTMENT", DN_2026_2)).toMatchObject({ status: "no-data", points: null, rule: "no-receipts" });
    expect(scoreIndicator(def(DN_2026_2, "S1"), frac(0, 0), "DEPARTMENT", DN_2026_2, 3)).toMatchObject({ status: "ok", points: 6, rule: "empty-full-points" });
    expect(scoreIndicator(def(DN_2026_1, "S1"), frac(0, 0), "DEPARTMENT", DN_2026_1)).toMatchObject({ status: "ok", points: 6 });
    // ZERO rules are not free points: MA with nothing fee-bearing stays 0, "ok"
    expect(scoreIndicator(def(DN_2026_2, "MA"), frac(0, 0), "DEPARTMENT", DN_2026_2, 0)).toMatchObject({ status: "ok", points: 0, rule: "empty-zero" });
  });
});

describe("An empty unit-period: no total, no band, no rank, listed after the ranked units", () => {
  const unit = (unitId: string, name: string, values: IndicatorInputs): UnitInput => ({ unitId, name, tier: "COMMUNE", values });
  /** Every denominator 0 (what the SQL route hands over for a unit without a row). */
  const EMPTY: IndicatorInputs = Object.fromEntries(DN_2026_2.indicators.map((d) => [d.code, frac(0, 0)]));
  const received = { ...CARRIED_OVER_ONLY, T4: frac(0, 1), O3: frac(0, 1), S3: { numerator: 1, denominator: 1, ratio: 1 } };
  const units = [unit("E1", "Xã Bình An", EMPTY), unit("R1", "Xã Phú Hòa", received), unit("E2", "Xã An Viễn", {}), unit("C1", "Xã Long Thành", CARRIED_OVER_ONLY)];

  it("dn-2026.2: the two empty communes come last, without total, band or rank, with no point anywhere", () => {
    const out = scoreUnits(DN_2026_2, "2024-H1", units);
    // R1 56.3 and C1 26.3 (above) are ranked; E2 and E1 follow in Vietnamese order (An before Bình)
    expect(out.map((s) => [s.unitId, s.total, s.band, s.rank])).toEqual([
      ["R1", 56.3, "AVERAGE", 1],
      ["C1", 26.3, "WEAK", 2],
      ["E2", null, null, null],
      ["E1", null, null, null],
    ]);
    for (const s of out.slice(2)) {
      expect(s.complete).toBe(false);
      expect(Object.values(s.groups).map((g) => g.points)).toEqual([0, 0, 0, 0, 0, 0]);
      expect(Object.values(s.indicators).filter((i) => i.points !== null && i.points > 0)).toEqual([]);
    }
  });

  it("dn-2026.1: the same empty communes have no total either, but their S1, S2 and T1–T3 showed free points", () => {
    const out = scoreUnits(DN_2026_1, "2024-H1", units);
    expect(out.map((s) => [s.unitId, s.total, s.rank])).toEqual([
      ["R1", 56.3, 1],
      ["C1", 50.3, 2],
      ["E2", null, null],
      ["E1", null, null],
    ]);
    // CKMB 6 + 4 + 2 = 12 ; MDHL 6 + 6 = 12
    expect(out.slice(2).map((s) => [s.groups.CKMB.points, s.groups.MDHL.points])).toEqual([[12, 12], [12, 12]]);
  });
});

describe("The reference route computes it alike (events → counts → scoreUnits)", () => {
  /*
   * April 2024 (holidays Thu 18 and Tue 30 April; they do not move any verdict below).
   * DEPT (Sở Tư pháp): C-1 received Mon 25 March, due Wed 3 April, resolved Tue 2 April ⇒ carried over, EARLY.
   *                    Nothing received in April, no complaint, no procedure in the catalog.
   * DEPT2 (Sở Công Thương): C-2 received Mon 1 April, due Fri 5, resolved Thu 4 ⇒ EARLY; received in April.
   * COM (Phường Trảng Dài): C-3 received Thu 28 March, due Mon 8 April, still open at the end of April ⇒ OVERDUE.
   * A complaint naming DEPT2 received in March does not count in April.
   */
  const COM = "COM-25993-2020";
  const input = (methodology: Methodology) => ({
    events: [
      aCase("C-1").received("2024-03-25 09:00", "2024-04-03 17:00").resolved("2024-04-02 10:00"),
      aCase("C-2", DEPT2).received("2024-04-01 09:00", "2024-04-05 17:00").resolved("2024-04-04 10:00"),
      aCase("C-3", COM).received("2024-03-28 09:00", "2024-04-08 17:00"),
    ].flatMap((c) => c.events),
    complaints: [aComplaint("K-0", "2024-03-20 09:00", { unitId: DEPT2 })],
    procedures: [],
    units: new UnitCatalog(),
    period: parsePeriod("2024-04"),
    calendar: new WorkingCalendar(),
    methodology,
  });
  const find = (out: ReturnType<typeof referenceScorecard>, unitId: string) => {
    const s = out.find((x) => x.unitId === unitId);
    if (s === undefined) throw new Error(unitId);
    return s;
  };

  it("dn-2026.2: the carried-over-only department scores 20, the overdue commune 0, every unit without a dossier has no total", () => {
    const out = referenceScorecard(input(DN_2026_2));
    // DEPT: P1 1/1 ⇒ 20 ; S1, S2 no data (nothing received) ; S3 0 received ⇒ 0 ; MA, MB, MC 0 ⇒ total 20
    expect(find(out, DEPT)).toMatchObject({ total: 20, band: "WEAK", rank: 2, complete: false });
    expect(statusOf(find(out, DEPT), ["S1", "S2"])).toEqual(["no-data", "no-data"]);
    // DEPT2: P1 1/1 ⇒ 20 ; T4 0/1, O3 0/1, D2, D4, D5, D6A 0/1 ⇒ 0 ; S1 + S2 6 + 6 (received 1) ; S3 r = 1 ⇒ 6 ⇒ 38
    expect(find(out, DEPT2)).toMatchObject({ total: 38, rank: 1 });
    // COM: P1 0/1 (overdue) ⇒ 0 ; T1–T3, S1, S2 no data ⇒ total 0, ranked (it has a dossier), Weak
    const com = find(out, COM);
    expect(com).toMatchObject({ total: 0, band: "WEAK", rank: 1 });
    expect(statusOf(com, ["T1", "T2", "T3", "S1", "S2"])).toEqual(["no-data", "no-data", "no-data", "no-data", "no-data"]);
    // every other unit of April 2024 has nothing: no total, no rank, listed after the ranked ones of its tier
    const empty = out.filter((s) => ![DEPT, DEPT2, COM].includes(s.unitId));
    expect(empty.length).toBeGreaterThan(100);
    expect(empty.every((s) => s.total === null && s.band === null && s.rank === null)).toBe(true);
    expect(empty.every((s) => Object.values(s.groups).every((g) => g.points === 0))).toBe(true);
    const departments = out.filter((s) => s.tier === "DEPARTMENT").map((s) => s.unitId);
    expect(departments.slice(0, 2)).toEqual([DEPT2, DEPT]);
  });

  it("dn-2026.1 on the same events: unchanged (DEPT 32 with the free S1 and S2, the commune 24 with S1, S2, T1–T3)", () => {
    const out = referenceScorecard(input(DN_2026_1));
    // DEPT 20 + 6 + 6 = 32 ; DEPT2 38 as above ; COM 0 + (6 + 4 + 2) + (6 + 6) = 24
    expect([find(out, DEPT).total, find(out, DEPT2).total, find(out, COM).total]).toEqual([32, 38, 24]);
    expect(out.filter((s) => ![DEPT, DEPT2, COM].includes(s.unitId)).every((s) => s.total === null && s.rank === null)).toBe(true);
  });
});
