import type { Lake } from "../src/ports/lake.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, DeleteObjectsCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Lake } from "../src/adapters/aws/s3-lake.js";
import { FolderLake } from "../src/adapters/local/folder-lake.js";
import { FakeS3 } from "./support/fake-s3.js";

/** The same promises, every method of the port (removePrefix too: required), checked on every Lake adapter: the folder (local) and S3 (on s3rver). */
function lakeContract(name: string, make: () => Promise<{ lake: Lake; dispose: () => Promise<void> }>) {
  describe(`Lake contract: ${name}`, () => {
    let lake: Lake;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ lake, dispose } = await make());
    });
    afterAll(() => dispose());

    it("returns what was put, byte for byte", async () => {
      const bytes = new Uint8Array([0, 1, 2, 250, 255]);
      await lake.put("raw/ingest_date=2024-03-01/a.ndjson.gz", bytes);
      expect(Array.from((await lake.get("raw/ingest_date=2024-03-01/a.ndjson.gz")) ?? [])).toEqual([0, 1, 2, 250, 255]);
    });

    it("answers undefined for a missing key", async () => {
      expect(await lake.get("raw/none.json")).toBeUndefined();
    });

    it("replaces an object on a second put (compaction's atomic swap relies on it)", async () => {
      await lake.put("public/dn-2026.1/2024-H1/DEPARTMENT.json", "{\"v\":1}");
      await lake.put("public/dn-2026.1/2024-H1/DEPARTMENT.json", "{\"v\":2}");
      expect(new TextDecoder().decode(await lake.get("public/dn-2026.1/2024-H1/DEPARTMENT.json"))).toBe("{\"v\":2}");
    });

    it("takes concurrent puts of one key: each succeeds, one of them is what stays (two publishers rewriting the working ratings)", async () => {
      const key = "ratings/m/2024-03/heads.json";
      const bodies = Array.from({ length: 8 }, (_, i) => `{"v":${i}}`);
      await Promise.all(bodies.map((b) => lake.put(key, b)));
      expect(bodies).toContain(new TextDecoder().decode(await lake.get(key)));
      expect((await lake.list("ratings/m/2024-03/")).filter((k) => k !== key)).toEqual([]);
    });

    it("lists keys under a prefix, sorted, across more than one page", async () => {
      for (let i = 0; i < 12; i++) await lake.put(`drilldown/m/2024-03/U${String(i).padStart(2, "0")}.json`, "[]");
      const keys = await lake.list("drilldown/m/2024-03/");
      expect(keys).toHaveLength(12);
      expect(keys[0]).toBe("drilldown/m/2024-03/U00.json");
      expect([...keys].sort()).toEqual(keys);
      expect(await lake.list("drilldown/m/2024-04/")).toEqual([]);
    });

    it("removes every object under a folder prefix, at any depth, and nothing beside it", async () => {
      const keep = ["drilldown/m/2024-05/r2/unit_id=A/part_0.json", "drilldown/m/2024-05/r10/unit_id=A/part_0.json", "drilldown/m/2024-05/current.json"];
      const gone = [...Array.from({ length: 7 }, (_, i) => `drilldown/m/2024-05/r1/unit_id=U${i}/part_0.json`), "drilldown/m/2024-05/r1/x.csv"];
      for (const k of [...keep, ...gone]) await lake.put(k, "x");
      await lake.removePrefix("drilldown/m/2024-05/r1/");
      expect(await lake.list("drilldown/m/2024-05/")).toEqual([...keep].sort());
      for (const k of gone) expect(await lake.get(k)).toBeUndefined();
    });

    it("removing an absent prefix is a no-op; a prefix that is not a folder is refused", async () => {
      await lake.put("staging/t1/a", "x");
      await expect(lake.removePrefix("staging/none/")).resolves.toBeUndefined();
      await expect(lake.removePrefix("staging/t")).rejects.toThrow(/ending in "\/"/);
      expect(await lake.list("staging/")).toEqual(["staging/t1/a"]);
    });
  });
}

lakeContract("FolderLake", async () => {
  const dir = mkdtempSync(join(tmpdir(), "lake-"));
  return { lake: new FolderLake(dir), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
});

lakeContract("S3Lake on s3rver", async () => {
  const dir = mkdtempSync(join(tmpdir(), "s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir });
  const { port } = await server.run();
  const s3 = new S3Client({ endpoint: `http://127.0.0.1:${port}`, region: "ap-southeast-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  await s3.send(new CreateBucketCommand({ Bucket: "lake" }));
  // A small page size makes ListObjectsV2 paginate (needs --openssl-legacy-provider on Node 20, see stack.md §6).
  const lake = new S3Lake(s3, "lake", { pageSize: 5 });
  return {
    lake,
    dispose: async () => {
      s3.destroy();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe("S3Lake.removePrefix: what only S3 does", () => {
  // Only this client is mocked (the s3rver contract above keeps its real client).
  const client = new S3Client({ region: "ap-southeast-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
  const s3 = new FakeS3("lake", 1000, client);
  afterAll(() => s3.mock.restore());

  it("deletes in batches of at most 1,000 keys, after listing the whole prefix", async () => {
    s3.reset();
    for (let i = 0; i < 2_345; i++) s3.put(`staging/sc_t/${String(i).padStart(5, "0")}`, "x");
    s3.put("staging/sc_t2/keep", "x");
    await new S3Lake(client, "lake").removePrefix("staging/sc_t/");
    const calls = s3.mock.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input.Delete?.Objects?.length);
    expect(calls).toEqual([1000, 1000, 345]);
    expect([...s3.objects.keys()]).toEqual(["staging/sc_t2/keep"]);
    // Listing finished before the first delete.
    const log = s3.log.filter((l) => !l.startsWith("PutObject"));
    expect(log.findIndex((l) => l.startsWith("DeleteObjects"))).toBeGreaterThan(log.findLastIndex((l) => l.startsWith("ListObjectsV2")));
  });

  it("fails when S3 reports keys it did not delete (a 200 answer with Errors)", async () => {
    s3.reset();
    for (const k of ["drilldown/m/p/r/a", "drilldown/m/p/r/b"]) s3.put(k, "x");
    s3.refuseDelete((k) => k.endsWith("/b"));
    await expect(new S3Lake(client, "lake").removePrefix("drilldown/m/p/r/")).rejects.toThrow(/could not delete 1 object\(s\) under drilldown\/m\/p\/r\/: drilldown\/m\/p\/r\/b AccessDenied/);
    expect([...s3.objects.keys()]).toEqual(["drilldown/m/p/r/b"]);
  });
});
