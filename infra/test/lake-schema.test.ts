import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIM_CALENDAR_COLUMNS, DIM_UNIT_COLUMNS } from "@scorecard/shared/sql/dims";
import { CURATED_EVENT_COLUMNS, CURATED_EVENT_FLAG_COLUMNS, CURATED_EVENT_PARTITION, DIM_TABLES, LAKE_TABLES } from "@scorecard/shared/lake/schema";

const dim = (name: string) => DIM_TABLES.find((t) => t.name === name)!;

describe("Contract: lake-schema", () => {
  it("imports only the lake layout, so infra, functions and the browser can import it", () => {
    const source = readFileSync(new URL("../../shared/src/lake/schema.ts", import.meta.url), "utf8");
    expect(source.match(/^import\s.*$/gm)).toEqual(['import { CURATED_COMPLAINTS_PREFIX, CURATED_EVENTS_PREFIX, CURATED_IMPROPER_RETURNS_PREFIX, RAW_PREFIXES, dimPrefix } from "./layout.js";']);
  });

  it("lists the curated event columns the SQL reads", () => {
    expect(CURATED_EVENT_COLUMNS.map((c) => c.name)).toEqual([
      "event_id", "case_id", "type", "occurred_at", "unit_id", "procedure_code", "field", "channel", "due_at", "target_unit_id",
      "digitized_dossier", "digitized_result", "digitally_signed", "reused_data", "online_payment", "fee_bearing",
      "synced_to_national_portal", "result_required", "personal_data_store", "population_database", "rating_satisfied", "applicant_pseudonym", "ingest_batch",
    ]);
  });

  it("stores every flag as its own boolean column", () => {
    const flags = CURATED_EVENT_COLUMNS.filter((c) => (CURATED_EVENT_FLAG_COLUMNS as readonly string[]).includes(c.name));
    expect(flags.map((c) => c.type)).toEqual(CURATED_EVENT_FLAG_COLUMNS.map(() => "boolean"));
  });

  it("stores instants as timestamps", () => {
    expect(CURATED_EVENT_COLUMNS.filter((c) => c.name.endsWith("_at")).map((c) => c.type)).toEqual(["timestamp", "timestamp"]);
  });

  it("partitions by a string month, not a column of the files", () => {
    expect(CURATED_EVENT_PARTITION).toMatchObject({ name: "month", type: "string" });
    expect(CURATED_EVENT_COLUMNS.map((c) => c.name)).not.toContain("month");
  });

  it("declares dim_calendar and dim_units exactly as shared/src/sql/dims.ts defines them for the SQL (names, order, types)", () => {
    expect(dim("dim_calendar").columns.map((c) => [c.name, c.type])).toEqual(DIM_CALENDAR_COLUMNS.map((c) => [c.name, c.type]));
    expect(dim("dim_units").columns.map((c) => [c.name, c.type])).toEqual(DIM_UNIT_COLUMNS.map((c) => [c.name, c.type]));
  });

  it("types the columns the SQL compares with DATE literals and day numbers as date and bigint (text would not compare)", () => {
    expect(dim("dim_calendar").columns.find((c) => c.name === "day")?.type).toBe("bigint");
    for (const t of ["dim_units", "dim_procedures"]) {
      expect(dim(t).columns.filter((c) => c.name.startsWith("valid_")).map((c) => c.type)).toEqual(["date", "date"]);
    }
  });

  it("names every table once, in snake_case, with a folder prefix ending in /", () => {
    expect(new Set(LAKE_TABLES.map((t) => t.name)).size).toBe(LAKE_TABLES.length);
    for (const t of LAKE_TABLES) {
      expect(t.name).toMatch(/^[a-z][a-z_]*$/);
      expect(t.prefix).toMatch(/^[a-z_-]+\/([a-z_]+\/)?$/);
      for (const c of t.columns) expect(c.name, `${t.name}.${c.name}`).toMatch(/^[a-z][a-z_]*$/);
    }
  });
});
