/**
 * Load events, complaints and a procedure catalog straight into DuckDB tables shaped like the
 * curated lake tables as compaction produces them — one row per eventId (the first copy of a
 * duplicated delivery is kept; the SQL relies on that invariant) — replacing the engine's lake views. Faster than import + compact, for the
 * differential and fixture tests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ProcedureRecord, type StoredCaseEvent, type StoredComplaint, UnitCatalog, type UnitRecord, WorkingCalendar, localDateOf } from "@scorecard/shared";
import { DuckDbQueryEngine, EMPTY_COMPLAINTS, EMPTY_CURATED, EMPTY_IMPROPER_RETURNS, EMPTY_PROCEDURES } from "../../src/adapters/local/duckdb-engine.js";

const lit = (s: string | undefined | null) => (s === undefined || s === null ? "NULL" : `'${s.replace(/'/g, "''")}'`);
const bool = (b: boolean | undefined | null) => (b === undefined || b === null ? "NULL" : b ? "TRUE" : "FALSE");
const ts = (iso: string | undefined) => (iso === undefined ? "NULL" : `TIMESTAMP '${new Date(iso).toISOString().replace("T", " ").replace("Z", "")}'`);
const date = (d: string | undefined | null) => (d === undefined || d === null ? "NULL" : `DATE '${d}'`);

export class SqlTables {
  private constructor(
    readonly engine: DuckDbQueryEngine,
    /** The engine's lake folder (kept facts write there). */
    readonly dir: string,
  ) {}

  static async open(units: readonly UnitRecord[]): Promise<SqlTables> {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-sql-"));
    const engine = await DuckDbQueryEngine.open(dir, { threads: 1, units: new UnitCatalog(units), calendar: new WorkingCalendar() });
    for (const [name, empty] of [
      ["curated_events", EMPTY_CURATED],
      ["curated_complaints", EMPTY_COMPLAINTS],
      ["curated_improper_returns", EMPTY_IMPROPER_RETURNS],
      ["dim_procedures", EMPTY_PROCEDURES],
      ["dim_procedure_units", "SELECT CAST(NULL AS VARCHAR) AS code, CAST(NULL AS VARCHAR) AS unit_id"],
    ] as const) {
      await engine.exec(`DROP VIEW IF EXISTS ${name}`);
      await engine.exec(`CREATE TABLE ${name} AS SELECT * FROM (${empty}) WHERE false`);
    }
    return new SqlTables(engine, dir);
  }

  /** Replace the content of every table (`improperReturns`: the dossiers Home Affairs marked, one row each). */
  async load(data: {
    events: readonly StoredCaseEvent[];
    complaints?: readonly StoredComplaint[];
    procedures?: readonly ProcedureRecord[];
    improperReturns?: readonly string[];
    /** The ingest batch of each event's kept copy (the first): compaction's `ingest_batch` ("test" without). */
    batchOf?: (index: number) => string;
  }): Promise<void> {
    for (const t of ["curated_events", "curated_complaints", "curated_improper_returns", "dim_procedures", "dim_procedure_units"]) await this.engine.exec(`DELETE FROM ${t}`);
    const marks = [...new Set(data.improperReturns ?? [])].map((c) => `(${lit(c)}, 'HOME_AFFAIRS_DECISION', 'test', TIMESTAMP '2024-12-01 00:00:00')`);
    if (marks.length > 0) await this.engine.exec(`INSERT INTO curated_improper_returns VALUES ${marks.join(", ")}`);
    const once = [...new Map(data.events.map((e, i) => [e.eventId, [e, i]] as const).reverse()).values()].reverse();
    const ev = once.map(([e, i]) => {
      const f = e.flags ?? {};
      return `(${[
        lit(e.eventId), lit(e.caseId), lit(e.type), ts(e.occurredAt), lit(e.unitId), lit(e.procedureCode), lit(e.field), lit(e.channel), ts(e.dueAt),
        lit(e.targetUnitId), bool(f.digitizedDossier), bool(f.digitizedResult), bool(f.digitallySigned), bool(f.reusedData), bool(f.onlinePayment),
        bool(f.feeBearing), bool(f.syncedToNationalPortal), bool(f.resultRequired), bool(f.personalDataStore), bool(f.populationDatabase),
        bool(e.rating?.satisfied), lit(e.applicantPseudonym), lit(data.batchOf?.(i) ?? "test"), lit(localDateOf(e.occurredAt).slice(0, 7)),
      ].join(", ")})`;
    });
    if (ev.length > 0) await this.engine.exec(`INSERT INTO curated_events VALUES ${ev.join(",\n")}`);
    const cs = (data.complaints ?? []).map(
      (c) =>
        `(${[lit(c.complaintId), lit(c.source), lit(c.unitId), ts(c.receivedAt), lit(c.category), lit(c.caseId), lit(c.procedureCode), lit(c.field),
          ts(c.acceptedAt), ts(c.refusedAt), ts(c.handledAt), bool(c.satisfied), bool(c.reComplained)].join(", ")})`,
    );
    if (cs.length > 0) await this.engine.exec(`INSERT INTO curated_complaints VALUES ${cs.join(",\n")}`);
    const ps = (data.procedures ?? []).map(
      (p) =>
        `(${[lit(p.code), lit(p.nameVi), lit(p.field), lit(p.tier), lit(p.onlineLevel), bool(p.feeBearing), bool(p.paymentIntegrated), bool(p.resultRequired),
          bool(p.populationDbConnected), p.timeLimitWorkingDays ?? "NULL", date(p.validFrom), date(p.validTo), lit(p.publication?.changeKind),
          date(p.publication?.decisionDate), date(p.publication?.legalEffectiveDate), date(p.publication?.publicDate), bool(p.publication?.contentComplete)].join(", ")})`,
    );
    if (ps.length > 0) await this.engine.exec(`INSERT INTO dim_procedures VALUES ${ps.join(",\n")}`);
    const pu = (data.procedures ?? []).flatMap((p) => (p.unitIds ?? []).map((u) => `(${lit(p.code)}, ${lit(u)})`));
    if (pu.length > 0) await this.engine.exec(`INSERT INTO dim_procedure_units VALUES ${pu.join(", ")}`);
  }

  dispose(): void {
    this.engine.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
