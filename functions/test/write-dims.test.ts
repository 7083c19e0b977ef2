import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { UnitCatalog, WorkingCalendar } from "@scorecard/shared";
import { VN_CALENDAR_DAYS } from "@scorecard/shared/data/calendar.data";
import { DIM_CALENDAR_COLUMNS, DIM_UNIT_COLUMNS } from "@scorecard/shared/sql/dims";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FolderLake } from "../src/adapters/local/folder-lake.js";
import { parseJsonLinesGz } from "../src/lib/json-lines.js";
import { writeDims } from "../src/use-cases/score/write-dims.js";

let root: string;
let lake: FolderLake;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "scorecard-dims-"));
  lake = new FolderLake(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const rowsOf = async (key: string) => parseJsonLinesGz<Record<string, unknown>>((await lake.get(key)) as Uint8Array, key);

describe("Use case: writeDims", () => {
  it("writes dim_calendar and dim_units as JSON lines in their own folders, keys in the SQL's column order", async () => {
    const written = await writeDims({ lake, catalog: new UnitCatalog(), calendar: undefined })();
    expect(written.map((w) => [w.table, w.key, w.written])).toEqual([
      ["dim_calendar", "dims/calendar/calendar.json.gz", true],
      ["dim_units", "dims/units/units.json.gz", true],
    ]);
    const days = await rowsOf("dims/calendar/calendar.json.gz");
    const units = await rowsOf("dims/units/units.json.gz");
    expect(Object.keys(days[0]!)).toEqual(DIM_CALENDAR_COLUMNS.map((c) => c.name));
    expect(Object.keys(units[0]!)).toEqual(DIM_UNIT_COLUMNS.map((c) => c.name));
    expect(units).toHaveLength(new UnitCatalog().units.length);
    expect(written[0]!.rows).toBe(days.length);
  });

  it("writes values Athena's JSON SerDe reads as the declared types: dates as YYYY-MM-DD, day numbers and indexes as integers", async () => {
    await writeDims({ lake, catalog: new UnitCatalog(), calendar: undefined })();
    const days = await rowsOf("dims/calendar/calendar.json.gz");
    // 2024-09-02 (National Day) is a holiday: the index does not move; 2024-09-04 is a Wednesday.
    const byDate = new Map(days.map((d) => [d["date"], d]));
    expect(byDate.get("2024-09-02")).toMatchObject({ day: 19968, is_working: false });
    expect(byDate.get("2024-09-02")!["working_day_index"]).toBe(byDate.get("2024-08-30")!["working_day_index"]);
    expect(byDate.get("2024-09-04")).toMatchObject({ is_working: true, working_day_index: (byDate.get("2024-09-02")!["working_day_index"] as number) + 1 });
    for (const d of days) {
      expect(d["date"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isInteger(d["day"]) && Number.isInteger(d["working_day_index"])).toBe(true);
    }
    const units = await rowsOf("dims/units/units.json.gz");
    expect(units.every((u) => /^\d{4}-\d{2}-\d{2}$/.test(String(u["valid_from"])) && (u["valid_to"] === null || /^\d{4}-\d{2}-\d{2}$/.test(String(u["valid_to"]))))).toBe(true);
  });

  it("writes nothing when the lake already holds the same rows", async () => {
    await writeDims({ lake, catalog: new UnitCatalog(), calendar: undefined })();
    const put = vi.spyOn(lake, "put");
    const again = await writeDims({ lake, catalog: new UnitCatalog(), calendar: undefined })();
    expect(again.map((w) => w.written)).toEqual([false, false]);
    expect(put).not.toHaveBeenCalled();
  });

  it("rewrites only the table whose content changed (a unit catalog change leaves the calendar alone)", async () => {
    await writeDims({ lake, catalog: new UnitCatalog(), calendar: undefined })();
    const put = vi.spyOn(lake, "put");
    const fewer = new UnitCatalog(new UnitCatalog().units.slice(1));
    const again = await writeDims({ lake, catalog: fewer, calendar: undefined })();
    expect(again.map((w) => [w.table, w.written])).toEqual([["dim_calendar", false], ["dim_units", true]]);
    expect(put.mock.calls.map((c) => c[0])).toEqual(["dims/units/units.json.gz"]);
    expect(await rowsOf("dims/units/units.json.gz")).toHaveLength(fewer.units.length);
  });

  it("rewrites the calendar when the holiday list changes", async () => {
    await writeDims({ lake, catalog: new UnitCatalog(), calendar: undefined })();
    const moreHolidays = new WorkingCalendar([...VN_CALENDAR_DAYS, { date: "2024-09-04", nameVi: "x", nameEn: "x", kind: "HOLIDAY" }]);
    const again = await writeDims({ lake, catalog: new UnitCatalog(), calendar: moreHolidays })();
    expect(again.map((w) => [w.table, w.written])).toEqual([["dim_calendar", true], ["dim_units", false]]);
    const day = (await rowsOf("dims/calendar/calendar.json.gz")).find((d) => d["date"] === "2024-09-04");
    expect(day).toMatchObject({ is_working: false });
  });

  it("replaces an unreadable stored table", async () => {
    await lake.put("dims/units/units.json.gz", gzipSync("not json"));
    await lake.put("dims/calendar/calendar.json.gz", new Uint8Array([1, 2, 3]));
    const again = await writeDims({ lake, catalog: new UnitCatalog(), calendar: undefined })();
    expect(again.map((w) => w.written)).toEqual([true, true]);
    expect((await rowsOf("dims/units/units.json.gz")).length).toBeGreaterThan(0);
  });
});
