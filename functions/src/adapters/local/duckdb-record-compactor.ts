import { RAW_PREFIXES } from "@scorecard/shared/lake/layout";
import { COMPLAINTS_FILE, PROCEDURES_FILE, PROCEDURE_UNITS_FILE } from "./duckdb-engine.js";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { DuckDbQueryEngine } from "./duckdb-engine.js";

const q = (s: string) => s.replace(/'/g, "''");
const ts = (col: string) => `CAST(replace(replace(${col}, 'T', ' '), 'Z', '') AS TIMESTAMP)`;

async function hasObjects(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return false;
  for (const d of await readdir(dir)) if ((await readdir(join(dir, d))).some((f) => f.endsWith(".ndjson.gz"))) return true;
  return false;
}

/** Write a query's result to `<target>` through a temporary file and an atomic rename. */
async function writeParquet(engine: DuckDbQueryEngine, select: string, target: string): Promise<void> {
  await mkdir(join(target, ".."), { recursive: true });
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await engine.exec(`COPY (${select}) TO '${q(tmp)}' (FORMAT parquet, COMPRESSION zstd)`);
    await rename(tmp, target);
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * Complaints: every posted version → one row per complaintId, its most advanced state (more
 * life-cycle steps recorded wins; then the later batch). Procedures: the latest version per code,
 * plus the code → unit list for procedures restricted to named units.
 */
export async function compactRecords(engine: DuckDbQueryEngine, lakeRoot: string): Promise<{ complaints: number; procedures: number }> {
  let complaints = 0;
  let procedures = 0;
  const cDir = join(lakeRoot, RAW_PREFIXES.complaints);
  if (await hasObjects(cDir)) {
    const src = `read_ndjson('${q(join(cDir, "*", "*.ndjson.gz"))}', filename = true, format = 'newline_delimited', columns = {
      complaintId: 'VARCHAR', source: 'VARCHAR', unitId: 'VARCHAR', receivedAt: 'VARCHAR', category: 'VARCHAR', caseId: 'VARCHAR',
      procedureCode: 'VARCHAR', field: 'VARCHAR', acceptedAt: 'VARCHAR', refusedAt: 'VARCHAR', handledAt: 'VARCHAR',
      satisfied: 'BOOLEAN', reComplained: 'BOOLEAN' })`;
    await writeParquet(
      engine,
      `SELECT complaintId AS complaint_id, source, unitId AS unit_id, ${ts("receivedAt")} AS received_at, category, caseId AS case_id,
              procedureCode AS procedure_code, field, ${ts("acceptedAt")} AS accepted_at, ${ts("refusedAt")} AS refused_at,
              ${ts("handledAt")} AS handled_at, satisfied, reComplained AS re_complained
       FROM (
         SELECT *, row_number() OVER (
           PARTITION BY complaintId
           ORDER BY (acceptedAt IS NOT NULL)::INT + (refusedAt IS NOT NULL)::INT + (handledAt IS NOT NULL)::INT
                    + (satisfied IS NOT NULL)::INT + coalesce(reComplained, false)::INT DESC, filename DESC) AS rn
         FROM ${src})
       WHERE rn = 1 ORDER BY unit_id, received_at`,
      join(lakeRoot, COMPLAINTS_FILE),
    );
    complaints = Number((await engine.query(`SELECT count(*) AS n FROM read_parquet('${q(join(lakeRoot, COMPLAINTS_FILE))}')`, {})).rows[0]?.["n"] ?? 0);
  }
  const pDir = join(lakeRoot, RAW_PREFIXES.procedures);
  if (await hasObjects(pDir)) {
    const latest = `(SELECT * FROM (
        SELECT *, row_number() OVER (PARTITION BY code ORDER BY filename DESC) AS rn
        FROM read_ndjson('${q(join(pDir, "*", "*.ndjson.gz"))}', filename = true, format = 'newline_delimited', columns = {
          code: 'VARCHAR', nameVi: 'VARCHAR', nameEn: 'VARCHAR', field: 'VARCHAR', tier: 'VARCHAR', unitIds: 'VARCHAR[]',
          onlineLevel: 'VARCHAR', feeBearing: 'BOOLEAN', paymentIntegrated: 'BOOLEAN', resultRequired: 'BOOLEAN',
          populationDbConnected: 'BOOLEAN', timeLimitWorkingDays: 'INTEGER', validFrom: 'DATE', validTo: 'DATE',
          publication: 'STRUCT(changeKind VARCHAR, decisionNumber VARCHAR, decisionDate DATE, legalEffectiveDate DATE, publicDate DATE, contentComplete BOOLEAN)' }))
      WHERE rn = 1)`;
    await writeParquet(
      engine,
      `SELECT code, nameVi AS name_vi, field, tier, onlineLevel AS online_level, feeBearing AS fee_bearing,
              paymentIntegrated AS payment_integrated, resultRequired AS result_required, populationDbConnected AS population_db_connected,
              timeLimitWorkingDays AS time_limit_days, validFrom AS valid_from, validTo AS valid_to,
              publication.changeKind AS change_kind, publication.decisionDate AS decision_date,
              publication.legalEffectiveDate AS legal_effective_date, publication.publicDate AS public_date,
              publication.contentComplete AS content_complete
       FROM ${latest} ORDER BY code`,
      join(lakeRoot, PROCEDURES_FILE),
    );
    await writeParquet(
      engine,
      `SELECT code, unnest(unitIds) AS unit_id FROM ${latest} WHERE unitIds IS NOT NULL ORDER BY code, unit_id`,
      join(lakeRoot, PROCEDURE_UNITS_FILE),
    );
    procedures = Number((await engine.query(`SELECT count(*) AS n FROM read_parquet('${q(join(lakeRoot, PROCEDURES_FILE))}')`, {})).rows[0]?.["n"] ?? 0);
  }
  await engine.refreshViews();
  return { complaints, procedures };
}
