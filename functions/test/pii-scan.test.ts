/**
 * Issue 4, "Must show": planted personal data appears nowhere in what Scorecard writes.
 *
 * The real local server and the real CLI (import, compact) run as child processes with the most
 * verbose log level. Personal data (a 12-digit ID number, a phone number, a name, an address, an
 * e-mail) is planted in events posted through the API (JSON and NDJSON, with an Idempotency-Key so
 * the response is stored too), in events the API refuses or reports as a conflict, in a malformed
 * body, and in a bulk-import file (valid and refused lines). Then EVERYTHING written is scanned:
 *  - every DynamoDB item (a full Scan of the table, after the server has stopped),
 *  - every lake file: raw objects gunzipped, Parquet read with DuckDB and serialised, other files as text,
 *  - every other file under the data folder, as bytes (a belt over the braces above),
 *  - the import's rejects file,
 *  - stdout and stderr of the server, the import and the compaction.
 * None of the planted values may appear (also not in NFD form, or upper-cased as the hasher sees
 * them); the applicant's pseudonym, HMAC of the ID number with the local key, must appear in
 * DynamoDB, the raw lake and the curated Parquet.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { type AttributeValue, ScanCommand } from "@aws-sdk/client-dynamodb";
import { DuckDBInstance } from "@duckdb/node-api";
import type { CaseEventInput } from "@scorecard/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HmacHasher } from "../src/adapters/local/file-hasher.js";
import { LocalRuntime, TABLE_NAME } from "../src/local/runtime.js";
import { CaseBuilder } from "./support/events.js";
import { OPEN_SOURCE_SCOPES_ENV } from "./support/temp-runtime.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const TOKEN = "pii-scan-token";
const DEPT = "DEPT-STP-2020";

/** Two applicants: one arrives through the API, one through the bulk import. */
const VIA_API = {
  idNumber: "079188012345",
  phone: "0901234567",
  name: "Nguyễn Thị Mai Plantedapi",
  address: "123 Đường Plantedapi, Phường Tân Phong, Biên Hòa",
  email: "mai.plantedapi@example.vn",
} as const;
const VIA_IMPORT = {
  idNumber: "075099876543",
  phone: "+84 938 765 432",
  name: "Trần Văn Hùng Plantedimp",
  address: "45/6 Hẻm Plantedimp, Xã Long Hưng, Long Thành",
  email: "hung.plantedimp@example.com.vn",
} as const;
/** Only in events that are refused or conflict: must not come back through messages or logs either. */
const IN_REFUSED = { idNumber: "083077111222", phone: "0277999888777666555444333222111000", name: "Lê Thị Refusedname" } as const;

const planted = [...Object.values(VIA_API), ...Object.values(VIA_IMPORT), ...Object.values(IN_REFUSED)];
/** Every spelling under which a planted value could be written. */
const needles = [...new Set(planted.flatMap((v) => [v, v.normalize("NFD"), v.toUpperCase(), v.normalize("NFC").trim().toUpperCase()]))];

function found(text: string): string[] {
  return needles.filter((n) => text.includes(n));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

interface Child {
  readonly proc: ChildProcess;
  readonly out: string[];
  readonly exited: Promise<number | null>;
}
const live = new Set<ChildProcess>();
function start(script: string, args: string[], env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: REPO,
    // The most verbose logging a deployment could switch on.
    env: { ...process.env, NODE_NO_WARNINGS: "1", POWERTOOLS_LOG_LEVEL: "DEBUG", POWERTOOLS_DEV: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(proc);
  const out: string[] = [];
  proc.stdout?.on("data", (d: Buffer) => out.push(d.toString()));
  proc.stderr?.on("data", (d: Buffer) => out.push(d.toString()));
  const exited = new Promise<number | null>((ok) =>
    proc.once("exit", (code) => {
      live.delete(proc);
      ok(code);
    }),
  );
  return { proc, out, exited };
}

describe("Personal data planted at the boundary appears nowhere in DynamoDB, the lake or the logs", () => {
  let root: string;
  let dataDir: string;
  let lakeRoot: string;
  let pseudonymApi: string;
  let pseudonymImport: string;
  const logs: string[] = [];
  let rejectsText = "";
  let inputText = "";
  const dynamoItems: string[] = [];
  const lakeTexts = new Map<string, string>();
  const otherFiles = new Map<string, Buffer>();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "scorecard-pii-"));
    dataDir = join(root, "data");
    lakeRoot = join(dataDir, "lake");
    mkdirSync(join(lakeRoot, "curated"), { recursive: true }); // no demo seeding

    // ---- the API
    const server = start("functions/src/local/main.ts", [], { SCORECARD_DATA_DIR: dataDir, PORT: "0", SCORECARD_SOURCE_TOKEN: TOKEN, SCORECARD_SOURCE_SCOPES: OPEN_SOURCE_SCOPES_ENV, SCORECARD_SCHEDULE_MS: "3600000" });
    const until = Date.now() + 60_000;
    let base: string | undefined;
    while (!base) {
      base = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(server.out.join(""))?.[0]?.replace(/\/$/, "");
      if (Date.now() > until || server.proc.exitCode !== null) throw new Error(`server did not start\n${server.out.join("")}`);
      await new Promise((ok) => setTimeout(ok, 25));
    }
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${base}/v1/events`, { method: "POST", body, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers } });

    const apiCase = new CaseBuilder("PII-API-1", DEPT).received("2024-03-04T09:00:00", "2024-03-08T17:00:00", { applicant: { ...VIA_API, kind: "CITIZEN" } }).resolved("2024-03-05T10:00:00").build();
    const first = await post(JSON.stringify({ events: apiCase }), { "idempotency-key": "pii-1" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accepted: 2 });
    // Replayed by key, retried without it, and sent again as NDJSON: duplicates.
    expect((await post(JSON.stringify({ events: apiCase }), { "idempotency-key": "pii-1" })).headers.get("idempotent-replayed")).toBe("true");
    expect(await (await post(apiCase.map((e) => JSON.stringify(e)).join("\n"), { "content-type": "application/x-ndjson" })).json()).toMatchObject({ duplicates: 2 });

    // Refused and conflicting events carrying personal data: the answer names fields, never values.
    const received = apiCase[0] as CaseEventInput;
    const refused = [
      { ...received, eventId: "PII-BAD-1", applicant: { ...IN_REFUSED } }, // phone too long
      { ...received, eventId: "PII-BAD-2", applicant: { idNumber: IN_REFUSED.idNumber, fullName: IN_REFUSED.name } }, // unknown field
      { ...received, eventId: "PII-BAD-3", channel: "FAX", applicant: { idNumber: IN_REFUSED.idNumber, name: IN_REFUSED.name } },
      { ...received, occurredAt: "2024-03-04T10:00:00+07:00", applicant: { idNumber: IN_REFUSED.idNumber, name: IN_REFUSED.name } }, // conflict
    ];
    const answer = await post(JSON.stringify({ events: refused }), { "idempotency-key": "pii-2" });
    expect(answer.status).toBe(200);
    const answerText = await answer.text();
    expect(JSON.parse(answerText)).toMatchObject({ rejected: 3, conflicts: 1 });
    expect(found(answerText)).toEqual([]);
    // A malformed NDJSON body and an unauthenticated post, both full of personal data.
    const malformed = await post(`${JSON.stringify(received)}\n{"applicant": {"name": "${IN_REFUSED.name}", "phone": "${IN_REFUSED.phone}"`, { "content-type": "application/x-ndjson" });
    expect(malformed.status).toBe(400);
    expect(found(await malformed.text())).toEqual([]);
    const anon = await fetch(`${base}/v1/events`, { method: "POST", body: JSON.stringify({ events: refused }), headers: { "content-type": "application/json" } });
    expect(anon.status).toBe(401);
    await anon.body?.cancel();

    // Stop gracefully, so that everything the server would log on the way out is captured too.
    server.proc.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    logs.push(server.out.join(""));

    // ---- the bulk import (its own lines: a valid case and two refused lines)
    const importCase = new CaseBuilder("PII-IMP-1", DEPT).received("2024-04-01T09:00:00", "2024-04-05T17:00:00", { applicant: { ...VIA_IMPORT, kind: "BUSINESS" } }).resolved("2024-04-02T10:00:00").build();
    const importLines = [
      ...importCase.map((e) => JSON.stringify(e)),
      JSON.stringify({ ...importCase[0], eventId: "PII-IMP-BAD-1", applicant: { ...VIA_IMPORT, dob: "1980-01-01" } }),
      `{"eventId": "PII-IMP-BAD-2", "applicant": {"name": "${VIA_IMPORT.name}", "address": "${VIA_IMPORT.address}"`,
    ];
    const input = join(root, "history.ndjson");
    writeFileSync(input, `${importLines.join("\n")}\n`);
    inputText = readFileSync(input, "utf8");
    const imp = start("functions/src/local/cli.ts", ["import", input], { SCORECARD_DATA_DIR: dataDir });
    expect(await imp.exited, imp.out.join("")).toBe(0);
    logs.push(imp.out.join(""));
    expect(imp.out.join("")).toContain("2 accepted, 2 rejected");
    rejectsText = readFileSync(join(root, "history.rejects.ndjson"), "utf8");
    expect(rejectsText.trim().split("\n")).toHaveLength(2);

    // ---- compaction to Parquet
    const compact = start("functions/src/local/cli.ts", ["compact"], { SCORECARD_DATA_DIR: dataDir });
    expect(await compact.exited, compact.out.join("")).toBe(0);
    logs.push(compact.out.join(""));

    // ---- collect everything written
    const hasher = HmacHasher.fromFile(join(dataDir, "keys", "pseudonym.key"));
    pseudonymApi = hasher.pseudonym(VIA_API.idNumber);
    pseudonymImport = hasher.pseudonym(VIA_IMPORT.idNumber);

    const rt = await LocalRuntime.start({ dataDir });
    try {
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await rt.dynamoClient.send(new ScanCommand({ TableName: TABLE_NAME, ExclusiveStartKey: startKey }));
        for (const item of page.Items ?? []) dynamoItems.push(JSON.stringify(item));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    } finally {
      await rt.stop();
    }

    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    try {
      for (const f of filesUnder(lakeRoot)) {
        if (f.endsWith(".gz")) lakeTexts.set(f, gunzipSync(readFileSync(f)).toString("utf8"));
        else if (f.endsWith(".parquet")) {
          const r = await con.runAndReadAll(`SELECT * FROM read_parquet('${f.replace(/'/g, "''")}')`);
          lakeTexts.set(f, JSON.stringify(r.getRowObjectsJson()));
        } else lakeTexts.set(f, readFileSync(f, "utf8"));
      }
    } finally {
      con.closeSync();
      db.closeSync();
    }
    for (const f of filesUnder(dataDir)) otherFiles.set(f, readFileSync(f));
  }, 180_000);

  afterAll(() => {
    for (const p of [...live]) p.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  it("scanned a non-trivial amount of output (the scan is not vacuous)", () => {
    expect(dynamoItems.length).toBeGreaterThanOrEqual(7); // 2 event guards, 2 case copies, 1 case state, 2 idempotency keys
    expect(dynamoItems.some((i) => i.includes("IDEM#"))).toBe(true);
    expect([...lakeTexts.keys()].filter((f) => f.includes("/raw/")).length).toBeGreaterThanOrEqual(3); // 3 API batches + 1 import chunk
    expect([...lakeTexts.keys()].some((f) => f.endsWith(".parquet"))).toBe(true);
    expect(logs.join("").length).toBeGreaterThan(200);
    expect(rejectsText).toContain("UNKNOWN_FIELD");
    // The needle matcher itself finds every planted import value in the import's input file.
    for (const v of Object.values(VIA_IMPORT)) expect(found(inputText)).toContain(v);
  });

  it("finds no planted value in any DynamoDB item", () => {
    const hits = dynamoItems.flatMap((item) => found(item).map((n) => `${n} in ${item.slice(0, 120)}`));
    expect(hits).toEqual([]);
  });

  it("finds no planted value in any lake file (raw gunzipped, Parquet serialised)", () => {
    const hits = [...lakeTexts].flatMap(([f, text]) => found(text).map((n) => `${n} in ${f}`));
    expect(hits).toEqual([]);
  });

  it("finds no planted value in the bytes of any file under the data folder", () => {
    const hits = [...otherFiles].flatMap(([f, bytes]) => found(`${bytes.toString("utf8")}\n${bytes.toString("latin1")}`).map((n) => `${n} in ${f}`));
    expect(hits).toEqual([]);
  });

  it("finds no planted value in the logs of the server, the import and the compaction, nor in the rejects file", () => {
    expect(found(logs.join("\n"))).toEqual([]);
    expect(found(rejectsText)).toEqual([]);
  });

  it("keeps the pseudonym: in DynamoDB, the raw lake and the curated Parquet", () => {
    expect(pseudonymApi).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // The event guard holds the event once (ADR 0018 amendment: no case copy; the case lists its eventIds).
    expect(dynamoItems.filter((i) => i.includes(pseudonymApi)).length).toBeGreaterThanOrEqual(1);
    const raw = [...lakeTexts].filter(([f]) => f.includes("/raw/")).map(([, t]) => t).join("\n");
    expect(raw).toContain(pseudonymApi);
    expect(raw).toContain(pseudonymImport);
    const parquet = [...lakeTexts].filter(([f]) => f.endsWith(".parquet")).map(([, t]) => t).join("\n");
    expect(parquet).toContain(pseudonymApi);
    expect(parquet).toContain(pseudonymImport);
  });
});
