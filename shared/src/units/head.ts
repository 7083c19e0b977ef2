/**
 * Heads of unit (người đứng đầu) with tenure dates (methodology §6): a head is rated on what
 * their unit did during their tenure inside the period.
 */
import type { Head } from "../contracts/admin.js";
import type { Period } from "../time/period.js";
import type { UnitCatalog, UnitRecord } from "./unit.js";

/** A head of unit as the admin API shows it (the wire contract). */
export type { Head };

export interface TenureInPeriod {
  /** First and last local date (inclusive) of the tenure inside the period; null when none. */
  readonly startDate: string;
  readonly endDate: string;
  readonly days: number;
  readonly periodDays: number;
}

const DAY_MS = 86_400_000;
const dayNo = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The part of a head's tenure inside the period, or null when they did not serve in it. */
export function tenureIn(head: Head, period: Period): TenureInPeriod | null {
  const startDate = head.tenureFrom > period.startDate ? head.tenureFrom : period.startDate;
  const endDate = head.tenureTo !== null && head.tenureTo < period.endDate ? head.tenureTo : period.endDate;
  if (startDate > endDate) return null;
  return { startDate, endDate, days: dayNo(endDate) - dayNo(startDate) + 1, periodDays: dayNo(period.endDate) - dayNo(period.startDate) + 1 };
}

/**
 * Is the head rated for the period? One in office for less than half of it is listed, not rated
 * (methodology §6; `minShare` comes from the methodology). Exactly half is rated.
 */
export function isRatable(head: Head, period: Period, minShare = 0.5): boolean {
  const t = tenureIn(head, period);
  return t !== null && t.days >= minShare * t.periodDays;
}

/** Heads of a unit who served during the period, earliest first. */
export function headsOf(heads: readonly Head[], unitId: string, period: Period): Head[] {
  return heads.filter((h) => h.unitId === unitId && tenureIn(h, period) !== null).sort((a, b) => (a.tenureFrom < b.tenureFrom ? -1 : 1));
}

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thành", "Hoàng"];
const GIVEN = ["Minh", "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vinh", "Yến"];

const TITLES: Readonly<Record<string, string>> = {
  DEPARTMENT: "Giám đốc",
  DISTRICT: "Chủ tịch UBND",
  COMMUNE: "Chủ tịch UBND",
  VERTICAL: "Thủ trưởng",
};

/** Small deterministic PRNG (mulberry32): the demo is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Demo heads with clearly fictional names ("Nguyễn Văn Minh (demo)"): one head per ranked unit
 * over its validity, and for about one unit in four a change of head at a seeded date inside it.
 * Deterministic for a given seed and catalog.
 */
export function demoHeads(catalog: UnitCatalog, seed = 1): Head[] {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const name = () => `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)} (demo)`;
  const out: Head[] = [];
  for (const u of catalog.units as readonly UnitRecord[]) {
    const title = TITLES[u.tier];
    if (title === undefined) continue;
    const from = u.validFrom;
    const to = u.validTo;
    const lastDay = dayNo(to ?? "2027-12-31");
    const change = next() < 0.25 ? Math.floor(dayNo(from) + (0.2 + 0.6 * next()) * (lastDay - dayNo(from))) : null;
    if (change === null || change <= dayNo(from)) {
      out.push({ headId: `HEAD-${u.unitId}-1`, unitId: u.unitId, name: name(), title, tenureFrom: from, tenureTo: to, demo: true });
    } else {
      out.push({ headId: `HEAD-${u.unitId}-1`, unitId: u.unitId, name: name(), title, tenureFrom: from, tenureTo: dateOf(change - 1), demo: true });
      out.push({ headId: `HEAD-${u.unitId}-2`, unitId: u.unitId, name: name(), title, tenureFrom: dateOf(change), tenureTo: to, demo: true });
    }
  }
  return out;
}
