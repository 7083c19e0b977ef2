import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { CURATED_EVENTS_TABLE, RAW_EVENTS_TABLE } from "@scorecard/shared/lake/schema";
import { RAW_COLUMNS } from "../../src/adapters/local/duckdb-compactor.js";
import type { FakeS3 } from "./fake-s3.js";

const DUCK: Record<string, string> = { string: "VARCHAR", boolean: "BOOLEAN", timestamp: "TIMESTAMP", int: "INTEGER", bigint: "BIGINT", date: "DATE" };
const FLAGS = ["digitizedDossier", "digitizedResult", "digitallySigned", "reusedData", "onlinePayment", "feeBearing", "syncedToNationalPortal", "resultRequired", "personalDataStore", "populationDatabase"];

/**
 * The compaction statements' Athena, in DuckDB: `raw_events` holds the lines of the FakeS3
 * bucket's raw/ objects (columns lower-cased as the OpenX SerDe matches them, `"$path"` and
 * `ingest_date` as Athena exposes them) and `curated_events` is a table with the catalog's columns.
 * Only `date_format` needs a shim. So the SQL the compactor generates runs for real, and the test
 * can count what was curated.
 */
export class DuckDbAthena {
  private loaded = new Set<string>();
  private readonly dir = mkdtempSync(join(tmpdir(), "scorecard-fake-athena-"));

  private constructor(
    private readonly con: DuckDBConnection,
    private readonly s3: FakeS3,
  ) {}

  static async open(s3: FakeS3): Promise<DuckDbAthena> {
    const con = await (await DuckDBInstance.create(":memory:", { threads: "1" })).connect();
    const db = new DuckDbAthena(con, s3);
    await con.run(`CREATE MACRO date_format(t, f) AS strftime(t, f)`);
    await db.reset();
    return db;
  }

  async reset(): Promise<void> {
    this.loaded.clear();
    const rawCols = RAW_EVENTS_TABLE.columns.map((c) => `"${c.name}" ${c.type.startsWith("struct<") ? structType(c.type) : DUCK[c.type]}`);
    await this.con.run(`CREATE OR REPLACE TABLE raw_events (${rawCols.join(", ")}, "$path" VARCHAR, ingest_date VARCHAR)`);
    const curated = [...CURATED_EVENTS_TABLE.columns, CURATED_EVENTS_TABLE.partition!].map((c) => `"${c.name}" ${DUCK[c.type]}`);
    await this.con.run(`CREATE OR REPLACE TABLE curated_events (${curated.join(", ")})`);
  }

  /** Load raw objects that appeared in the bucket since the last query (Athena lists S3 at query time). */
  private async sync(): Promise<void> {
    for (const [key, o] of this.s3.objects) {
      if (!key.startsWith("raw/") || !key.endsWith(".ndjson.gz") || this.loaded.has(key)) continue;
      this.loaded.add(key);
      const file = join(this.dir, `${this.loaded.size}.ndjson.gz`);
      writeFileSync(file, o.body);
      const date = /ingest_date=(\d{4}-\d{2}-\d{2})\//.exec(key)?.[1];
      await this.con.run(`INSERT INTO raw_events
        SELECT eventId, caseId, type, occurredAt, unitId, procedureCode, field, channel, dueAt, targetUnitId,
               struct_pack(${FLAGS.map((f) => `${f.toLowerCase()} := flags.${f}`).join(", ")}),
               struct_pack(satisfied := rating.satisfied, progress := rating.progress, quality := rating.quality, attitude := rating.attitude),
               applicantPseudonym, 's3://${this.s3.bucket}/${key}', '${date}'
        FROM read_ndjson('${file}', columns = ${RAW_COLUMNS}, format = 'newline_delimited')`);
    }
  }

  /** Run one statement as Athena would. */
  readonly execute = async (sql: string): Promise<Record<string, string | number | boolean | null>[]> => {
    await this.sync();
    const reader = await this.con.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, string | number | boolean | null>[];
  };

  /** Rows of curated_events per eventId (1 everywhere = nothing counted twice). */
  async copiesPerEvent(): Promise<Map<string, number>> {
    const rows = (await this.con.runAndReadAll(`SELECT event_id, count(*)::INTEGER AS n FROM curated_events GROUP BY event_id`)).getRowObjectsJson();
    return new Map(rows.map((r) => [String(r["event_id"]), Number(r["n"])]));
  }

  async curated(): Promise<Record<string, unknown>[]> {
    return (await this.con.runAndReadAll(`SELECT * FROM curated_events ORDER BY event_id`)).getRowObjectsJson() as Record<string, unknown>[];
  }

  close(): void {
    this.con.closeSync();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `struct<a:boolean,b:int>` → `STRUCT(a BOOLEAN, b INTEGER)`. */
function structType(glue: string): string {
  const fields = glue.slice("struct<".length, -1).split(",").map((f) => f.split(":") as [string, string]);
  return `STRUCT(${fields.map(([n, t]) => `${n} ${DUCK[t]}`).join(", ")})`;
}
