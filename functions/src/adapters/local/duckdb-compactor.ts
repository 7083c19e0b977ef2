import { CURATED_EVENTS_PREFIX, LAKE_PREFIXES, RAW_PREFIXES } from "@scorecard/shared/lake/layout";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DuckDbQueryEngine } from "./duckdb-engine.js";

/** JSON columns of a raw object line (a StoredCaseEvent), for read_ndjson. */
export const RAW_COLUMNS = `{
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
  /** Months rewritten by this run. */
  readonly months: number;
  /** Distinct events in the curated data after the run. */
  readonly events: number;
  /** Raw objects in the lake, and how many of them this run compacted for the first time. */
  readonly rawObjects: number;
  readonly newRawObjects: number;
}

const q = (s: string) => s.replace(/'/g, "''");
const MANIFEST = "_compacted.json";
/** Orphans of a killed run (staging folders, temporary files) older than this are removed. */
const ORPHAN_AGE_MS = 10 * 60_000;

/** The raw columns → the curated columns (docs/storage.md, shared/src/lake/schema.ts). */
export const CURATED_SELECT = `eventId AS event_id, caseId AS case_id, type, ${ts("occurredAt")} AS occurred_at, unitId AS unit_id,
       procedureCode AS procedure_code, field, channel, ${ts("dueAt")} AS due_at, targetUnitId AS target_unit_id,
       flags.digitizedDossier AS digitized_dossier, flags.digitizedResult AS digitized_result,
       flags.digitallySigned AS digitally_signed, flags.reusedData AS reused_data,
       flags.onlinePayment AS online_payment, flags.feeBearing AS fee_bearing,
       flags.syncedToNationalPortal AS synced_to_national_portal, flags.resultRequired AS result_required,
       flags.personalDataStore AS personal_data_store, flags.populationDatabase AS population_database,
       rating.satisfied AS rating_satisfied, applicantPseudonym AS applicant_pseudonym,
       regexp_extract(filename, '([^/]+)\\.ndjson\\.gz$', 1) AS ingest_batch,
       strftime(${ts("occurredAt")} + INTERVAL 7 HOUR, '%Y-%m') AS month`;

async function removeOrphans(curatedDir: string): Promise<void> {
  if (!existsSync(curatedDir)) return;
  const now = Date.now();
  const walk = async (dir: string): Promise<void> => {
    for (const ent of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, ent.name);
      const old = async () => now - (await stat(full)).mtimeMs > ORPHAN_AGE_MS;
      if (ent.isDirectory() && ent.name.startsWith(".staging-")) {
        if (await old()) await rm(full, { recursive: true, force: true });
      } else if (ent.isDirectory()) await walk(full);
      else if (ent.name.endsWith(".tmp") && (await old())) await rm(full, { force: true });
    }
  };
  await walk(curatedDir);
}

/**
 * Raw NDJSON batches → `curated/events/month=YYYY-MM/events.parquet`, deduplicated by eventId,
 * incrementally: only raw objects not yet compacted (a manifest lists those done) are read; they
 * are staged as Parquet partitioned by month (a streaming write), then each touched month is
 * merged with its current file, deduplicated (the copy already curated wins, then the earliest
 * batch) and renamed into place — a reader sees the old month or the new one, never half of one.
 * The manifest is written last: a run killed half-way is simply done again, and since the merge
 * deduplicates, re-running never counts an event twice. Memory is bounded by one month.
 */
export async function compactLake(engine: DuckDbQueryEngine, lakeRoot: string): Promise<CompactionResult> {
  const rawDir = join(lakeRoot, RAW_PREFIXES.events);
  const curatedDir = join(lakeRoot, LAKE_PREFIXES.curated);
  const eventsDir = join(lakeRoot, CURATED_EVENTS_PREFIX);
  await removeOrphans(curatedDir);
  const rawKeys: string[] = [];
  if (existsSync(rawDir)) {
    for (const d of (await readdir(rawDir)).sort()) {
      for (const f of (await readdir(join(rawDir, d))).sort()) if (f.endsWith(".ndjson.gz")) rawKeys.push(`${d}/${f}`);
    }
  }
  const manifestPath = join(curatedDir, MANIFEST);
  const done = new Set<string>(existsSync(manifestPath) ? (JSON.parse(await readFile(manifestPath, "utf8")) as string[]) : []);
  const fresh = rawKeys.filter((k) => !done.has(k));
  const countCurated = async () =>
    existsSync(eventsDir) && (await readdir(eventsDir)).length > 0
      ? Number((await engine.query(`SELECT count(*) AS n FROM read_parquet('${q(join(eventsDir, "*", "events.parquet"))}')`, {})).rows[0]?.["n"] ?? 0)
      : 0;
  if (fresh.length === 0) return { months: 0, events: await countCurated(), rawObjects: rawKeys.length, newRawObjects: 0 };

  const staging = join(curatedDir, `.staging-${process.pid}-${Date.now()}`);
  await mkdir(staging, { recursive: true });
  await engine.exec("SET preserve_insertion_order = false");
  await engine.exec(`SET temp_directory = '${q(join(curatedDir, ".duckdb-spill"))}'`);
  try {
    const files = done.size === 0 ? `'${q(join(rawDir, "*", "*.ndjson.gz"))}'` : `[${fresh.map((k) => `'${q(join(rawDir, k))}'`).join(", ")}]`;
    await engine.exec(`
      COPY (SELECT ${CURATED_SELECT}
            FROM read_ndjson(${files}, columns = ${RAW_COLUMNS}, filename = true, format = 'newline_delimited'))
      TO '${q(staging)}' (FORMAT parquet, PARTITION_BY (month), COMPRESSION zstd)`);
    let months = 0;
    for (const dir of (await readdir(staging)).filter((d) => d.startsWith("month=")).sort()) {
      const target = join(eventsDir, dir, "events.parquet");
      const sources = [`SELECT *, 1 AS copy_rank FROM read_parquet('${q(join(staging, dir, "*.parquet"))}')`];
      if (existsSync(target)) sources.unshift(`SELECT *, 0 AS copy_rank FROM read_parquet('${q(target)}')`);
      await mkdir(join(eventsDir, dir), { recursive: true });
      const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await engine.exec(`
        COPY (
          SELECT * EXCLUDE (copy_rank, rn) FROM (
            SELECT *, row_number() OVER (PARTITION BY event_id ORDER BY copy_rank, ingest_batch) AS rn
            FROM (${sources.join(" UNION ALL BY NAME ")}))
          WHERE rn = 1
          ORDER BY unit_id, case_id, occurred_at, event_id
        ) TO '${q(tmp)}' (FORMAT parquet, ROW_GROUP_SIZE 122880, COMPRESSION zstd)`);
      await rename(tmp, target);
      months++;
    }
    await writeFile(`${manifestPath}.tmp`, JSON.stringify([...done, ...fresh]));
    await rename(`${manifestPath}.tmp`, manifestPath);
    await engine.refreshViews();
    return { months, events: await countCurated(), rawObjects: rawKeys.length, newRawObjects: fresh.length };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
