/**
 * `GET /v1/admin/publish/preview` (issue 19, item 7): Home Affairs sees what publishing would record
 * — the version, the difference list with the indicators that explain each move, whether it would
 * be refused as unchanged — before publishing, and the preview writes nothing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parsePeriod } from "@scorecard/shared";
import type { PublicationPreview } from "@scorecard/shared/contracts/admin";
import type { UnitDifference } from "@scorecard/shared/admin/publication";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { scorePeriod } from "../src/use-cases/score/score-period.js";
import { CaseBuilder } from "./support/events.js";
import { httpFixture } from "./support/http-fixture.js";

const BH = "DIST-731"; // Biên Hòa
const LK = "DIST-732"; // Long Khánh
const onTime = (id: string, unit: string) => new CaseBuilder(id, unit).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-06T10:00:00").build();
const late = (id: string, unit: string) => new CaseBuilder(id, unit).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-12T10:00:00").build();

/** Every file of the lake with its size and modification time: what a dry run must leave untouched. */
function lakeFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else out[path.slice(root.length)] = `${st.size}:${st.mtimeMs}:${readFileSync(path).length}`;
    }
  };
  walk(root);
  return out;
}

describe("Publishing preview: the difference list before publishing, nothing written", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let ha: string;
  let chairman: string;
  const get = (path: string, token = ha) => fetch(`${fx.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const preview = async (period = "2024-03") => {
    const res = await get(`/v1/admin/publish/preview?period=${period}`);
    return { status: res.status, body: (await res.json()) as PublicationPreview & { code?: string } };
  };
  const publish = (period = "2024-03") => fetch(`${fx.base}/v1/admin/publish`, { method: "POST", headers: { authorization: `Bearer ${ha}`, "content-type": "application/json" }, body: JSON.stringify({ period }) });
  const rescore = async () => {
    await compactLake(fx.rt.engine, fx.rt.lake.root);
    await scorePeriod(fx.rt.score)(parsePeriod("2024-03"));
  };
  const postEvents = async (...cases: ReturnType<typeof onTime>[]) => expect((await fx.post("/v1/events", JSON.stringify({ events: cases.flat() }))).status).toBe(200);
  const auditCount = async () => ((await (await get("/v1/admin/audit?limit=100")).json()) as { entries: unknown[] }).entries.length;

  beforeAll(async () => {
    fx = await httpFixture();
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
    chairman = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "chairman")!);
  });
  afterAll(() => fx.close());

  it("before the period is scored: 409 NO_DRAFT, as publishing would answer", async () => {
    const { status, body } = await preview();
    expect([status, body.code]).toEqual([409, "NO_DRAFT"]);
  });

  it("before the first publication: version 1, nothing to compare with, and the preview writes nothing", async () => {
    // Prepare: Biên Hòa 1 on time of 2, Long Khánh 1 of 1.
    await postEvents(onTime("A", BH), late("B", BH), onTime("C", LK));
    await rescore();
    const lake = lakeFiles(fx.rt.lake.root);
    const audits = await auditCount();

    // Act
    const { status, body } = await preview();

    // Assess
    expect(status).toBe(200);
    expect(body).toMatchObject({ period: "2024-03", version: 1, previousVersion: null, changed: true, ratingsChanged: false, differences: {} });
    expect(body.tiers).toContain("DISTRICT");
    expect(lakeFiles(fx.rt.lake.root)).toEqual(lake);
    expect(await auditCount()).toBe(audits);
    const list = (await (await get("/v1/admin/publications?period=2024-03")).json()) as { versions: unknown[] };
    expect(list.versions).toEqual([]);
  });

  it("right after a publication: unchanged (changed: false), and publishing is refused with NO_CHANGES", async () => {
    expect((await publish()).status).toBe(201);

    const { status, body } = await preview();

    expect(status).toBe(200);
    expect(body).toMatchObject({ version: 2, previousVersion: 1, changed: false });
    expect(Object.values(body.differences).flat()).toEqual([]);
    const refused = await publish();
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([409, "NO_CHANGES"]);
  });

  it("after new events: the very difference list publishing then records, with the indicators that explain each move", async () => {
    // Prepare: Biên Hòa +2 on time → 3 of 4; Long Khánh +1 late → 1 of 2.
    await postEvents(onTime("D", BH), onTime("E", BH), late("F", LK));
    await rescore();

    // Act
    const { body } = await preview();
    const published = (await (await publish()).json()) as { version: number; differences: Record<string, UnitDifference[]> };

    // Assess
    expect(body).toMatchObject({ version: 2, previousVersion: 1, changed: true });
    const moved = body.differences["DISTRICT"] ?? [];
    expect(moved.map((d) => [d.unitId, d.rank, d.explainedBy])).toEqual([
      [BH, { before: 2, after: 1 }, ["P1", "S3"]],
      [LK, { before: 1, after: 2 }, ["P1", "S3"]],
    ]);
    expect(published.version).toBe(2);
    expect(published.differences).toEqual(body.differences);
  });

  it("is Home Affairs' only (the publish permission): the chairman is refused", async () => {
    expect((await get("/v1/admin/publish/preview?period=2024-03", chairman)).status).toBe(403);
    const bad = await get("/v1/admin/publish/preview?period=not-a-period");
    expect([bad.status, ((await bad.json()) as { code: string }).code]).toEqual([422, "INVALID_PARAMETER"]);
  });
});
