/**
 * Proposals on heads (D8) and the report submission (D10) in the dashboard (issue 24, items 2 and
 * 3): the report period of a period, what the clients send (If-Match, paths), and the forms'
 * refusals before any request.
 */
import { describe, expect, it } from "vitest";
import { createProposalsApi, createSubmissionsApi } from "../src/lib/proposals-api.js";
import { ProposalsModel, SubmissionsModel, reportPeriodOf } from "../src/models/proposals.svelte.js";

/** A fetch that records each request and answers `body`. */
function recorder(body: unknown, status = 200) {
  const calls: { url: string; method: string; headers: Record<string, string>; body: string | null }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls.push({ url: String(input), method: init?.method ?? "GET", headers: (init?.headers ?? {}) as Record<string, string>, body: (init?.body as string | undefined) ?? null });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { calls, fetch };
}

describe("Function: reportPeriodOf", () => {
  it("is the period itself for a half-year or a year, the half-year holding a month or a quarter", () => {
    expect(["2025-H1", "2025-H2", "2025", "2025-01", "2025-06", "2025-07", "2025-12", "2025-Q2", "2025-Q3", "junk"].map(reportPeriodOf)).toEqual([
      "2025-H1",
      "2025-H2",
      "2025",
      "2025-H1",
      "2025-H1",
      "2025-H2",
      "2025-H2",
      "2025-H1",
      "2025-H2",
      null,
    ]);
  });
});

describe("Clients: proposals and the report submission", () => {
  it("send the version last seen as If-Match, and encode the path", async () => {
    const r = recorder({ proposalId: "P 1", state: "SUBMITTED", period: "2025-H1" });
    const proposals = createProposalsApi({ fetch: r.fetch, token: () => "t" });
    const submissions = createSubmissionsApi({ fetch: r.fetch, token: () => "t" });
    await proposals.decide("P 1", { decisionNumber: "5/QĐ", decisionDate: "2026-01-10", outcome: "Khiển trách" }, 3);
    await submissions.submit("DIST-731", "2025-H1", "Báo cáo", 0);
    await submissions.setDeadline("2025-H1", { deadline: "2026-01-31" }, 2);
    expect(r.calls.map((c) => [c.method, c.url, c.headers["if-match"], c.headers.authorization])).toEqual([
      ["POST", "/v1/admin/proposals/P%201/decide", '"3"', "Bearer t"],
      ["PUT", "/v1/units/DIST-731/reports/2025-H1/narrative", '"0"', "Bearer t"],
      ["PUT", "/v1/admin/reports/2025-H1/deadline", '"2"', "Bearer t"],
    ]);
    expect(JSON.parse(r.calls[1]!.body!)).toEqual({ text: "Báo cáo" });
  });

  it("turn a problem answer into the outcome's code and fields", async () => {
    const r = recorder({ type: "about:blank", title: "Invalid request", status: 422, code: "INVALID_CONTENT", errors: [{ field: "status", code: "PROPOSAL_CLOSED", message: "closed" }] }, 422);
    const model = new ProposalsModel(createProposalsApi({ fetch: r.fetch }));
    const p = { proposalId: "P-1", version: 2 } as Parameters<ProposalsModel["withdraw"]>[0];
    const o = await model.withdraw(p, "Nhầm");
    expect(o).toEqual({ ok: false, code: "INVALID_CONTENT", status: 422, errors: [{ field: "status", code: "PROPOSAL_CLOSED", message: "closed" }] });
    expect(model.outcomeFor).toBe("P-1");
  });
});

describe("Forms: refused before any request", () => {
  it("a proposal without a head, a basis or a reason; a deadline left empty", async () => {
    const r = recorder({});
    const model = new ProposalsModel(createProposalsApi({ fetch: r.fetch }));
    const base = { unitId: "DIST-731", kind: "REMINDER" as const, reason: "Lý do" };
    expect(await model.create({ ...base, headId: null, basis: [{ kind: "FINDING", findingId: "F-1" }] })).toMatchObject({ ok: false, errors: [{ field: "headId", code: "REQUIRED" }] });
    expect(await model.create({ ...base, headId: "HEAD-DIST-731-1", basis: [] })).toMatchObject({ ok: false, errors: [{ field: "basis", code: "REQUIRED" }] });
    expect(await model.create({ ...base, headId: "HEAD-DIST-731-1", basis: [{ kind: "FINDING", findingId: "F-1" }], reason: "  " })).toMatchObject({ ok: false, errors: [{ field: "reason", code: "REQUIRED" }] });
    const submissions = new SubmissionsModel(createSubmissionsApi({ fetch: r.fetch }));
    expect(await submissions.setDeadline("", "")).toMatchObject({ ok: false, errors: [{ field: "deadline", code: "REQUIRED" }] });
    expect(r.calls).toEqual([]);
  });
});
