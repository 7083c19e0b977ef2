import { describe, expect, it } from "vitest";
import { caseEventSchema } from "../src/contracts/case-event.js";
import { validate } from "../src/contracts/validation.js";
import { REASONS, REASON_CODES, UNSPECIFIED_REASON, reasonOf } from "../src/contracts/reason-codes.js";

const received = {
  eventId: "evt-1",
  caseId: "H19.24-0001",
  type: "RECEIVED",
  occurredAt: "2024-03-04T09:00:00+07:00",
  unitId: "DEPT-STP-2020",
  procedureCode: "1.001234",
  field: "JUSTICE",
  channel: "ONLINE_FULL",
  dueAt: "2024-03-08T17:00:00+07:00",
};

describe("Contract: case event (facts rely on these rules)", () => {
  it("accepts a RECEIVED event carrying due date, channel, procedure and field", () => {
    expect(validate(caseEventSchema, received).ok).toBe(true);
  });

  it("requires the due date and channel on RECEIVED, a target and step due on TRANSFERRED / CONSULT_REQUESTED", () => {
    const { dueAt: _d, channel: _c, ...bare } = received;
    const r = validate(caseEventSchema, bare);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.field])).toEqual(expect.arrayContaining([["MISSING_FIELD", "dueAt"], ["MISSING_FIELD", "channel"]]));
    const t = validate(caseEventSchema, { ...received, type: "CONSULT_REQUESTED" });
    expect(t.ok ? [] : t.errors.map((e) => e.field)).toContain("targetUnitId");
    const d = validate(caseEventSchema, { eventId: "e2", caseId: "c", type: "DUE_DATE_SET", occurredAt: received.occurredAt, unitId: "U" });
    expect(d.ok ? [] : d.errors.map((e) => e.field)).toEqual(["dueAt"]);
  });

  it("allows a rating only on RATED and requires it there", () => {
    const misplaced = validate(caseEventSchema, { ...received, rating: { satisfied: true } });
    expect(misplaced.ok ? [] : misplaced.errors.map((e) => [e.code, e.field])).toContainEqual(["RULE_VIOLATED", "rating"]);
    const missing = validate(caseEventSchema, { eventId: "e3", caseId: "c", type: "RATED", occurredAt: received.occurredAt, unitId: "U" });
    expect(missing.ok ? [] : missing.errors.map((e) => e.field)).toEqual(["rating"]);
  });

  it("rejects impossible dates, over-long ids, out-of-range scores and wrong types", () => {
    const r = validate(caseEventSchema, {
      ...received,
      occurredAt: "2025-02-30T09:00:00+07:00",
      caseId: "x".repeat(65),
      eventId: "",
      type: "RATED",
      rating: { satisfied: "yes", progress: 9, quality: 0 },
    });
    expect(r.ok).toBe(false);
    const codes = r.ok ? [] : r.errors.map((e) => [e.code, e.field]);
    expect(codes).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^INVALID_/), "occurredAt"],
        ["TOO_LONG", "caseId"],
        ["TOO_SHORT", "eventId"],
        ["INVALID_TYPE", "rating.satisfied"],
        ["OUT_OF_RANGE", "rating.progress"],
        ["OUT_OF_RANGE", "rating.quality"],
      ]),
    );
  });

  describe("reasonCode (issue 20 item 6, docs/adr/0015-improper-returns.md)", () => {
    const refused = { eventId: "e-r", caseId: "c", type: "REFUSED", occurredAt: received.occurredAt, unitId: "U" };
    const errors = (input: unknown) => {
      const r = validate(caseEventSchema, input);
      return r.ok ? [] : r.errors.map((e) => [e.code, e.field, e.message]);
    };

    it("accepts a published code on REFUSED, STOPPED and SUPPLEMENT_REQUESTED, and no code at all (older sources)", () => {
      expect(errors({ ...refused, reasonCode: "OUTSIDE_REMIT" })).toEqual([]);
      expect(errors({ ...refused, type: "STOPPED", reasonCode: "SUPPLEMENT_NOT_PROVIDED" })).toEqual([]);
      expect(errors({ ...refused, type: "SUPPLEMENT_REQUESTED", reasonCode: "MISSING_DOCUMENT" })).toEqual([]);
      expect(errors(refused)).toEqual([]);
    });

    it("rejects a code not on the list, naming the field and the accepted codes", () => {
      const e = errors({ ...refused, reasonCode: "BECAUSE" });
      expect(e.map(([code, field]) => [code, field])).toEqual([["INVALID_VALUE", "reasonCode"]]);
      expect(e[0]?.[2]).toContain("reasonCode");
      expect(e[0]?.[2]).toContain("MISSING_DOCUMENT");
      expect(errors({ ...refused, reasonCode: "missing_document" }).map(([c, f]) => [c, f])).toEqual([["INVALID_VALUE", "reasonCode"]]);
    });

    it("never takes UNSPECIFIED from a source: it is what the absence of a code reads as", () => {
      expect(errors({ ...refused, reasonCode: UNSPECIFIED_REASON }).map(([c, f]) => [c, f])).toEqual([["INVALID_VALUE", "reasonCode"]]);
      expect(reasonOf({ type: "REFUSED" })).toBe(UNSPECIFIED_REASON);
      expect(reasonOf({ type: "STOPPED", reasonCode: "APPLICANT_REQUEST" })).toBe("APPLICANT_REQUEST");
      expect(reasonOf({ type: "RESOLVED" })).toBeNull();
    });

    it("refuses a code on an event type that takes none, and a code that is no reason for the type", () => {
      expect(errors({ ...received, reasonCode: "OTHER" }).map(([c, f]) => [c, f])).toEqual([["RULE_VIOLATED", "reasonCode"]]);
      const e = errors({ ...refused, type: "SUPPLEMENT_REQUESTED", reasonCode: "OUTSIDE_REMIT" });
      expect(e.map(([c, f]) => [c, f])).toEqual([["INVALID_VALUE", "reasonCode"]]);
      expect(e[0]?.[2]).toBe("reasonCode: OUTSIDE_REMIT is not a reason for SUPPLEMENT_REQUESTED: one of MISSING_DOCUMENT, INVALID_DOCUMENT, OTHER");
    });

    it("publishes every code with a Vietnamese and an English label, UNSPECIFIED applying to no event type", () => {
      expect(REASONS.map((r) => r.code)).toEqual([...REASON_CODES, UNSPECIFIED_REASON]);
      for (const r of REASONS) expect(r.vi.length * r.en.length, r.code).toBeGreaterThan(0);
      expect(REASONS.find((r) => r.code === UNSPECIFIED_REASON)?.appliesTo).toEqual([]);
      for (const c of REASON_CODES) expect(REASONS.find((r) => r.code === c)?.appliesTo.length, c).toBeGreaterThan(0);
    });
  });
});
