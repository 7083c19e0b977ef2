import { describe, expect, it } from "vitest";
import { TYPED_EVENT_TYPES, caseBaseFragments } from "../src/sql/case-facts.sql.js";

describe("stage A reads the events twice at most (Athena bills every scan)", () => {
  const fragments = caseBaseFragments("EVENTS_ALL", "EVENTS_TYPED");
  it("only agg reads every event; the other fragments read the typed events", () => {
    expect(fragments.filter((f) => f.sql.includes("EVENTS_ALL")).map((f) => f.name)).toEqual(["agg"]);
    expect(fragments.filter((f) => f.sql.includes("EVENTS_TYPED")).length).toBeGreaterThan(5);
  });
  it("every event type a fragment other than agg filters on is in TYPED_EVENT_TYPES", () => {
    const used = new Set<string>();
    for (const f of fragments.filter((x) => x.name !== "agg")) for (const m of f.sql.matchAll(/type\s*(?:=|IN\s*\()\s*'([A-Z_]+)'(?:\s*,\s*'([A-Z_]+)')*/g)) for (const t of m.slice(1)) if (t) used.add(t);
    expect(used.size).toBeGreaterThanOrEqual(7);
    expect([...used].filter((t) => !(TYPED_EVENT_TYPES as readonly string[]).includes(t))).toEqual([]);
  });
});
