import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { type DuckDBConnection, DuckDBInstance, DuckDBTypeId } from "@duckdb/node-api";
import type { FakeS3 } from "./fake-s3.js";

type Cell = string | number | boolean | null;

const NUMERIC: ReadonlySet<DuckDBTypeId> = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DECIMAL,
]);

/** Athena's limit on the partitions one CTAS / INSERT INTO / UNLOAD writes. */
export const ATHENA_MAX_PARTITIONS = 100;

/** `key = 'value'` and `key = ARRAY['a', 'b']` pairs of a WITH (...) clause. */
function withProperties(text: string): Map<string, string | string[]> {
  const props = new Map<string, string | string[]>();
  for (const m of text.matchAll(/(\w+)\s*=\s*(?:'([^']*)'|ARRAY\[([^\]]*)\])/g)) {
    const [, key, value, array] = m;
    props.set(key as string, array !== undefined ? [...array.matchAll(/'([^']*)'/g)].map((a) => a[1] as string) : (value as string));
  }
  return props;
}

/**
 * The statements AthenaQueryEngine issues for staged scoring, run on DuckDB with a FakeS3 bucket as
 * S3 — with the Athena rules the adapter must live with, so a test fails where Athena would:
 * - `CREATE OR REPLACE VIEW`, `DROP TABLE|VIEW IF EXISTS`: as DuckDB does them (DROP TABLE leaves
 *   an external table's files in S3, as Athena does);
 * - CTAS `WITH (format, write_compression, external_location)`: the location must be in the bucket
 *   and EMPTY (HIVE_PATH_ALREADY_EXISTS otherwise); a data object is written there;
 * - `UNLOAD (…) TO … WITH (format = 'JSON', compression, partitioned_by)`: partition columns LAST
 *   in the select list, at most 100 partitions, an unpartitioned target must be empty; one
 *   `<col>=<value>/<query>_<n>[.gz]` object per partition (Hive's default partition for NULL), JSON
 *   lines without the partition column and with NULL columns left out (the strictest reading);
 * - anything else: a SELECT, its rows returned.
 * Set `FakeAthena.executor = emulator.execute`.
 */
export class AthenaEmulator {
  /** Statements executed, by kind, in order. */
  readonly statements: string[] = [];

  private constructor(
    private readonly con: DuckDBConnection,
    private readonly s3: FakeS3,
  ) {}

  static async open(s3: FakeS3): Promise<AthenaEmulator> {
    const con = await (await DuckDBInstance.create(":memory:", { threads: "1" })).connect();
    await con.run("CREATE MACRO to_unixtime(t) AS epoch(t)");
    return new AthenaEmulator(con, s3);
  }

  /** Keys under an s3:// location of the fake bucket. */
  private keysUnder(location: string): string[] {
    const prefix = `s3://${this.s3.bucket}/`;
    if (!location.startsWith(prefix) || !location.endsWith("/")) throw new Error(`INVALID_TABLE_PROPERTY: location ${location} is not a folder of bucket ${this.s3.bucket}`);
    const key = location.slice(prefix.length);
    return [...this.s3.objects.keys()].filter((k) => k.startsWith(key));
  }

  private async select(sql: string): Promise<{ columns: string[]; rows: Record<string, Cell>[] }> {
    const reader = await this.con.runAndReadAll(sql);
    const columns = reader.columnNames();
    const numeric = new Set(columns.filter((_, i) => NUMERIC.has(reader.columnTypes()[i]?.typeId as DuckDBTypeId)));
    const rows = (reader.getRowObjectsJson() as Record<string, Cell>[]).map((row) => {
      for (const k of numeric) if (row[k] !== null) row[k] = Number(row[k]);
      return row;
    });
    return { columns, rows };
  }

  readonly execute = async (sql: string): Promise<Record<string, Cell>[]> => {
    const text = sql.trim();
    let m: RegExpExecArray | null;
    if ((m = /^CREATE OR REPLACE VIEW (\w+) AS\s([\s\S]+)$/.exec(text))) {
      this.statements.push(`VIEW ${m[1]}`);
      await this.con.run(`CREATE OR REPLACE VIEW ${m[1]} AS ${m[2]}`);
      return [];
    }
    if ((m = /^DROP (TABLE|VIEW) IF EXISTS (\w+)$/.exec(text))) {
      this.statements.push(`DROP ${m[1]} ${m[2]}`);
      await this.con.run(`DROP ${m[1]} IF EXISTS ${m[2]}`);
      return [];
    }
    if ((m = /^CREATE TABLE (\w+)\s+WITH \(([^)]*)\)\s+AS\s([\s\S]+)$/.exec(text))) {
      const [, name, withText, body] = m as unknown as [string, string, string, string];
      this.statements.push(`CTAS ${name}`);
      const props = withProperties(withText);
      const location = props.get("external_location");
      if (typeof location !== "string") throw new Error("emulator: CTAS without external_location");
      if (props.get("format") !== "PARQUET") throw new Error(`emulator: CTAS format ${String(props.get("format"))}`);
      if (this.keysUnder(location).length > 0) throw new Error(`HIVE_PATH_ALREADY_EXISTS: Target directory for table '${name}' already exists: ${location}`);
      await this.con.run(`CREATE TABLE ${name} AS ${body}`);
      const count = (await this.select(`SELECT count(*) AS n FROM ${name}`)).rows[0]?.["n"];
      this.s3.put(`${location.slice(`s3://${this.s3.bucket}/`.length)}${randomUUID()}`, `parquet stand-in: ${String(count)} rows`);
      return [];
    }
    if ((m = /^UNLOAD \(([\s\S]+)\)\s+TO '([^']+)'\s+WITH \(([\s\S]*)\)$/.exec(text))) {
      const [, body, location, withText] = m as unknown as [string, string, string, string];
      this.statements.push("UNLOAD");
      const props = withProperties(withText);
      if (props.get("format") !== "JSON") throw new Error(`emulator: UNLOAD format ${String(props.get("format"))}`);
      const compression = props.get("compression") ?? "GZIP";
      const partitionedBy = (props.get("partitioned_by") as string[] | undefined) ?? [];
      const { columns, rows } = await this.select(body);
      // A partitioned UNLOAD may add to a location; an unpartitioned one needs it empty.
      const existing = this.keysUnder(location);
      if (partitionedBy.length === 0 && existing.length > 0) throw new Error(`HIVE_PATH_ALREADY_EXISTS: UNLOAD target ${location} is not empty`);
      if (partitionedBy.length > 0 && columns.slice(-partitionedBy.length).join(",") !== partitionedBy.join(",")) {
        throw new Error(`INVALID_TABLE_PROPERTY: Partition columns must be the last columns in the select list (got ${columns.join(", ")})`);
      }
      const groups = new Map<string, Record<string, Cell>[]>();
      for (const row of rows) {
        const folder = partitionedBy.map((c) => `${c}=${row[c] === null ? "__HIVE_DEFAULT_PARTITION__" : String(row[c])}/`).join("");
        let list = groups.get(folder);
        if (!list) groups.set(folder, (list = []));
        list.push(row);
      }
      if (groups.size > ATHENA_MAX_PARTITIONS) throw new Error(`HIVE_TOO_MANY_OPEN_PARTITIONS: Exceeded limit of ${ATHENA_MAX_PARTITIONS} open writers for partitions/buckets`);
      const id = randomUUID();
      for (const [folder, list] of groups) {
        const lines = list.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k, v]) => !partitionedBy.includes(k) && v !== null))));
        const body = `${lines.join("\n")}\n`;
        const key = `${location.slice(`s3://${this.s3.bucket}/`.length)}${folder}${id}_0`;
        if (compression === "GZIP") this.s3.put(`${key}.gz`, gzipSync(body));
        else this.s3.put(key, body);
      }
      return [];
    }
    this.statements.push("SELECT");
    return (await this.select(text)).rows;
  };

  close(): void {
    this.con.closeSync();
  }
}
