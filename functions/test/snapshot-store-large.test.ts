/**
 * Ranking snapshots larger than a safe DynamoDB item (issue 22 item 4): the gzipped body goes to
 * the lake (`snapshots/`) with a pointer in the item, on dynalite (which enforces DynamoDB's
 * 400 KB item limit) and the folder lake, as the local runtime and the cloud store them.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { RankingSnapshot } from "@scorecard/shared";
import dynalite from "dynalite";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbSnapshotStore, MAX_INLINE_BODY_BYTES } from "../src/adapters/dynamodb/dynamodb-snapshot-store.js";
import { ensureTable } from "../src/adapters/dynamodb/table.js";
import { FolderLake } from "../src/adapters/local/folder-lake.js";

const TABLE = "scorecard-snapshots-test";
let server: ReturnType<typeof dynalite>;
let db: DynamoDBDocumentClient;
let dir: string;
let lake: FolderLake;

beforeAll(async () => {
  server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  await ensureTable(client, TABLE);
  db = DynamoDBDocumentClient.from(client);
  dir = mkdtempSync(join(tmpdir(), "snapshot-lake-"));
  lake = new FolderLake(dir);
});
afterAll(async () => {
  db.destroy();
  await new Promise<void>((ok) => server.close(() => ok()));
  rmSync(dir, { recursive: true, force: true });
});

/** A snapshot of `units` units whose names are random hex (gzip cannot shrink them much: ~`units` × 40 bytes gzipped). */
function snapshot(period: string, units: number, computedAt = "2024-03-01T00:00:00.000Z"): RankingSnapshot {
  return {
    period,
    tier: "COMMUNE",
    methodology: "dn-2026.1",
    computedAt,
    dataAsOf: computedAt,
    status: "draft",
    version: null,
    engine: "sql",
    units: Array.from({ length: units }, (_, i) => ({ unitId: `U${i}`, nameVi: randomBytes(32).toString("hex"), rank: i + 1 })),
  } as unknown as RankingSnapshot;
}
const gzBytes = (s: RankingSnapshot) => gzipSync(JSON.stringify(s)).length;
const item = async (period: string) => (await db.send(new GetCommand({ TableName: TABLE, Key: { pk: `SNAP#dn-2026.1#${period}`, sk: "COMMUNE#DRAFT" } }))).Item;

describe("DynamoDbSnapshotStore: bodies too large for an item", () => {
  it("keeps a body of today's size in the item", async () => {
    const store = new DynamoDbSnapshotStore(db, TABLE, { lake });
    const s = snapshot("2024-01", 200);
    await store.putDraft(s);
    expect(Object.keys((await item("2024-01"))!)).toContain("bodyGz");
    expect(await lake.list("snapshots/")).toEqual([]);
    expect(await store.get("dn-2026.1", "2024-01", "COMMUNE")).toEqual(s);
  });

  it("stores a body over 400 KB gzipped in the lake with a pointer, and reads it back through the pointer", async () => {
    const store = new DynamoDbSnapshotStore(db, TABLE, { lake });
    const s = snapshot("2024-02", 12_000);
    expect(gzBytes(s)).toBeGreaterThan(400 * 1024); // no item could hold it
    await store.putDraft(s);
    const it_ = (await item("2024-02"))!;
    expect(it_["bodyKey"]).toBe("snapshots/dn-2026.1/2024-02/COMMUNE.json.gz");
    expect(it_["bodyBytes"]).toBe(gzBytes(s));
    expect(it_["bodyGz"]).toBeUndefined();
    expect(await lake.list("snapshots/")).toEqual(["snapshots/dn-2026.1/2024-02/COMMUNE.json.gz"]);
    expect(await store.get("dn-2026.1", "2024-02", "COMMUNE")).toEqual(s);
    // Another run's body replaces the object whole; the reader sees the new one.
    const again = snapshot("2024-02", 12_000, "2024-03-02T00:00:00.000Z");
    await store.putDraft(again);
    expect(await store.get("dn-2026.1", "2024-02", "COMMUNE")).toEqual(again);
    expect(await store.periods("dn-2026.1")).toEqual(["2024-01", "2024-02"]);
  });

  it("without the store's lake, such a body is what DynamoDB refuses: the item limit", async () => {
    const s = snapshot("2024-03", 12_000);
    await expect(db.send(new PutCommand({ TableName: TABLE, Item: { pk: "SNAP#dn-2026.1#2024-03", sk: "COMMUNE#DRAFT", bodyGz: gzipSync(JSON.stringify(s)) } }))).rejects.toThrow(/size/i);
    await expect(new DynamoDbSnapshotStore(db, TABLE).putDraft(s)).rejects.toThrow(/over the 307200 an item holds, and this store has no lake/);
    // A reader without the lake says so rather than returning nothing.
    await expect(new DynamoDbSnapshotStore(db, TABLE).get("dn-2026.1", "2024-02", "COMMUNE")).rejects.toThrow(/is in the lake \(snapshots\/dn-2026\.1\/2024-02\/COMMUNE\.json\.gz\)/);
  });

  it("puts a body in the lake exactly when it is larger than the limit, and always reads back what it was given", async () => {
    const max = 4096;
    const store = new DynamoDbSnapshotStore(db, TABLE, { lake, maxInlineBytes: max });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 200 }), async (units) => {
        const s = snapshot("2023-12", units);
        await store.putDraft(s);
        const stored = (await item("2023-12"))!;
        expect(stored["bodyKey"] !== undefined).toBe(gzBytes(s) > max);
        expect(stored["bodyGz"] !== undefined).toBe(gzBytes(s) <= max);
        expect(await store.get("dn-2026.1", "2023-12", "COMMUNE")).toEqual(s);
      }),
      { numRuns: 25 },
    );
    expect(MAX_INLINE_BODY_BYTES).toBe(300 * 1024);
  });
});
