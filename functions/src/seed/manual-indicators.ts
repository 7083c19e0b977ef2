/**
 * Home Affairs' entries of D3 "certified electronic copies" in the demo (issue 20, item 5;
 * seed/README.md): for every finished period — months, quarters, half-years, years — and every unit
 * scored in it, the requests to certify a copy from the original (denominator) and those done as
 * electronic copies (numerator), as the units report them to Home Affairs.
 *
 * Each unit's monthly figures are drawn from the seed: a volume by tier (communes and the district
 * justice divisions certify most; departments and vertical agencies a few dozen requests a month at
 * their one-stop counters), lower in the month of Tết, and an electronic share that starts between
 * 25 % and 75 % and grows by about 1.5 points a month (capped at 97 %). A longer period's figures
 * are the sums of its months in which the unit existed, so a quarter agrees with its months.
 * Deterministic: the same seed, catalog and periods give the same entries.
 */
import type { IndicatorEntryInput } from "@scorecard/shared/contracts/admin-requests";
import { type Period, type UnitCatalog, type UnitRecord, parsePeriod, unitsValidIn } from "@scorecard/shared";

export interface DemoIndicatorEntry {
  readonly unitId: string;
  readonly period: string;
  readonly indicator: string;
  readonly input: IndicatorEntryInput;
}

/** A deterministic number in [0, 1) from a text (FNV-1a). */
function unitInterval(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h / 4_294_967_296;
}

/** Requests a month, lowest and highest, by tier. */
const VOLUME: Readonly<Record<string, readonly [number, number]>> = {
  COMMUNE: [150, 700],
  DISTRICT: [300, 1200],
  DEPARTMENT: [8, 45],
  VERTICAL: [6, 30],
};

/** The months of the demo's Tết (fewer requests). */
const TET_MONTHS = new Set(["2024-02", "2025-01", "2026-02"]);

const monthIndex = (month: string) => (Number(month.slice(0, 4)) - 2024) * 12 + Number(month.slice(5, 7)) - 1;

/** One unit's figures for one month. */
export function demoMonthCounts(unit: Pick<UnitRecord, "unitId" | "tier">, month: string, seed: number): { numerator: number; denominator: number } {
  const [low, high] = VOLUME[unit.tier] ?? [5, 20];
  const size = low + (high - low) * unitInterval(`${seed}|${unit.unitId}|d3-size`);
  const noise = 0.85 + 0.3 * unitInterval(`${seed}|${unit.unitId}|${month}|d3-volume`);
  const denominator = Math.max(1, Math.round(size * noise * (TET_MONTHS.has(month) ? 0.6 : 1)));
  const start = 0.25 + 0.5 * unitInterval(`${seed}|${unit.unitId}|d3-share`);
  const drift = 0.1 * (unitInterval(`${seed}|${unit.unitId}|${month}|d3-drift`) - 0.5);
  const share = Math.min(0.97, Math.max(0, start + 0.015 * Math.max(0, monthIndex(month)) + drift));
  return { numerator: Math.round(denominator * share), denominator };
}

/** The months of a period, as periods. */
function monthsOf(period: Period): Period[] {
  const out: Period[] = [];
  const [y, m] = period.startDate.split("-").map(Number) as [number, number];
  for (let i = 0; ; i++) {
    const month = parsePeriod(`${y + Math.floor((m - 1 + i) / 12)}-${String(((m - 1 + i) % 12) + 1).padStart(2, "0")}`);
    if (month.startDate > period.endDate) break;
    out.push(month);
  }
  return out;
}

const LABEL: Readonly<Record<Period["kind"], (p: Period) => string>> = {
  MONTH: (p) => `tháng ${p.id.slice(5, 7)}/${p.id.slice(0, 4)}`,
  QUARTER: (p) => `quý ${p.id.slice(6)}/${p.id.slice(0, 4)}`,
  HALF: (p) => `6 tháng ${p.id.endsWith("H1") ? "đầu" : "cuối"} năm ${p.id.slice(0, 4)}`,
  YEAR: (p) => `năm ${p.id}`,
};

/**
 * The D3 entries of the demo for `periods` (those that are over), every unit scored in each
 * (the scoring run's units: the catalog's units valid in the period, the province excluded).
 */
export function demoD3Entries(catalog: UnitCatalog, periods: readonly Period[], seed: number): DemoIndicatorEntry[] {
  const out: DemoIndicatorEntry[] = [];
  const validIn = new Map<string, Set<string>>();
  const valid = (month: Period) => {
    let ids = validIn.get(month.id);
    if (!ids) validIn.set(month.id, (ids = new Set(unitsValidIn(catalog, month).map((u) => u.unitId))));
    return ids;
  };
  for (const period of periods) {
    const months = monthsOf(period);
    for (const unit of unitsValidIn(catalog, period).filter((u) => u.tier !== "PROVINCE")) {
      let numerator = 0;
      let denominator = 0;
      for (const month of months) {
        if (!valid(month).has(unit.unitId)) continue;
        const c = demoMonthCounts(unit, month.id, seed);
        numerator += c.numerator;
        denominator += c.denominator;
      }
      if (denominator === 0) continue;
      out.push({
        unitId: unit.unitId,
        period: period.id,
        indicator: "D3",
        input: { numerator, denominator, evidence: `Báo cáo số liệu chứng thực bản sao ${LABEL[period.kind](period)} — dữ liệu mẫu (demo), không phải số liệu thật` },
      });
    }
  }
  return out;
}
