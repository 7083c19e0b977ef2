import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Lake } from "../src/adapters/aws/s3-lake.js";
import { FolderLake } from "../src/adapters/local/folder-lake.js";
import type { Lake } from "../src/ports/index.js";

/** The same promises, checked on every Lake adapter: the folder (local) and S3 (on s3rver). */
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

    it("lists keys under a prefix, sorted, across more than one page", async () => {
      for (let i = 0; i < 12; i++) await lake.put(`drilldown/m/2024-03/U${String(i).padStart(2, "0")}.json`, "[]");
      const keys = await lake.list("drilldown/m/2024-03/");
      expect(keys).toHaveLength(12);
      expect(keys[0]).toBe("drilldown/m/2024-03/U00.json");
      expect([...keys].sort()).toEqual(keys);
      expect(await lake.list("drilldown/m/2024-04/")).toEqual([]);
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
