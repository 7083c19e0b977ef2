import type { Lake } from "../../ports/lake.js";
import { dimPrefix, tableObjectKey } from "@scorecard/shared/lake/layout";
import { sha256Hex } from "../../lib/canonical.js";
import { gunzipSync } from "node:zlib";
import { type UnitCatalog, WorkingCalendar } from "@scorecard/shared";
import { type DimRecord, calendarDimRecords, unitDimRecords } from "@scorecard/shared/sql/dims";
import { jsonLines, jsonLinesGz } from "../../lib/json-lines.js";

export interface DimsDeps {
  readonly lake: Lake;
  readonly catalog: UnitCatalog;
  /** Working-day calendar (default: shared's holiday data), the one scoring uses. */
  readonly calendar: WorkingCalendar | undefined;
}

/** A dimension rendered from shared's domain data, and where Athena reads it (shared/src/lake/schema.ts). */
export interface DomainDim {
  readonly table: string;
  /** The one object of the table's folder. */
  readonly key: string;
  readonly rows: (deps: DimsDeps) => readonly DimRecord[];
}

export const DOMAIN_DIMS: readonly DomainDim[] = [
  { table: "dim_calendar", key: tableObjectKey(dimPrefix("calendar"), "calendar"), rows: (d) => calendarDimRecords(d.calendar ?? new WorkingCalendar()) },
  { table: "dim_units", key: tableObjectKey(dimPrefix("units"), "units"), rows: (d) => unitDimRecords(d.catalog.units) },
];

export interface DimWrite {
  readonly table: string;
  readonly key: string;
  readonly rows: number;
  /** SHA-256 of the JSON lines (uncompressed): equal hash, equal table. */
  readonly sha256: string;
  /** false when the lake already held exactly these rows. */
  readonly written: boolean;
}

function storedText(body: Uint8Array | undefined): string | undefined {
  if (body === undefined) return undefined;
  try {
    return gunzipSync(body).toString("utf8");
  } catch {
    return undefined; // unreadable: rewrite it
  }
}


/**
 * Render `dim_calendar` and `dim_units` from shared's data (shared/src/sql/dims.ts: the rows the
 * local engine materialises) as JSON lines into the lake's `dims/<name>/` folders, where Athena
 * reads them. A table is written only when its content changed (the stored rows are compared by
 * hash), so the nightly run usually writes nothing and a deploy that changes the holiday list or
 * the unit catalog takes effect at the next run. Each table is one object: a PUT replaces it
 * atomically, so a query sees the old table or the new one.
 */
export const writeDims =
  (deps: DimsDeps) =>
  async (): Promise<DimWrite[]> => {
    const out: DimWrite[] = [];
    for (const dim of DOMAIN_DIMS) {
      const rows = dim.rows(deps);
      const text = jsonLines(rows);
      const hash = sha256Hex(text);
      const stored = storedText(await deps.lake.get(dim.key));
      const written = stored === undefined || sha256Hex(stored) !== hash;
      if (written) await deps.lake.put(dim.key, jsonLinesGz(rows), "application/gzip");
      out.push({ table: dim.table, key: dim.key, rows: rows.length, sha256: hash, written });
    }
    return out;
  };
