import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import { DN_2026_2 } from "../src/methodology/dn-2026-2.js";
import { type IndicatorDefinition, type Methodology, maxTotalOf } from "../src/methodology/methodology.js";
import { DEFAULT_METHODOLOGY_ID, METHODOLOGIES, getMethodology } from "../src/methodology/registry.js";
import { type IndicatorInputs, scoreUnit } from "../src/methodology/score.js";
import { InvalidMethodologyError, assertValidMethodology, validateMethodology } from "../src/methodology/validate.js";

const frac = (numerator: number, denominator: number) => ({ numerator, denominator });
const indexOf = (m: Methodology, code: string) => m.indicators.findIndex((d) => d.code === code);
const groupIndex = (m: Methodology, code: string) => m.groups.findIndex((g) => g.code === code);
const withIndicator = (m: Methodology, code: string, patch: Partial<IndicatorDefinition> | Record<string, unknown>): Methodology => ({
  ...m,
  indicators: m.indicators.map((d) => (d.code === code ? ({ ...d, ...patch } as IndicatorDefinition) : d)),
});
const fieldsOf = (m: Methodology) => validateMethodology(m).map((i) => i.field);

describe("Version dn-2026.2 — derived from dn-2026.1", () => {
  it("is registered beside dn-2026.1, effective 2026-12-07, named version 2026.2", () => {
    expect(Object.keys(METHODOLOGIES)).toEqual(["dn-2026.1", "dn-2026.2"]);
    expect(getMethodology("dn-2026.2")).toBe(DN_2026_2);
    expect(DN_2026_2).toMatchObject({ id: "dn-2026.2", effectiveFrom: "2026-12-07", nameEn: "Dong Nai public-service scorecard, version 2026.2" });
    expect(DN_2026_2.nameVi).toMatch(/, phiên bản 2026\.2$/);
    expect(DN_2026_2.effectiveFrom > DN_2026_1.effectiveFrom).toBe(true);
    expect(DEFAULT_METHODOLOGY_ID in METHODOLOGIES).toBe(true);
  });

  it("differs from dn-2026.1 only in its identity, its changelog, two switches, R3 and R9_R3 redefined and the D7 measures added; the rules are shared, not copied", () => {
    const differing = (Object.keys(DN_2026_2) as (keyof Methodology)[]).filter((k) => JSON.stringify(DN_2026_2[k]) !== JSON.stringify(DN_2026_1[k]));
    expect(differing).toEqual(["id", "effectiveFrom", "nameVi", "nameEn", "changes", "indicators", "switches"]);
    expect(DN_2026_2.switches).toEqual({ inProgressCountsAsOnTime: false, notApplicableFullPoints: true, freePointsNeedReceipts: true, improperReturnsOnly: true });
    expect(DN_2026_1.switches.freePointsNeedReceipts).toBe(false);
    expect("improperReturnsOnly" in DN_2026_1.switches).toBe(false); // dn-2026.1 stays byte for byte what it was
    // Every indicator but R3 and R9_R3 is dn-2026.1's own object; O3F, O3P, O4 follow O3.
    const NEW = ["O3F", "O3P", "O4"];
    expect(DN_2026_2.indicators.map((d) => d.code).filter((c) => !NEW.includes(c))).toEqual(DN_2026_1.indicators.map((d) => d.code));
    expect(DN_2026_2.indicators.map((d) => d.code).slice(indexOf(DN_2026_2, "O3"), indexOf(DN_2026_2, "O3") + 4)).toEqual(["O3", ...NEW]);
    for (const d of DN_2026_2.indicators) {
      if (NEW.includes(d.code)) continue;
      const base = DN_2026_1.indicators[indexOf(DN_2026_1, d.code)] as IndicatorDefinition;
      if (d.code === "R3" || d.code === "R9_R3") {
        const { nameVi: _a, nameEn: _b, shortVi: _c, shortEn: _d, numerator: _e, denominator: _f, rule: _g, note: _h, ...scoring } = d;
        const { nameVi: _i, nameEn: _j, shortVi: _k, shortEn: _l, numerator: _m, denominator: _n, rule: _o, note: _p, ...baseScoring } = base;
        expect(scoring, d.code).toEqual(baseScoring); // same max (null), target, group, direction, unit
      } else expect(d, d.code).toBe(base);
    }
    expect(DN_2026_2.groups).toBe(DN_2026_1.groups);
    // the changelog names every change in both languages
    expect(DN_2026_2.changes).toHaveLength(4);
    expect(DN_2026_2.changes.map((c) => c.en).join(" ")).toMatch(/min\(10, 6·A \+ min\(2, 2\.5·B\) \+ 2\.5·C\).*No data is no score.*Improper returns.*Digital signatures/s);
    expect(DN_2026_2.changes.map((c) => c.vi).join(" ")).toMatch(/min\(10; 6·A.*Không có dữ liệu thì không có điểm.*Trả hồ sơ không đúng quy định.*Chữ ký số/s);
  });

  it("both versions stay plain data (storable as a dimension table)", () => {
    for (const m of [DN_2026_1, DN_2026_2]) expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});

describe("Online payment capped: the cap is data and the highest total is 100", () => {
  it("maxTotal = Σ group maxima = 100; the indicator maxima add up to 100.5, which no page should show", () => {
    for (const m of [DN_2026_1, DN_2026_2]) {
      // 18 + 20 + 12 + 10 + 22 + 18 = 100
      expect([m.maxTotal, maxTotalOf(m.groups)]).toEqual([100, 100]);
      // 18 + 20 + 12 + (6 + 2 + 2.5) + 22 + 18 = 100.5
      expect(m.indicators.reduce((s, d) => s + (d.max ?? 0), 0)).toBe(100.5);
      const tttt = m.groups.find((g) => g.code === "TTTT");
      expect(tttt).toMatchObject({ max: 10, cap: 10 });
      expect(tttt?.formula?.en).toBe("min(10, 6·A + min(2, 2.5·B) + 2.5·C), where A, B and C are the group's three ratios; a ratio with a zero denominator counts as 0");
      expect(m.groups.filter((g) => g.cap !== undefined).map((g) => g.code)).toEqual(["TTTT"]);
    }
  });

  it("full marks everywhere reach exactly maxTotal (the payment group's 10.5 cut to 10)", () => {
    for (const m of [DN_2026_1, DN_2026_2]) {
      const values = Object.fromEntries(m.indicators.map((d) => [d.code, frac(10, 10)]));
      const s = scoreUnit(m, "2024-H1", { unitId: "U", tier: "DEPARTMENT", values });
      expect([s.groups.TTTT.points, s.total]).toEqual([10, m.maxTotal]);
    }
  });

  it("no total of dn-2026.2 exceeds maxTotal, for any counts on any tier", () => {
    const aCount = fc.tuple(fc.nat(50), fc.nat(50)).map(([a, b]) => frac(Math.min(a, b), Math.max(a, b)));
    fc.assert(
      fc.property(fc.array(aCount, { minLength: 36, maxLength: 36 }), fc.constantFrom("DEPARTMENT", "DISTRICT", "COMMUNE"), (counts, tier) => {
        const values = Object.fromEntries(DN_2026_2.indicators.map((d, i) => [d.code, counts[i]]));
        const s = scoreUnit(DN_2026_2, "2024", { unitId: "U", tier, values });
        expect(s.total ?? 0).toBeLessThanOrEqual(DN_2026_2.maxTotal);
        for (const g of DN_2026_2.groups) expect(s.groups[g.code].points).toBeLessThanOrEqual(g.cap ?? g.max);
      }),
    );
  });
});

describe("Function: validateMethodology", () => {
  it("both versions pass", () => {
    expect(validateMethodology(DN_2026_1)).toEqual([]);
    expect(validateMethodology(DN_2026_2)).toEqual([]);
    expect(assertValidMethodology(DN_2026_2)).toBe(DN_2026_2);
  });

  const m = DN_2026_2;
  const tttt = groupIndex(m, "TTTT");
  const ckmb = groupIndex(m, "CKMB");
  const cases: readonly [string, Methodology, readonly string[]][] = [
    // CKMB 18 → 19: groups add up to 101, maxTotal 100 no longer their sum, CKMB's indicators (18) fall short
    ["a group max raised", { ...m, groups: m.groups.map((g) => (g.code === "CKMB" ? { ...g, max: 19 } : g)) }, ["groups", "maxTotal", `groups[${ckmb}].max`]],
    ["maxTotal shown as the indicator sum", { ...m, maxTotal: 100.5 }, ["maxTotal"]],
    ["the payment cap dropped", { ...m, groups: m.groups.map((g) => (g.code === "TTTT" ? { ...g, cap: undefined } : g)) }, [`groups[${tttt}].cap`]],
    ["a cap that is not the max", { ...m, groups: m.groups.map((g) => (g.code === "TTTT" ? { ...g, cap: 10.5 } : g)) }, [`groups[${tttt}].cap`]],
    ["an indicator max lowered below its group's", withIndicator(m, "T4", { max: 5 }), [`groups[${ckmb}].max`]],
    // O3 (6 of online service's 12) moved to an unknown group: the group falls short too
    ["an indicator in a group that does not exist", withIndicator(m, "O3", { group: "XXXX" }), [`groups[${groupIndex(m, "DVCTT")}].max`, `indicators[${indexOf(m, "O3")}].group`]],
    ["a short name missing", withIndicator(m, "P1", { shortVi: " " }), [`indicators[${indexOf(m, "P1")}].shortVi`]],
    ["a readable denominator missing", withIndicator(m, "R8", { denominator: { vi: "Số hồ sơ", en: "" } }), [`indicators[${indexOf(m, "R8")}].denominator.en`]],
    ["a unit outside the closed set", withIndicator(m, "P2", { unitOfMeasure: "days" }), [`indicators[${indexOf(m, "P2")}].unitOfMeasure`]],
    ["lowerIsBetter against the direction", withIndicator(m, "P2", { direction: "higherIsBetter" }), [`indicators[${indexOf(m, "P2")}].lowerIsBetter`]],
    // T1 twice: transparency's maxima now 24 > 18 with no cap
    ["an indicator listed twice", { ...m, indicators: [...m.indicators, m.indicators[0] as IndicatorDefinition] }, [`groups[${ckmb}].cap`, `indicators[${m.indicators.length}].code`]],
    ["bands out of order", { ...m, bands: [m.bands[1], m.bands[0], ...m.bands.slice(2)] as Methodology["bands"] }, ["bands[1].min"]],
    ["no band from 0", { ...m, bands: m.bands.slice(0, -1) }, [`bands[${m.bands.length - 2}].min`]],
    ["reform criteria adding up to 98", { ...m, reformIndex: { ...m.reformIndex, criteria: m.reformIndex.criteria.map((c) => (c.code === "PAR1" ? { ...c, max: 8 } : c)) } }, ["reformIndex.criteria"]],
    ["a reform component naming no indicator", { ...m, reformIndex: { ...m.reformIndex, criteria: m.reformIndex.criteria.map((c) => (c.code === "PAR3" ? { ...c, components: c.components?.map((k) => (k.ref === "R5" ? { ...k, ref: "R55" } : k)) } : c)) } }, ["reformIndex.criteria[2].components[3].ref"]],
    // reversed (0, 50, 65, 80, 90): each band above the one before it, and the lowest listed starts at 90
    ["reform bands reversed", { ...m, reformIndex: { ...m.reformIndex, bands: [...m.reformIndex.bands].reverse() } }, [1, 2, 3, 4, 4].map((i) => `reformIndex.bands[${i}].min`)],
    ["head rating 60 + 40", { ...m, headRating: { ...m.headRating, resultsMax: 60, generalMax: 40 } }, ["headRating.resultsMax", "headRating.generalMax"]],
    ["head-rating cap demoting to an unknown band", { ...m, headRating: { ...m.headRating, excellentCap: { ...m.headRating.excellentCap, demoteTo: "FINE" } } }, ["headRating.excellentCap.demoteTo"]],
    ["received cases read from an unknown indicator", { ...m, receivedCasesIndicator: "T44" }, ["receivedCasesIndicator"]],
    ["received cases read from the catalog", { ...m, receivedCasesIndicator: "T1" }, ["receivedCasesIndicator"]],
  ];

  it.each(cases)("a broken copy fails, naming the field: %s", (_what, broken, fields) => {
    expect(fieldsOf(broken)).toEqual(fields);
    expect(() => assertValidMethodology(broken)).toThrow(InvalidMethodologyError);
    expect(() => assertValidMethodology(broken)).toThrow(`${fields[0]}: `);
  });

  it("any change of one group's max breaks the sum to 100", () => {
    fc.assert(
      fc.property(fc.constantFrom(...m.groups.map((g) => g.code)), fc.integer({ min: -5, max: 5 }).filter((x) => x !== 0), (code, delta) => {
        const broken = { ...m, groups: m.groups.map((g) => (g.code === code ? { ...g, max: g.max + delta } : g)) };
        expect(fieldsOf(broken)).toContain("groups");
      }),
    );
  });
});

describe("dn-2026.1 stays reproducible: dn-2026.2 scores the same wherever the unit received dossiers", () => {
  const aCount = fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]) => frac(Math.min(a, b), Math.max(a, b)));
  const inputs = fc.array(aCount, { minLength: 36, maxLength: 36 }).map((counts) => Object.fromEntries(DN_2026_1.indicators.map((d, i) => [d.code, counts[i]])) as IndicatorInputs);
  const tiers = fc.constantFrom("DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL");
  const body = (s: ReturnType<typeof scoreUnit>) => ({ ...s, methodology: undefined });

  it("received > 0 ⇒ identical scorecards (but the new measures, shown and not scored: the same points, total, band)", () => {
    // R3 and R9_R3 are fed the same counts here (the routes count them differently under dn-2026.2); O3F, O3P, O4 are dn-2026.2's own.
    const common = (s: ReturnType<typeof scoreUnit>) => ({ ...body(s), indicators: Object.fromEntries(Object.entries(s.indicators).filter(([c]) => !["O3F", "O3P", "O4"].includes(c))) });
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 40 }), tiers, (values, received, tier) => {
        const v = { ...values, T4: frac(Math.min(received, values["T4"]?.numerator ?? 0), received) };
        const b = scoreUnit(DN_2026_2, "2024", { unitId: "U", tier, values: v });
        expect(common(b)).toEqual(common(scoreUnit(DN_2026_1, "2024", { unitId: "U", tier, values: v })));
        for (const c of ["O3F", "O3P", "O4"]) expect(b.indicators[c]?.points, c).toBeNull();
      }),
    );
  });

  it("received = 0 ⇒ dn-2026.2 never gives more points than dn-2026.1, and differs only on S1, S2 and the commune's T1–T3", () => {
    fc.assert(
      fc.property(inputs, tiers, (values, tier) => {
        const v = { ...values, T4: frac(0, 0) };
        const a = scoreUnit(DN_2026_1, "2024", { unitId: "U", tier, values: v });
        const b = scoreUnit(DN_2026_2, "2024", { unitId: "U", tier, values: v });
        expect(b.total === null ? 0 : b.total).toBeLessThanOrEqual(a.total ?? 0);
        const moved = Object.keys(a.indicators).filter((c) => JSON.stringify(a.indicators[c]) !== JSON.stringify(b.indicators[c]));
        for (const c of moved) expect(["S1", "S2", "T1", "T2", "T3"]).toContain(c);
      }),
    );
  });
});
