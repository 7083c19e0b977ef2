import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { DuckDbQueryEngine } from "./duckdb-engine.js";

/** JSON columns of a raw object line (a StoredCaseEvent), for read_ndjson. */
const RAW_COLUMNS = `{
  eventId: 'VARCHAR', caseId: 'VARCHAR', type: 'VARCHAR', occurredAt: 'VARCHAR', unitId: 'VARCHAR',
  procedureCode: 'VARCHAR', field: 'VARCHAR', channel: 'VARCHAR', dueAt: 'VARCHAR', targetUnitId: 'VARCHAR',
  flags: 'STRUCT(digitizedDossier BOOLEAN, digitizedResult BOOLEAN, digitallySigned BOOLEAN, reusedData BOOLEAN,
    onlinePayment BOOLEAN, feeBearing BOOLEAN, syncedToNationalPortal BOOLEAN, resultRequired BOOLEAN,
    personalDataStore BOOLEAN, populationDatabase BOOLEAN)',
  rating: 'STRUCT(satisfied BOOLEAN, progress INTEGER, quality INTEGER, attitude INTEGER)',
  applicantPseudonym: 'VARCHAR'
}`;

const ts = (col: string) => `CAST(replace(replace(${col}, 'T', ' '), 'Z', '') AS TIMESTAMP)`;

export interface CompactionResult {
  readonly months: number;
  readonly events: number;
  readonly rawObjects: number;
}

/**
 * Raw NDJSON batches → `curated/events/month=YYYY-MM/events.parquet`, deduplicated by eventId
 * (the first stored copy wins: batches are ordered by their time-stamped ids). The result is
 * written to a staging folder and each month's file is renamed into place, so a reader sees
 * either the old month or the new one, never half of one. Re-running gives the same files.
 */
export async function compactLake(engine: DuckDbQueryEngine, lakeRoot: string): Promise<CompactionResult> {
  const rawDir = join(lakeRoot, "raw");
  if (!existsSync(rawDir)) return { months: 0, events: 0, rawObjects: 0 };
  const rawObjects = (await Promise.all((await readdir(rawDir)).map(async (d) => (await readdir(join(rawDir, d))).filter((f) => f.endsWith(".ndjson.gz")).length))).reduce((a, b) => a + b, 0);
  if (rawObjects === 0) return { months: 0, events: 0, rawObjects: 0 };
  const staging = join(lakeRoot, "curated", `.staging-${process.pid}-${Date.now()}`);
  await mkdir(staging, { recursive: true });
  const glob = join(rawDir, "*", "*.ndjson.gz").replace(/'/g, "''");
  try {
    await engine.exec(`
      COPY (
        SELECT eventId AS event_id, caseId AS case_id, type, ${ts("occurredAt")} AS occurred_at, unitId AS unit_id,
               procedureCode AS procedure_code, field, channel, ${ts("dueAt")} AS due_at, targetUnitId AS target_unit_id,
               flags.digitizedDossier AS digitized_dossier, flags.digitizedResult AS digitized_result,
               flags.digitallySigned AS digitally_signed, flags.reusedData AS reused_data,
               flags.onlinePayment AS online_payment, flags.feeBearing AS fee_bearing,
               flags.syncedToNationalPortal AS synced_to_national_portal, flags.resultRequired AS result_required,
               rating.satisfied AS rating_satisfied, applicantPseudonym AS applicant_pseudonym,
               regexp_extract(filename, '([^/]+)\\.ndjson\\.gz$', 1) AS ingest_batch,
               strftime(${ts("occurredAt")} + INTERVAL 7 HOUR, '%Y-%m') AS month
        FROM (
          SELECT *, row_number() OVER (PARTITION BY eventId ORDER BY filename) AS copy_no
          FROM read_ndjson('${glob}', columns = ${RAW_COLUMNS}, filename = true, format = 'newline_delimited')
        )
        WHERE copy_no = 1
        ORDER BY month, unit_id, case_id, occurred_at
      ) TO '${staging.replace(/'/g, "''")}' (FORMAT parquet, PARTITION_BY (month), ROW_GROUP_SIZE 122880, COMPRESSION zstd)`);
    let months = 0;
    for (const dir of await readdir(staging)) {
      const files = (await readdir(join(staging, dir))).filter((f) => f.endsWith(".parquet"));
      if (files.length !== 1) throw new Error(`compaction wrote ${files.length} files for ${dir}`);
      const target = join(lakeRoot, "curated", "events", dir);
      await mkdir(target, { recursive: true });
      await rename(join(staging, dir, files[0] as string), join(target, "events.parquet"));
      months++;
    }
    const counted = await engine.query(`SELECT count(*) AS n FROM read_parquet('${join(lakeRoot, "curated", "events", "*", "events.parquet").replace(/'/g, "''")}')`, {});
    await engine.refreshViews();
    return { months, events: Number(counted.rows[0]?.["n"] ?? 0), rawObjects };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
