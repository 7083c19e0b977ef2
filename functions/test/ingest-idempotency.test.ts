import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseBuilder } from "./support/events.js";
import { httpFixture } from "./support/http-fixture.js";

const batch = (caseId: string) => JSON.stringify({ events: new CaseBuilder(caseId, "DEPT-STP-2020").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").resolved("2024-03-05T09:00:00").build() });

describe("Ingestion: Idempotency-Key (reliability §b rows 17–21)", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  beforeAll(async () => {
    fx = await httpFixture();
  });
  afterAll(() => fx.close());

  it("row 17: the same key and body replays the stored response, and one copy is stored", async () => {
    const first = await fx.post("/v1/events", batch("IK-1"), { "idempotency-key": "k-17" });
    const firstBody = await first.text();
    const again = await fx.post("/v1/events", batch("IK-1"), { "idempotency-key": "k-17" });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(firstBody);
    expect(JSON.parse(firstBody)).toMatchObject({ accepted: 2 });
    expect((await fx.rt.lake.list("raw/")).length).toBe(1);
  });

  it("row 18: the same key with another body is refused with 422", async () => {
    const res = await fx.post("/v1/events", batch("IK-2"), { "idempotency-key": "k-17" });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("row 19: two identical requests in flight: one is processed, the other answered 409 or a replay", async () => {
    const [a, b] = await Promise.all([
      fx.post("/v1/events", batch("IK-3"), { "idempotency-key": "k-19" }),
      fx.post("/v1/events", batch("IK-3"), { "idempotency-key": "k-19" }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([200, 409]).toContain(statuses[1]);
    const bodies = await Promise.all([a.json(), b.json()]);
    const accepted = bodies.reduce((n, x) => n + ((x as { accepted?: number }).accepted ?? 0), 0);
    expect(accepted).toBe(2); // processed once: a replay repeats the same answer, a 409 carries none
    if (statuses[1] === 409) expect(bodies.some((x) => (x as { code?: string }).code === "IDEMPOTENCY_KEY_IN_FLIGHT")).toBe(true);
  });

  it("rows 20–21: without a key the request runs; the same eventIds later come back as duplicates", async () => {
    const res = await fx.post("/v1/events", batch("IK-1"));
    expect(await res.json()).toMatchObject({ accepted: 0, duplicates: 2 });
  });
});
