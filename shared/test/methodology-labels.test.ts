import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DN_2026_1 } from "../src/methodology/dn-2026-1.js";
import { DN_2026_2 } from "../src/methodology/dn-2026-2.js";
import {
  bandLabel,
  criterionLabel,
  directionOf,
  formatIndicatorValue,
  formatKind,
  groupLabel,
  indicatorDefinitionText,
  indicatorLabel,
  isLowerBetter,
  MEASURE_FORMATS,
  unitOf,
} from "../src/methodology/labels.js";
import { MEASURE_UNITS, type IndicatorDefinition, type Methodology } from "../src/methodology/methodology.js";
import { METHODOLOGY_VERSIONS, methodologyById } from "../src/methodology/registry.js";

/** Vite's glob import (vitest runs on Vite): the source text of shared's modules, read without node:fs. */
declare global {
  interface ImportMeta {
    glob(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, string>;
  }
}
const SOURCES = import.meta.glob("../src/**/*.ts", { query: "?raw", import: "default", eager: true });

const VERSIONS: readonly Methodology[] = [DN_2026_1, DN_2026_2];
const each = (f: (m: Methodology, d: IndicatorDefinition) => void) => {
  for (const m of VERSIONS) for (const d of m.indicators) f(m, d);
};

/** Every text a reader sees for an indicator, by language. */
const viTexts = (d: IndicatorDefinition) => [d.nameVi, d.shortVi, d.numerator.vi, d.denominator.vi];
const enTexts = (d: IndicatorDefinition) => [d.nameEn, d.shortEn, d.numerator.en, d.denominator.en];

/*
 * Heuristic for English left in a Vietnamese text: common English words that are not Vietnamese
 * syllables (no "in", "an", "ban", "do", "the" is kept since Vietnamese writes "thẻ", not "the").
 */
const ENGLISH_WORDS = ["the", "of", "and", "with", "cases", "case", "received", "period", "procedures", "procedure", "unit", "units", "dossiers", "late", "online", "complaints", "rate", "share", "days", "working", "per", "by", "within", "not", "or", "for", "from", "to", "is", "are", "that", "which", "see"];
const englishWordsIn = (text: string) => text.split(/[^A-Za-z\u00C0-\u1EF9]+/).filter((w) => ENGLISH_WORDS.includes(w.toLowerCase()));
/** Vietnamese letters with diacritics (đ, ă, â, ê, ô, ơ, ư and the tone marks). */
const VIETNAMESE = /[đĐăĂâÂêÊôÔơƠưƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/;
/** Engineers' words: identifiers (camelCase, SNAKE_CASE, snake_case), file names, "see …" references. */
const CODE_LIKE = /[a-z][A-Z]|[A-Z]{2,}_[A-Z]|[a-z]_[a-z]|\.(md|ts|sql)\b|\bsee\b|\bxem\b|≥|≤/;

describe("Indicator display metadata — both versions (issue 19)", () => {
  it("every indicator of both versions has a long and a short name in Vietnamese and English, a unit and a direction", () => {
    each((m, d) => {
      for (const t of [...viTexts(d), ...enTexts(d)]) expect(t.trim().length, `${m.id} ${d.code}`).toBeGreaterThan(0);
      // a short name is not the code, not the long name of another indicator, and fits a table header
      for (const s of [d.shortVi, d.shortEn]) {
        expect(s, `${m.id} ${d.code}`).not.toBe(d.code);
        expect(s.length, `${m.id} ${d.code}: "${s}"`).toBeLessThanOrEqual(26);
      }
      expect(MEASURE_UNITS, `${m.id} ${d.code}`).toContain(d.unitOfMeasure);
      expect(["higherIsBetter", "lowerIsBetter"], `${m.id} ${d.code}`).toContain(d.direction);
    });
    // 36 indicators (T1–T4, P1–P2, O1–O3, MA–MC, D1–D6B, S1–S3A, R1–R9); dn-2026.2 adds O3F, O3P, O4 (Directive 03, D7)
    expect(VERSIONS.map((m) => m.indicators.length)).toEqual([36, 39]);
  });

  it("short names are unique within a version and language (a table never shows two equal headers)", () => {
    for (const m of VERSIONS) {
      for (const k of ["shortVi", "shortEn"] as const) {
        const names = m.indicators.map((d) => d[k]);
        expect(names.filter((n, i) => names.indexOf(n) !== i), `${m.id} ${k}`).toEqual([]);
      }
    }
  });

  it("Vietnamese texts are Vietnamese (no English words, some diacritics) and English texts carry no Vietnamese", () => {
    each((m, d) => {
      for (const t of viTexts(d)) {
        expect(englishWordsIn(t), `${m.id} ${d.code}: "${t}"`).toEqual([]);
        expect(VIETNAMESE.test(t), `${m.id} ${d.code}: "${t}"`).toBe(true);
      }
      for (const t of enTexts(d)) expect(VIETNAMESE.test(t), `${m.id} ${d.code}: "${t}"`).toBe(false);
    });
    // the heuristic catches what it is meant to catch
    expect(englishWordsIn(DN_2026_1.indicators[0]?.rule.numerator ?? "")).not.toEqual([]);
    expect(englishWordsIn("Số hồ sơ tiếp nhận trong kỳ")).toEqual([]);
  });

  it("readable definitions name no code identifier, file or symbol — unlike the engineers' rule notes", () => {
    each((m, d) => {
      for (const t of [d.numerator.vi, d.numerator.en, d.denominator.vi, d.denominator.en]) expect(CODE_LIKE.test(t), `${m.id} ${d.code}: "${t}"`).toBe(false);
    });
    // the check bites on the old engineer notes (R7 cited facts/delay-attribution.md; T4 syncedToNationalPortal)
    const rules = DN_2026_1.indicators.flatMap((d) => [d.rule.numerator, d.rule.denominator]);
    expect(rules.filter((r) => CODE_LIKE.test(r)).length).toBeGreaterThan(10);
  });

  it("P2 and R5D are working days, R8 per thousand, R6 units per case, R7 a share, every other indicator a percentage", () => {
    for (const m of VERSIONS) {
      const units = Object.fromEntries(m.indicators.map((d) => [d.code, unitOf(m, d.code)]));
      expect(units).toMatchObject({ P2: "workingDays", R5D: "workingDays", R8: "perThousand", R6: "unitsPerCase", R7: "share", P1: "percent", S3: "percent" });
      expect(m.indicators.filter((d) => d.unitOfMeasure !== "percent").map((d) => d.code)).toEqual(["P2", "R5D", "R6", "R7", "R8"]);
    }
  });

  it("lower is better exactly for P2, S3A, R1, R3, R4, R5D, R6, R7, R8 and R9's late, refusal and supplement rates", () => {
    for (const m of VERSIONS) {
      expect(m.indicators.filter((d) => isLowerBetter(m, d.code)).map((d) => d.code)).toEqual(["P2", "S3A", "R1", "R3", "R4", "R5D", "R6", "R7", "R8", "R9_R1", "R9_R3", "R9_R4"]);
      expect([isLowerBetter(m, "P2"), directionOf(m, "P2"), isLowerBetter(m, "P1"), directionOf(m, "P1")]).toEqual([true, "lowerIsBetter", false, "higherIsBetter"]);
      // the older flag the pages read agrees with the direction, P2 included
      expect(m.indicators.filter((d) => d.lowerIsBetter === true).map((d) => d.code)).toEqual(m.indicators.filter((d) => d.direction === "lowerIsBetter").map((d) => d.code));
    }
  });

  it("S1's readable definition states the version's own complaint deadlines", () => {
    for (const m of VERSIONS) {
      const s1 = m.indicators.find((d) => d.code === "S1");
      const { acceptWithinWorkingDays: a, handleWithinWorkingDays: h } = m.complaints;
      expect(s1?.numerator.vi).toContain(`trong ${a} ngày làm việc và xử lý xong trong ${h} ngày làm việc`);
      expect(s1?.numerator.en).toContain(`within ${a} working days and dealt with within ${h} working days`);
    }
  });

  it("groups, head-rating bands and reform criteria have short names", () => {
    for (const m of VERSIONS) {
      for (const g of m.groups) expect([g.shortVi, g.shortEn].every((s) => s.length > 0 && s.length <= 14), g.code).toBe(true);
      for (const b of m.headRating.bands) expect([b.shortVi, b.shortEn].every((s) => s !== undefined && s.length > 0), b.code).toBe(true);
      for (const c of m.reformIndex.criteria) expect([c.shortVi, c.shortEn].every((s) => s !== undefined && s.length > 0), c.code).toBe(true);
    }
  });
});

describe("Module: labels — names, units and formats from the methodology", () => {
  const m = DN_2026_2;

  it("indicatorLabel: short and long names by language; an unknown code is shown as itself", () => {
    expect(indicatorLabel(m, "P1", "vi", "short")).toBe("Đúng hạn");
    expect(indicatorLabel(m, "P1", "en", "short")).toBe("On time");
    expect(indicatorLabel(m, "P1", "vi", "long")).toBe("Hồ sơ xử lý trước hạn, đúng hạn");
    expect(indicatorLabel(m, "P1", "en")).toBe("Dossiers handled early or on time");
    expect(indicatorLabel(m, "Z9", "vi", "short")).toBe("Z9");
  });

  it("groupLabel, bandLabel and criterionLabel: short names where set, the long name otherwise", () => {
    expect([groupLabel(m, "TTTT", "vi", "short"), groupLabel(m, "TTTT", "en"), groupLabel(m, "NONE", "en")]).toEqual(["Thanh toán", "Online payment", "NONE"]);
    expect(bandLabel(m.headRating.bands, "EXCELLENT", "vi", "short")).toBe("Xuất sắc");
    expect(bandLabel(m.headRating.bands, "EXCELLENT", "vi", "long")).toBe("Hoàn thành xuất sắc nhiệm vụ");
    // service bands have no short name: the name is already short
    expect(bandLabel(m.bands, "FAIR", "en", "short")).toBe("Fair");
    expect(criterionLabel(m, "PAR7", "vi", "short")).toBe("Chính quyền số");
  });

  it("indicatorDefinitionText: what the numerator and the denominator count, in the reader's language", () => {
    expect(indicatorDefinitionText(m, "T4", "vi")).toEqual({
      numerator: "Số hồ sơ tiếp nhận trong kỳ đã được đồng bộ lên Cổng Dịch vụ công quốc gia",
      denominator: "Số hồ sơ tiếp nhận trong kỳ",
    });
    expect(indicatorDefinitionText(m, "T4", "en")?.denominator).toBe("Dossiers received in the period");
    expect(indicatorDefinitionText(m, "Z9", "en")).toBeNull();
  });

  it("formatIndicatorValue: each unit in its own words (vi-VN and en-GB number formats)", () => {
    // P1 0.9712 ⇒ 97.12 % ⇒ one decimal 97.1 %
    expect(formatIndicatorValue(m, "P1", 0.9712, "vi")).toBe("97,1%");
    expect(formatIndicatorValue(m, "P1", 0.9712, "en")).toBe("97.1%");
    // P2 mean 4.52 working days ⇒ 4.5
    expect(formatIndicatorValue(m, "P2", 4.52, "en")).toBe("4.5 working days");
    expect(formatIndicatorValue(m, "P2", 4.52, "vi")).toBe("4,5 ngày làm việc");
    // R8 3 complaints / 1300 dossiers = 0.0023077 ⇒ × 1000 = 2.3077 ⇒ 2.3 per 1,000
    expect(formatIndicatorValue(m, "R8", 3 / 1300, "vi")).toBe("2,3 trên 1.000 hồ sơ");
    // R6 7 agencies over 4 dossiers = 1.75
    expect(formatIndicatorValue(m, "R6", 7 / 4, "en")).toBe("1.75 agencies per dossier");
    // R7 12 of 80 province overrun days = 15 %
    expect(formatIndicatorValue(m, "R7", 12 / 80, "en")).toBe("15.0%");
    expect(formatIndicatorValue(m, "P1", null, "vi")).toBe("");
    // unknown code: never a guessed percentage
    expect(formatKind(m, "Z9")).toBeNull();
    expect(formatIndicatorValue(m, "Z9", 0.5, "vi")).toBe("0,5");
  });

  it("formatKind follows the unit of measure for every indicator", () => {
    fc.assert(
      fc.property(fc.constantFrom(...m.indicators), (d) => {
        expect(formatKind(m, d.code)).toBe(MEASURE_FORMATS[d.unitOfMeasure]);
      }),
    );
    expect(formatKind(m, "R8")?.scale).toBe(1000);
  });

  it("methodologyById: both versions by id, undefined for an unknown one", () => {
    expect(methodologyById("dn-2026.1")).toBe(DN_2026_1);
    expect(methodologyById("dn-2026.2")).toBe(DN_2026_2);
    expect(methodologyById("dn-1999.9")).toBeUndefined();
    expect(methodologyById("toString")).toBeUndefined();
    expect(METHODOLOGY_VERSIONS.map((v) => v.id)).toEqual(["dn-2026.1", "dn-2026.2"]);
  });
});

describe("Bundle: the methodology modules pull no zod (the dashboard imports them by subpath)", () => {
  /** Relative imports of a module's source, resolved to glob keys ("../src/…/x.ts"); bare specifiers as is. */
  const importsOf = (key: string): string[] => {
    const src = SOURCES[key];
    if (src === undefined) throw new Error(`no source ${key}`);
    const specs = [...src.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)].map((x) => x[1] as string);
    return specs.map((s) => {
      if (!s.startsWith(".")) return s;
      const parts = key.split("/").slice(0, -1);
      for (const p of s.replace(/\.js$/, ".ts").split("/")) {
        if (p === "..") parts.pop();
        else if (p !== ".") parts.push(p);
      }
      return parts.join("/");
    });
  };
  /** Every module a module loads at run time (type-only imports are erased). */
  const closure = (start: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [start];
    while (todo.length > 0) {
      const k = todo.pop() as string;
      if (seen.has(k)) continue;
      seen.add(k);
      if (k.startsWith("../")) todo.push(...importsOf(k));
    }
    return seen;
  };

  it("no module of shared/src/methodology loads zod or a contracts module that does, directly or through others", () => {
    const methodology = Object.keys(SOURCES).filter((k) => /^\.\.\/src\/methodology\/[^/]+\.ts$/.test(k));
    expect(methodology).toEqual(expect.arrayContaining(["../src/methodology/labels.ts", "../src/methodology/registry.ts", "../src/methodology/dn-2026-2.ts"]));
    for (const k of methodology) {
      const loaded = [...closure(k)];
      expect(loaded.filter((x) => x === "zod" || x.startsWith("zod/")), k).toEqual([]);
      expect(loaded.filter((x) => x.includes("/contracts/")), k).toEqual([]);
    }
  });

  it("labels.ts loads nothing at run time; registry.ts only the version data", () => {
    expect([...closure("../src/methodology/labels.ts")]).toEqual(["../src/methodology/labels.ts"]);
    expect([...closure("../src/methodology/registry.ts")].sort()).toEqual(
      ["../src/methodology/dn-2026-1.ts", "../src/methodology/dn-2026-2.ts", "../src/methodology/indicator-display.ts", "../src/methodology/methodology.ts", "../src/methodology/registry.ts"].sort(),
    );
    // the walk sees value imports: the barrel reaches zod through the contracts
    expect([...closure("../src/index.ts")]).toContain("zod");
  });
});
