/**
 * Rows of the small dimension tables the SQL joins, generated from shared's domain data so that
 * DuckDB (materialised at open) and Athena (written to the lake's `dims/`) read the same rules.
 *
 * - `dim_calendar` (date DATE, day BIGINT = days since 1970-01-01, is_working BOOLEAN,
 *   working_day_index INTEGER = working days from the first covered date up to and including
 *   `date`): working-day arithmetic is a difference of indexes, never an engine date function.
 * - `dim_units` (unit_id, tier, name_vi, valid_from DATE, valid_to DATE): the effective-dated units.
 */
import type { WorkingCalendar } from "../time/working-days.js";
import type { UnitRecord } from "../units/unit.js";

/** A column of a dimension table as the SQL reads it (type names as Glue/Hive spell them). */
export interface DimColumn {
  readonly name: string;
  readonly type: "string" | "boolean" | "int" | "bigint" | "date";
}

/** `dim_calendar` as the SQL joins it: `cd."date" = p.decision_date`, `cd.day = <local day>`, `working_day_index`, `is_working`. */
export const DIM_CALENDAR_COLUMNS: readonly DimColumn[] = [
  { name: "date", type: "date" },
  { name: "day", type: "bigint" },
  { name: "is_working", type: "boolean" },
  { name: "working_day_index", type: "int" },
];

/** `dim_units` as the SQL filters it (`tier`, `valid_from <= DATE ...`, `valid_to IS NULL OR ...`). */
export const DIM_UNIT_COLUMNS: readonly DimColumn[] = [
  { name: "unit_id", type: "string" },
  { name: "tier", type: "string" },
  { name: "name_vi", type: "string" },
  { name: "valid_from", type: "date" },
  { name: "valid_to", type: "date" },
];

/** A dimension row keyed by column name, in column order (what the lake's JSON lines hold). */
export type DimRecord = Readonly<Record<string, string | number | boolean | null>>;

/** `dim_calendar` rows keyed by the column names of DIM_CALENDAR_COLUMNS. */
export function calendarDimRecords(calendar: WorkingCalendar): DimRecord[] {
  return calendarDimRows(calendar).map((d) => ({ date: d.date, day: d.day, is_working: d.isWorking, working_day_index: d.workingDayIndex }));
}

/** `dim_units` rows keyed by the column names of DIM_UNIT_COLUMNS. */
export function unitDimRecords(units: readonly UnitRecord[]): DimRecord[] {
  return unitDimRows(units).map((u) => ({ unit_id: u.unitId, tier: u.tier, name_vi: u.nameVi, valid_from: u.validFrom, valid_to: u.validTo }));
}

export interface CalendarDimRow {
  readonly date: string;
  readonly day: number;
  readonly isWorking: boolean;
  readonly workingDayIndex: number;
}

const DAY_MS = 86_400_000;

/**
 * Every date of the calendar's covered years, in order.
 * @example calendarDimRows(new WorkingCalendar())[0] // { date: "2022-01-01", day: 18993, isWorking: false, workingDayIndex: 0 }
 */
export function calendarDimRows(calendar: WorkingCalendar): CalendarDimRow[] {
  const rows: CalendarDimRow[] = [];
  let index = 0;
  const last = Date.parse(`${calendar.lastYear}-12-31T00:00:00Z`);
  for (let t = Date.parse(`${calendar.firstYear}-01-01T00:00:00Z`); t <= last; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    const isWorking = calendar.isWorkingDay(date);
    if (isWorking) index++;
    rows.push({ date, day: t / DAY_MS, isWorking, workingDayIndex: index });
  }
  return rows;
}

export interface UnitDimRow {
  readonly unitId: string;
  readonly tier: string;
  readonly nameVi: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export function unitDimRows(units: readonly UnitRecord[]): UnitDimRow[] {
  return units.map((u) => ({ unitId: u.unitId, tier: u.tier, nameVi: u.nameVi, validFrom: u.validFrom, validTo: u.validTo }));
}
