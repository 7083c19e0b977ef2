import { CURATED_COMPLAINTS_PREFIX, dimPrefix, tableObjectKey } from "@scorecard/shared/lake/layout";
import type { ProcedureRecord, StoredComplaint } from "@scorecard/shared";
import { mapLimit } from "../../lib/concurrency.js";
import { jsonLinesGz, parseJsonLinesGz } from "../../lib/json-lines.js";
import {
  type ComplaintRow,
  type ProcedureRow,
  complaintRow,
  complaintTable,
  mergeComplaints,
  mergeProcedures,
  procedureRow,
  procedureTable,
  procedureUnitTable,
} from "../../use-cases/compact/latest-records.js";
import { CompactionManifest, type ManifestOptions, type RawObject } from "./s3-compaction-manifest.js";
import type { S3Objects, WriteCondition } from "./s3-objects.js";

/** The objects Athena reads for these tables (their folders in shared/src/lake/schema.ts). */
export const RECORD_TABLE_KEYS = {
  complaints: tableObjectKey(CURATED_COMPLAINTS_PREFIX, "complaints"),
  procedures: tableObjectKey(dimPrefix("procedures"), "procedures"),
  procedureUnits: tableObjectKey(dimPrefix("procedure_units"), "procedure_units"),
} as const;

export interface TableResult {
  readonly fresh: number;
  readonly rows: number | null;
  readonly changed: number;
}

export interface RecordCompactionResult {
  /** fresh: raw objects merged; rows: rows of the table written (null: nothing to merge, table untouched); changed: ids whose state changed. */
  readonly complaints: TableResult;
  readonly procedures: TableResult;
}

const GZIP = "application/gzip";
const condition = (etag: string | undefined): WriteCondition => (etag === undefined ? { ifAbsent: true } : { ifMatch: etag });

/**
 * Complaints and the procedure catalog in the cloud: the fresh raw versions (manifest per source)
 * are merged into the current table (use-cases/latest-records.ts) and the table is rewritten as one
 * object, over the version read (`If-Match`): a concurrent run cannot overwrite what this one
 * merged, and a reader sees the old table or the new one. The manifest is written after the table:
 * a run that dies in between merges the same versions again, which changes nothing.
 */
export class S3RecordCompactor {
  constructor(
    private readonly objects: S3Objects,
    private readonly options: ManifestOptions & { readonly concurrency?: number },
  ) {}

  private async versions<T>(fresh: readonly RawObject[]): Promise<{ key: string; records: T[] }[]> {
    return mapLimit(fresh, this.options.concurrency ?? 16, async (o) => {
      const got = await this.objects.get(o.key);
      if (!got) throw new Error(`raw object ${o.key} was listed but cannot be read`);
      return { key: o.key, records: parseJsonLinesGz<T>(got.body, o.key) };
    });
  }

  private async table<R>(key: string): Promise<{ rows: R[]; etag: string | undefined }> {
    const got = await this.objects.get(key);
    return got ? { rows: parseJsonLinesGz<R>(got.body, key), etag: got.etag } : { rows: [], etag: undefined };
  }

  async compact(): Promise<RecordCompactionResult> {
    return { complaints: await this.complaints(), procedures: await this.procedures() };
  }

  private async complaints(): Promise<TableResult> {
    const manifest = await CompactionManifest.open(this.objects, "raw-complaints", this.options);
    const fresh = manifest.pending();
    if (fresh.length === 0) {
      await manifest.markDone([]);
      return { fresh: 0, rows: null, changed: 0 };
    }
    const current = await this.table<ComplaintRow>(RECORD_TABLE_KEYS.complaints);
    const table = new Map(current.rows.map((r) => [r.complaint_id, r]));
    const versions = (await this.versions<StoredComplaint>(fresh)).flatMap((v) => v.records.map((c) => complaintRow(c, v.key)));
    const changed = mergeComplaints(table, versions);
    await this.objects.put(RECORD_TABLE_KEYS.complaints, jsonLinesGz(complaintTable(table)), GZIP, condition(current.etag));
    await manifest.markDone(fresh);
    return { fresh: fresh.length, rows: table.size, changed: changed.size };
  }

  private async procedures(): Promise<TableResult> {
    const manifest = await CompactionManifest.open(this.objects, "raw-procedures", this.options);
    const fresh = manifest.pending();
    if (fresh.length === 0) {
      await manifest.markDone([]);
      return { fresh: 0, rows: null, changed: 0 };
    }
    const current = await this.table<ProcedureRow>(RECORD_TABLE_KEYS.procedures);
    const table = new Map(current.rows.map((r) => [r.code, r]));
    const versions = (await this.versions<ProcedureRecord>(fresh)).flatMap((v) => v.records.map((p) => procedureRow(p, v.key)));
    const changed = mergeProcedures(table, versions);
    // The procedures table is the merge state (conditional write); the unit list is derived from it,
    // so it is written after: a run that dies in between rewrites it from the same state next time.
    await this.objects.put(RECORD_TABLE_KEYS.procedures, jsonLinesGz(procedureTable(table)), GZIP, condition(current.etag));
    await this.objects.put(RECORD_TABLE_KEYS.procedureUnits, jsonLinesGz(procedureUnitTable(table)), GZIP);
    await manifest.markDone(fresh);
    return { fresh: fresh.length, rows: table.size, changed: changed.size };
  }
}
