import { describe, expect, it } from "vitest";
import { caseEventSchema } from "../src/contracts/case-event.js";
import { validate } from "../src/contracts/validation.js";

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
});
