/**
 * Issue 21, item 4: each source system posts only what its scope allows — the record kinds (403 and
 * a stable code before the body is read), the units and how far back its events are dated (each
 * event rejected with a code naming the field). Through the real local server and the demo's scopes.
 */
import type { Server } from "node:http";
import { join } from "node:path";
import { parseSourceScopes, type SourceScopes } from "@scorecard/shared/contracts/source-scope";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SOURCE_SCOPES } from "../src/local/runtime.js";
import { createLocalServer, listen } from "../src/local/server.js";
import { CaseBuilder } from "./support/events.js";
import { tempRuntime } from "./support/temp-runtime.js";

/** Local wall time (+07:00) `days` before now, as the CaseBuilder takes it. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 19);

async function serve(sourceScopes: SourceScopes) {
  const env = await tempRuntime({ sourceScopes });
  const server: Server = createLocalServer(env.rt, { dashboardDir: join(env.dataDir, "no-dashboard") });
  const base = `http://127.0.0.1:${await listen(server, 0)}`;
  const post = (source: string, path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${env.rt.sourceTokens[source]}`, "content-type": "application/json" } });
  return { env, post, close: async () => (await new Promise((ok) => server.close(ok)), await env.dispose()) };
}

describe("Source scopes (the demo's: one-stop posts events and the catalog, the portal events, the hotline complaints; 45 days back)", () => {
  let fx: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    fx = await serve(DEMO_SOURCE_SCOPES);
  });
  afterAll(() => fx.close());

  it("refuses a record kind outside the source's scope with 403 SOURCE_SCOPE_KIND, whatever the body", async () => {
    const events = new CaseBuilder("SC-K", "DEPT-STP-202507").received(daysAgo(2), daysAgo(-5)).build();
    const hotline = await fx.post("hotline-1022", "/v1/events", { events });
    expect(hotline.status).toBe(403);
    expect(await hotline.json()).toMatchObject({ code: "SOURCE_SCOPE_KIND" });
    const portal = await fx.post("national-portal", "/v1/complaints", { complaints: [] });
    expect(portal.status).toBe(403);
    expect(await portal.json()).toMatchObject({ code: "SOURCE_SCOPE_KIND" });
    const catalog = await fx.post("hotline-1022", "/v1/catalog", { procedures: [] });
    expect(catalog.status).toBe(403);
  });

  it("accepts events dated within 45 days and rejects older ones one by one with SOURCE_SCOPE_AGE", async () => {
    const recent = new CaseBuilder("SC-A1", "DEPT-STP-202507").received(daysAgo(44), daysAgo(30)).build();
    const old = new CaseBuilder("SC-A2", "DEPT-STP-202507").received(daysAgo(46), daysAgo(30)).build();
    const res = await fx.post("national-portal", "/v1/events", { events: [...recent, ...old] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; rejected: number; results: { status: string; code?: string; message?: string }[] };
    expect({ accepted: body.accepted, rejected: body.rejected }, JSON.stringify(body.results)).toEqual({ accepted: 1, rejected: 1 });
    expect(body.results[1]).toMatchObject({ status: "rejected", code: "SOURCE_SCOPE_AGE" });
    expect(body.results[1]?.message).toMatch(/^occurredAt: .* more than 45 days old/);
  });
});

describe("Source scopes: units, and a source without a scope", () => {
  let fx: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    // A one-stop system serving one commune only (its units listed by id prefix).
    fx = await serve({ "one-stop": { kinds: ["events"], units: ["COM-25195"], maxAgeDays: 45 } });
  });
  afterAll(() => fx.close());

  it("rejects an event of a unit outside the allow-list with SOURCE_SCOPE_UNIT, naming the unit", async () => {
    const mine = new CaseBuilder("SC-U1", "COM-25195-2025").received(daysAgo(2), daysAgo(-5)).build();
    const other = new CaseBuilder("SC-U2", "DEPT-STP-202507").received(daysAgo(2), daysAgo(-5)).build();
    const body = (await (await fx.post("one-stop", "/v1/events", { events: [...mine, ...other] })).json()) as { accepted: number; results: { status: string; code?: string; message?: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.results[1]).toMatchObject({ status: "rejected", code: "SOURCE_SCOPE_UNIT" });
    expect(body.results[1]?.message).toContain('"DEPT-STP-202507"');
  });

  it("refuses every post of a source with no scope configured (403 SOURCE_NOT_CONFIGURED)", async () => {
    const res = await fx.post("national-portal", "/v1/events", { events: new CaseBuilder("SC-N", "COM-25195-2025").received(daysAgo(2), daysAgo(-5)).build() });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "SOURCE_NOT_CONFIGURED" });
  });

  it("reads scopes from configuration with errors naming the setting and the field", () => {
    expect(parseSourceScopes('{"a":{"kinds":["events"],"units":["*"],"maxAgeDays":45}}', "X")).toEqual({ a: { kinds: ["events"], units: ["*"], maxAgeDays: 45 } });
    expect(() => parseSourceScopes("{", "SOURCE_SCOPES")).toThrow(/^SOURCE_SCOPES: not JSON/);
    expect(() => parseSourceScopes('{"a":{"kinds":["cases"],"units":["*"],"maxAgeDays":45}}', "SOURCE_SCOPES")).toThrow(/^SOURCE_SCOPES: .*kinds/);
    expect(() => parseSourceScopes('{"a":{"kinds":["events"],"units":["*"],"maxAgeDays":0}}', "SOURCE_SCOPES")).toThrow(/maxAgeDays/);
  });
});
