import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CURATED_EVENT_COLUMNS, CURATED_EVENT_FLAG_COLUMNS, CURATED_EVENT_PARTITION } from "../lib/lake-schema.js";

describe("Contract: lake-schema", () => {
  it("imports nothing, so functions/ and shared/ tests can import it", () => {
    const source = readFileSync(new URL("../lib/lake-schema.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
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
});
