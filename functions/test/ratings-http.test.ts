/**
 * Head ratings over HTTP, against the live local server: Home Affairs enters a head's general
 * criteria and concludes a finding; the period is re-rated at once and the unit's officer sees it.
 */
import { scoreAndRate } from "../src/use-cases/jobs/score-run.js";
import { parsePeriod } from "@scorecard/shared";
import type { HeadRatings } from "@scorecard/shared/contracts/read-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { seedHeads } from "../src/use-cases/admin/heads.js";
import { ratedPeriods } from "../src/use-cases/ratings/ratings.js";
import { CaseBuilder } from "./support/events.js";
import { httpFixture } from "./support/http-fixture.js";

const OWN = "DIST-731"; // the demo officer "officer-bien-hoa" belongs here
const HEAD = `HEAD-${OWN}-1`;

describe("Head ratings over HTTP: general criteria and findings re-rate the period", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let ha: string;
  let officer: string;
  const call = (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${fx.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const own = async () => ((await (await call("GET", `/v1/units/${OWN}/head-ratings?period=2024-H1`, officer)).json()) as HeadRatings).heads[0];

  beforeAll(async () => {
    fx = await httpFixture();
    // Two dossiers in March 2024, both resolved early (due 08/03, resolved 06/03).
    const events = [1, 2].flatMap((i) => new CaseBuilder(`HTTP-${i}`, OWN).received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-06T10:00:00").build());
    await fx.post("/v1/events", JSON.stringify({ events }));
    await compactLake(fx.rt.engine, fx.rt.lake.root);
    await seedHeads(fx.rt.admin)([{ headId: HEAD, unitId: OWN, name: "Trần Văn An (demo)", title: "Chủ tịch UBND", tenureFrom: "2020-01-01", tenureTo: null, demo: true }]);
    await scoreAndRate(fx.rt.score, fx.rt.admin)(parsePeriod("2024-H1"));
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
    officer = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "officer-bien-hoa")!);
  });
  afterAll(() => fx.close());

  it("pending until Home Affairs enters the general criteria, then rated at once", async () => {
    const before = await own();
    expect(before).toMatchObject({ headId: HEAD, status: "PENDING", pending: "GENERAL_MISSING", tenure: { cases: 2 }, general: null, total: null });
    const put = await call("PUT", `/v1/admin/units/${OWN}/heads/${HEAD}/general/2024-H1`, ha, { points: 26.5, evidence: "Biên bản 12/BB-SNV" }, { "if-match": '"0"' });
    expect([put.status, put.headers.get("etag")]).toEqual([200, '"1"']);
    const after = await own();
    expect(after).toMatchObject({ status: "RATED", pending: null, general: 26.5 });
    expect(after?.total).toBe(Math.round(((after?.results as number) + 26.5) * 1e4) / 1e4);
    // Out of range, or a stale version: refused, nothing changes.
    expect((await call("PUT", `/v1/admin/units/${OWN}/heads/${HEAD}/general/2024-H1`, ha, { points: 31, evidence: "x", version: 1 })).status).toBe(422);
    expect((await call("PUT", `/v1/admin/units/${OWN}/heads/${HEAD}/general/2024-H1`, ha, { points: 20, evidence: "x", version: 0 })).status).toBe(409);
    expect((await call("PUT", `/v1/admin/units/${OWN}/heads/HEAD-${OWN}-9/general/2024-H1`, ha, { points: 20, evidence: "x", version: 0 })).status).toBe(404);
  });

  it("a finding against the head deducts from the results once it is concluded, not before", async () => {
    const base = (await own())?.results as number;
    const created = await call("POST", "/v1/admin/findings", ha, { findingId: "F-HTTP", unitId: OWN, headId: HEAD, period: "2024-H1", deduction: 2, evidence: "KL 9/KL-SNV" });
    expect(created.status).toBe(201);
    expect((await own())?.results).toBe(base);
    expect((await call("POST", "/v1/admin/findings/F-HTTP/conclude", ha, { noticeNumber: "9/TB-SNV", noticeDate: "2024-07-15", version: 1 })).status).toBe(200);
    expect(await own()).toMatchObject({ deductions: { findings: 2 }, results: Math.round((base - 2) * 1e4) / 1e4 });
  });

  it("the explicit recompute: 200 for a scored period, 409 for one never scored", async () => {
    expect((await call("POST", "/v1/admin/ratings", ha, { period: "2024-H1" })).status).toBe(200);
    expect((await call("POST", "/v1/admin/ratings", ha, { period: "2023-H1" })).status).toBe(409);
  });

  it("publishing freezes the period's head ratings and reform index; a finding concluded afterwards moves the working values only", async () => {
    type Served = HeadRatings & { publication: { version: number | null; publishedAt: string | null; draftDiffers: boolean } };
    const read = async (query = "") => (await call("GET", `/v1/units/${OWN}/head-ratings?period=2024-H1${query}`, officer)).json() as Promise<Served>;
    const before = await read();
    expect(before).toMatchObject({ status: "draft", version: null, publication: { version: null, publishedAt: null, draftDiffers: false } });
    expect((await call("GET", `/v1/units/${OWN}/head-ratings?period=2024-H1&version=1`, officer)).status).toBe(404);

    expect((await call("POST", "/v1/admin/publish", ha, { period: "2024-H1" })).status).toBe(201);
    const v1 = await read("&version=1");
    expect(v1).toMatchObject({ status: "published", version: 1, publication: { version: 1, draftDiffers: false } });
    expect(v1.heads).toEqual(before.heads);
    expect(await read()).toMatchObject({ status: "draft", version: null, publication: { version: 1, draftDiffers: false } });
    const reform = (await (await call("GET", `/v1/units/${OWN}/reform-index?period=2024-H1&version=1`, officer)).json()) as { status: string; version: number; units: { unitId: string }[] };
    expect(reform).toMatchObject({ status: "published", version: 1 });
    expect(reform.units.map((u) => u.unitId)).toEqual([OWN]);

    // A second finding against the head, concluded after V1: 1 point off the working results, V1 unchanged.
    expect((await call("POST", "/v1/admin/findings", ha, { findingId: "F-HTTP-2", unitId: OWN, headId: HEAD, period: "2024-H1", deduction: 1, evidence: "KL 10/KL-SNV" })).status).toBe(201);
    expect((await call("POST", "/v1/admin/findings/F-HTTP-2/conclude", ha, { noticeNumber: "10/TB-SNV", noticeDate: "2024-08-01", version: 1 })).status).toBe(200);
    const working = await read();
    expect(working.heads[0]?.results).toBe(Math.round(((before.heads[0]?.results as number) - 1) * 1e4) / 1e4);
    expect(working.publication).toMatchObject({ version: 1, draftDiffers: true });
    const again = await read("&version=1");
    expect(JSON.stringify(again.heads)).toBe(JSON.stringify(v1.heads));
    expect(again.computedAt).toBe(v1.computedAt);

    // Only published versions that froze ratings; the parameter is checked.
    expect((await call("GET", `/v1/units/${OWN}/head-ratings?period=2024-H1&version=2`, officer)).status).toBe(404);

    // The ranking did not move, the ratings did: Home Affairs may publish V2, which freezes them; then nothing is left to publish.
    const v2 = await call("POST", "/v1/admin/publish", ha, { period: "2024-H1" });
    expect([v2.status, ((await v2.json()) as { version: number }).version]).toEqual([201, 2]);
    expect(await read("&version=2")).toMatchObject({ status: "published", version: 2, heads: working.heads, publication: { version: 2, draftDiffers: false } });
    expect(JSON.stringify((await read("&version=1")).heads)).toBe(JSON.stringify(v1.heads));
    const none = await call("POST", "/v1/admin/publish", ha, { period: "2024-H1" });
    expect([none.status, ((await none.json()) as { code: string }).code]).toEqual([409, "NO_CHANGES"]);
    const bad = await call("GET", `/v1/head-ratings?period=2024-H1&version=first`, ha);
    expect([bad.status, ((await bad.json()) as { detail: string }).detail]).toEqual([422, 'Query parameter "version": a published version number such as 1.']);
    // The frozen copies sit under the publication, not beside the periods' working ratings.
    expect([...(await ratedPeriods(fx.rt.read))]).toEqual(["2024-H1"]);
  });
});
