import { describe, expect, it } from "vitest";
import { complaintSchema } from "../src/contracts/complaint.js";
import { procedureSchema } from "../src/contracts/procedure.js";
import { validate } from "../src/contracts/validation.js";

const complaint = {
  complaintId: "PAKN-2024-0001",
  source: "HOTLINE_1022",
  unitId: "DEPT-STP-2020",
  receivedAt: "2024-03-04T09:00:00+07:00",
  acceptedAt: "2024-03-05T09:00:00+07:00",
  handledAt: "2024-03-15T09:00:00+07:00",
  satisfied: false,
  reComplained: true,
  caseId: "000.00.12.H19-240304-0001",
};

const procedure = {
  code: "1.001234",
  nameVi: "Cấp phiếu lý lịch tư pháp",
  field: "JUSTICE",
  tier: "DEPARTMENT",
  onlineLevel: "FULL",
  feeBearing: true,
  paymentIntegrated: true,
  resultRequired: true,
  validFrom: "2022-01-01",
  publication: { changeKind: "AMENDED", decisionDate: "2024-03-01", legalEffectiveDate: "2024-03-15", publicDate: "2024-03-05", contentComplete: true },
};

describe("Contract: complaint", () => {
  it("accepts a complete 1022 complaint", () => {
    expect(validate(complaintSchema, complaint)).toMatchObject({ ok: true });
  });

  it("names the field and a stable code for each problem", () => {
    const bad = { ...complaint, source: "EMAIL", extra: 1, receivedAt: "yesterday" };
    const r = validate(complaintSchema, bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.field])).toEqual(
      expect.arrayContaining([
        ["INVALID_VALUE", "source"],
        ["UNKNOWN_FIELD", "extra"],
        [expect.stringMatching(/^INVALID_(FORMAT|TIMESTAMP)$/), "receivedAt"],
      ]),
    );
  });

  it("enforces the life-cycle: not both accepted and refused; handled after accepted; a verdict needs handling", () => {
    const both = validate(complaintSchema, { ...complaint, refusedAt: "2024-03-05T09:00:00+07:00" });
    expect(both.ok ? [] : both.errors.map((e) => [e.code, e.field])).toContainEqual(["RULE_VIOLATED", "refusedAt"]);
    const early = validate(complaintSchema, { ...complaint, handledAt: "2024-03-04T10:00:00+07:00" });
    expect(early.ok ? [] : early.errors.map((e) => e.field)).toContain("handledAt");
    const before = validate(complaintSchema, { ...complaint, acceptedAt: "2024-03-01T09:00:00+07:00", handledAt: undefined, satisfied: undefined });
    expect(before.ok ? [] : before.errors.map((e) => e.field)).toEqual(["acceptedAt"]);
    const { acceptedAt: _a, handledAt: _h, ...unhandled } = complaint;
    const verdict = validate(complaintSchema, unhandled);
    expect(verdict.ok ? [] : verdict.errors.map((e) => e.field)).toEqual(["satisfied"]);
  });
});

describe("Contract: procedure catalog", () => {
  it("accepts a catalog record with its publication decision", () => {
    expect(validate(procedureSchema, procedure)).toMatchObject({ ok: true });
  });

  it("rejects unknown tiers, bad dates, a payment-integrated free procedure and a validity ending before it starts", () => {
    const r = validate(procedureSchema, { ...procedure, tier: "PROVINCE", feeBearing: false, validTo: "2021-01-01", publication: { ...procedure.publication, publicDate: "2024-02-01" } });
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.field])).toEqual(
      expect.arrayContaining([
        ["INVALID_VALUE", "tier"],
      ]),
    );
    const rules = validate(procedureSchema, { ...procedure, feeBearing: false, validTo: "2021-01-01", publication: { ...procedure.publication, publicDate: "2024-02-01" } });
    expect(rules.ok ? [] : rules.errors.map((e) => [e.code, e.field])).toEqual(
      expect.arrayContaining([
        ["RULE_VIOLATED", "validTo"],
        ["RULE_VIOLATED", "paymentIntegrated"],
        ["RULE_VIOLATED", "publication.publicDate"],
      ]),
    );
    const missing = validate(procedureSchema, { ...procedure, nameVi: undefined });
    expect(missing.ok ? [] : missing.errors).toContainEqual(expect.objectContaining({ code: "MISSING_FIELD", field: "nameVi" }));
  });
});
