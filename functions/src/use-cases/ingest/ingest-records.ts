import type { RecordResult, RecordsResponse } from "@scorecard/shared/contracts/ingest";
import type { Clock, NewId } from "../../ports/runtime.js";
import type { Lake } from "../../ports/lake.js";
import type { RecordStore } from "../../ports/ingest.js";
import { gzipSync } from "node:zlib";
import { rawBatchKey } from "@scorecard/shared/lake/layout";
import { type ComplaintInput, type ProcedureRecord, type StoredComplaint, complaintSchema, localDateOf, procedureSchema, validate } from "@scorecard/shared";
import { contentHash } from "../../lib/canonical.js";

/** The wire shapes of a batch's answer (shared/src/contracts/ingest.ts). */
export type { RecordResult, RecordsResponse };

export interface RecordDeps {
  readonly lake: Lake;
  readonly clock: Clock;
  readonly records: RecordStore;
  /** A new unique id (the batch's raw object name). */
  readonly newId: NewId;
  readonly isKnownUnit: (unitId: string, localDate: string) => boolean;
}

const utc = (s: string | undefined) => (s === undefined ? undefined : new Date(s).toISOString());

/**
 * A complaint past the ingestion boundary: instants in UTC, and the free-text summary dropped —
 * citizens write names, phone numbers and addresses into it (ARCHITECTURE §5: no free text kept).
 */
export function toStoredComplaint(c: ComplaintInput): StoredComplaint {
  const { summary: _dropped, ...rest } = c;
  return {
    ...rest,
    receivedAt: utc(c.receivedAt) as string,
    acceptedAt: utc(c.acceptedAt),
    refusedAt: utc(c.refusedAt),
    handledAt: utc(c.handledAt),
  };
}

type Kind = "complaints" | "procedures";

/**
 * Complaints (1022 hotline, national portal) and the procedure catalog: each post is a version of
 * a record (a complaint's later states, a procedure's amendments). A version is stored once by
 * (id, content); compaction keeps the latest state per id. Raw objects go to `raw-<kind>/`.
 */
export const ingestRecords =
  (deps: RecordDeps, kind: Kind) =>
  async (raws: readonly unknown[]): Promise<RecordsResponse> => {
    const results: RecordResult[] = [];
    const fresh: { id: string; hash: string; record: StoredComplaint | ProcedureRecord }[] = [];
    const idOf = (raw: unknown) => {
      const v = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>)[kind === "complaints" ? "complaintId" : "code"] : undefined;
      return typeof v === "string" ? v.slice(0, 128) : null;
    };
    raws.forEach((raw, index) => {
      const v = kind === "complaints" ? validate(complaintSchema, raw) : validate(procedureSchema, raw);
      if (!v.ok) {
        const first = v.errors[0];
        results[index] = { id: idOf(raw), index, status: "rejected", code: first?.code ?? "INVALID_VALUE", message: v.errors.map((e) => e.message).join("; ") };
        return;
      }
      let record: StoredComplaint | ProcedureRecord;
      let id: string;
      if (kind === "complaints") {
        const c = toStoredComplaint(v.value as ComplaintInput);
        if (!deps.isKnownUnit(c.unitId, localDateOf(c.receivedAt))) {
          results[index] = { id: c.complaintId, index, status: "rejected", code: "UNKNOWN_UNIT", message: `unitId: unit "${c.unitId}" is not in the catalog on ${localDateOf(c.receivedAt)}` };
          return;
        }
        if (Date.parse(c.receivedAt) > deps.clock.now().getTime() + 5 * 60_000) {
          results[index] = { id: c.complaintId, index, status: "rejected", code: "INVALID_TIMESTAMP", message: "receivedAt: in the future" };
          return;
        }
        record = c;
        id = c.complaintId;
      } else {
        const p = v.value as ProcedureRecord;
        const today = localDateOf(deps.clock.now());
        const unknown = (p.unitIds ?? []).find((u) => !(deps.isKnownUnit(u, p.validFrom) || deps.isKnownUnit(u, p.validTo ?? today)));
        if (unknown) {
          results[index] = { id: p.code, index, status: "rejected", code: "UNKNOWN_UNIT", message: `unitIds: unit "${unknown}" is not in the catalog` };
          return;
        }
        record = p;
        id = p.code;
      }
      results[index] = { id, index, status: "accepted" };
      fresh.push({ id, hash: contentHash(record), record });
    });

    const outcomes = await deps.records.putVersions(kind, fresh.map(({ id, hash }) => ({ id, hash })));
    const toLake: (StoredComplaint | ProcedureRecord)[] = [];
    let i = 0;
    for (const r of results) {
      if (r.status !== "accepted") continue;
      const f = fresh[i] as (typeof fresh)[number];
      if (outcomes[i] === "duplicate") (r as { status: string }).status = "duplicate";
      toLake.push(f.record); // duplicates are re-written too: a retried batch repairs a lost lake write
      i++;
    }
    if (toLake.length > 0) {
      const now = deps.clock.now();
      const batch = `${now.toISOString().replace(/[-:.]/g, "")}-${deps.newId()}`;
      await deps.lake.put(rawBatchKey(kind, now.toISOString().slice(0, 10), batch), gzipSync(toLake.map((x) => JSON.stringify(x)).join("\n") + "\n"));
    }
    const n = (s: RecordResult["status"]) => results.filter((r) => r.status === s).length;
    return { results, accepted: n("accepted"), duplicates: n("duplicate"), rejected: n("rejected") };
  };
