/**
 * The demo's reason codes and improper returns (issue 20, item 6; seed/README.md, planted
 * patterns): refusals, stops and supplement requests carry published reason codes (most lawful
 * grounds, a few without a code, as from older software); the construction department's returns
 * are mostly improper, elsewhere a few percent; Home Affairs marks them once their month is over.
 */
import { caseEventSchema, validate } from "@scorecard/shared";
import { describe, expect, it } from "vitest";
import type { DossierSummary } from "../src/seed/catalog.js";
import { DemoProvince } from "../src/seed/generator.js";
import { demoImproperReturnMarks } from "../src/seed/improper-returns.js";
import { PLANTED_IMPROPER_RETURNS_ORG } from "../src/seed/profiles.js";

describe("Demo: reason codes and the planted improper returns", () => {
  const dossiers: DossierSummary[] = [];
  const events = [...new DemoProvince({ seed: 20240101, from: "2024-01-01", to: "2025-06-30", scale: 0.5 }).events((d) => dossiers.push(d))];
  const org = (unitId: string) => unitId.replace(/-\d{4,6}$/, "");

  it("every return and supplement request passes the contract; most carry a reason, a few none (UNSPECIFIED)", () => {
    const returns = events.filter((e) => e.type === "REFUSED" || e.type === "STOPPED");
    const supplements = events.filter((e) => e.type === "SUPPLEMENT_REQUESTED");
    expect(returns.length).toBeGreaterThan(300);
    for (const e of [...returns, ...supplements]) expect(validate(caseEventSchema, e).ok, e.eventId).toBe(true);
    const coded = returns.filter((e) => e.reasonCode !== undefined).length / returns.length;
    expect(coded).toBeGreaterThan(0.9);
    expect(coded).toBeLessThan(1);
    expect(supplements.every((e) => e.reasonCode !== undefined)).toBe(true);
    // Stops mostly follow documents that never came.
    const stops = returns.filter((e) => e.type === "STOPPED");
    expect(stops.filter((e) => e.reasonCode === "SUPPLEMENT_NOT_PROVIDED").length / stops.length).toBeGreaterThan(0.6);
  });

  it(`${PLANTED_IMPROPER_RETURNS_ORG}'s returns are mostly improper (> 40 %), every other unit's together a few percent (< 8 %)`, () => {
    const returnsBy = new Map<string, number>();
    for (const e of events) if (e.type === "REFUSED" || e.type === "STOPPED") returnsBy.set(org(e.unitId), (returnsBy.get(org(e.unitId)) ?? 0) + 1);
    const improper = dossiers.flatMap((d) => (d.improperReturn ? [org(d.improperReturn.unitId)] : []));
    const planted = improper.filter((o) => o === PLANTED_IMPROPER_RETURNS_ORG).length / (returnsBy.get(PLANTED_IMPROPER_RETURNS_ORG) ?? 1);
    const othersReturns = [...returnsBy].filter(([o]) => o !== PLANTED_IMPROPER_RETURNS_ORG).reduce((s, [, n]) => s + n, 0);
    const others = improper.filter((o) => o !== PLANTED_IMPROPER_RETURNS_ORG).length / othersReturns;
    expect(planted).toBeGreaterThan(0.4);
    expect(others).toBeLessThan(0.08);
    expect(others).toBeGreaterThan(0);
  });

  it("Home Affairs marks the improper returns of finished months only, with a decision dated the 10th of the next month, before today", () => {
    const now = new Date("2024-09-05T03:00:00Z");
    const marks = demoImproperReturnMarks(dossiers, now);
    expect(marks.length).toBeGreaterThan(5);
    for (const m of marks) {
      expect(m.input.basis.kind).toBe("HOME_AFFAIRS_DECISION");
      const date = (m.input.basis as { decisionDate: string }).decisionDate;
      expect(date < "2024-09-05").toBe(true);
      expect(date.endsWith("-10")).toBe(true);
    }
    // August's improper returns wait for September's decision (the 10th, after "today").
    const august = dossiers.filter((d) => d.improperReturn?.returnedAt.slice(0, 7) === "2024-08").map((d) => d.caseId);
    expect(august.length).toBeGreaterThan(0);
    expect(marks.filter((m) => august.includes(m.caseId))).toEqual([]);
  });
});
