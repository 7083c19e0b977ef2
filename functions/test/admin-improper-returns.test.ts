/**
 * Improper returns (issue 20, item 6; docs/adr/0015-improper-returns.md) over HTTP, on the local
 * runtime: Home Affairs marks a dossier's return improper and withdraws the mark; every change and
 * every refused attempt is audited; the marks reach scoring through the lake's
 * `curated_improper_returns`, which R3 of dn-2026.2 reads (and dn-2026.1's R3 ignores).
 */
import { parsePeriod } from "@scorecard/shared";
import { improperReturnsKey } from "@scorecard/shared/lake/layout";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactLake } from "../src/adapters/local/duckdb-compactor.js";
import { DEMO_USERS } from "../src/adapters/local/local-identity.js";
import { parseJsonLinesGz } from "../src/lib/json-lines.js";
import { scorePeriod } from "../src/use-cases/score/score-period.js";
import { stalePeriods } from "../src/use-cases/score/scored-inputs.js";
import { CaseBuilder } from "./support/events.js";
import { httpFixture } from "./support/http-fixture.js";

const BH = "DIST-731";
type Problem = { code: string; detail?: string; errors?: { code: string; field: string; message: string }[] };
type Mark = { caseId: string; unitId: string; status: string; basis: { kind: string }; version: number; unmarkReason: string | null };
type AuditEntry = { action: string; entityType: string; entityId: string; actor: { sub: string; role: string }; before: unknown; after: { status?: string; refused?: string } | null };

const decision = { kind: "HOME_AFFAIRS_DECISION", decisionNumber: "125/QĐ-SNV", decisionDate: "2024-04-10", evidence: "Biên bản kiểm tra công vụ ngày 05/4/2024" } as const;

describe("Improper returns over HTTP: mark, withdraw, audit, and the marks reach R3", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  let ha: string;
  let chairman: string;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, token = ha) =>
    fetch(`${fx.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const audit = async () => ((await (await call("GET", "/v1/admin/audit?limit=100")).json()) as { entries: AuditEntry[] }).entries;

  beforeAll(async () => {
    fx = await httpFixture();
    ha = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "home-affairs")!);
    chairman = await fx.rt.identity.issue(DEMO_USERS.find((u) => u.id === "chairman")!);
  });
  afterAll(() => fx.close());

  it("marks at version 0 (a decision of Home Affairs), audited with the mark as it was and as it is", async () => {
    const res = await call("PUT", "/v1/admin/improper-returns/IR-1", { unitId: BH, basis: decision, note: "Trả hồ sơ khi đã đủ thành phần", version: 0 });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"1"');
    const mark = (await res.json()) as Mark;
    expect(mark).toMatchObject({ caseId: "IR-1", unitId: BH, status: "MARKED", basis: decision, version: 1, unmarkReason: null });
    const entry = (await audit()).find((e) => e.action === "improper-return.mark" && e.entityId === "IR-1");
    expect(entry).toMatchObject({ entityType: "improper-return", actor: { role: "home-affairs" }, before: null, after: { status: "MARKED" } });
    // Read back, with its version as the ETag; the chairman reads, as for findings.
    const one = await call("GET", "/v1/admin/improper-returns/IR-1", undefined, {}, chairman);
    expect([one.status, one.headers.get("etag")]).toEqual([200, '"1"']);
  });

  it("needs the version (428), refuses a stale one (409, audited) and an unknown unit (422 naming the field)", async () => {
    expect((await call("PUT", "/v1/admin/improper-returns/IR-1", { unitId: BH, basis: decision })).status).toBe(428);
    const stale = await call("PUT", "/v1/admin/improper-returns/IR-1", { unitId: BH, basis: decision, version: 0 });
    expect([stale.status, ((await stale.json()) as Problem).code]).toEqual([409, "VERSION_CONFLICT"]);
    expect((await audit()).some((e) => e.action === "improper-return.mark.refused" && e.entityId === "IR-1" && e.after?.refused === "VERSION_CONFLICT")).toBe(true);
    const unknown = await call("PUT", "/v1/admin/improper-returns/IR-2", { unitId: "DIST-999", basis: decision, version: 0 });
    const p = (await unknown.json()) as Problem;
    expect([unknown.status, p.code, p.errors?.[0]?.field]).toEqual([422, "INVALID_CONTENT", "unitId"]);
  });

  it("checks the basis: a finding must exist and name the same unit; a decision is not dated in the future; the schema names a bad kind", async () => {
    const missing = await call("PUT", "/v1/admin/improper-returns/IR-2", { unitId: BH, basis: { kind: "INSPECTION_FINDING", findingId: "F-NONE" }, version: 0 });
    const m = (await missing.json()) as Problem;
    expect([missing.status, m.errors?.[0]?.field, m.errors?.[0]?.code]).toEqual([422, "basis.findingId", "UNKNOWN_FINDING"]);
    expect((await call("POST", "/v1/admin/findings", { findingId: "F-OTHER", unitId: "DIST-732", period: "2024-H1", deduction: 1, evidence: "KL 2/KL-TTr" })).status).toBe(201);
    const other = await call("PUT", "/v1/admin/improper-returns/IR-2", { unitId: BH, basis: { kind: "INSPECTION_FINDING", findingId: "F-OTHER" }, version: 0 });
    expect([other.status, ((await other.json()) as Problem).errors?.[0]?.field]).toEqual([422, "basis.findingId"]);
    expect((await call("POST", "/v1/admin/findings", { findingId: "F-BH", unitId: BH, period: "2024-H1", deduction: 1, evidence: "KL 3/KL-TTr" })).status).toBe(201);
    const ok = await call("PUT", "/v1/admin/improper-returns/IR-2", { unitId: BH, basis: { kind: "INSPECTION_FINDING", findingId: "F-BH" }, version: 0 });
    expect(ok.status).toBe(200);
    const future = await call("PUT", "/v1/admin/improper-returns/IR-3", { unitId: BH, basis: { ...decision, decisionDate: "2099-01-01" }, version: 0 });
    expect([future.status, ((await future.json()) as Problem).errors?.[0]?.field]).toEqual([422, "basis.decisionDate"]);
    const kind = await call("PUT", "/v1/admin/improper-returns/IR-3", { unitId: BH, basis: { kind: "RUMOUR" }, version: 0 });
    expect(kind.status).toBe(422);
    expect(JSON.stringify(await kind.json())).toContain("basis");
    const complaint = await call("PUT", "/v1/admin/improper-returns/IR-3", { unitId: BH, basis: { kind: "UPHELD_COMPLAINT", complaintId: "1022-2024-0415" }, version: 0 });
    expect(complaint.status).toBe(200);
  });

  it("withdraws a mark with a reason (audited), refuses to withdraw it twice (422) or one never made (404), and marks it again at its version", async () => {
    const res = await call("POST", "/v1/admin/improper-returns/IR-3/unmark", { reason: "Phản ánh được xác minh lại là không đúng", version: 1 });
    expect(res.status).toBe(200);
    expect((await res.json()) as Mark).toMatchObject({ status: "UNMARKED", version: 2, unmarkReason: "Phản ánh được xác minh lại là không đúng" });
    expect((await audit()).find((e) => e.action === "improper-return.unmark" && e.entityId === "IR-3")).toMatchObject({ before: { status: "MARKED" }, after: { status: "UNMARKED" } });
    const again = await call("POST", "/v1/admin/improper-returns/IR-3/unmark", { reason: "x", version: 2 });
    expect([again.status, ((await again.json()) as Problem).errors?.[0]?.code]).toEqual([422, "NOT_MARKED"]);
    expect((await call("POST", "/v1/admin/improper-returns/IR-NONE/unmark", { reason: "x", version: 1 })).status).toBe(404);
    expect((await call("GET", "/v1/admin/improper-returns/IR-NONE")).status).toBe(404);
    const remark = await call("PUT", "/v1/admin/improper-returns/IR-3", { unitId: BH, basis: decision }, { "if-match": '"2"' });
    expect([remark.status, ((await remark.json()) as Mark).status]).toEqual([200, "MARKED"]);
    const list = (await (await call("GET", `/v1/admin/improper-returns?unitId=${BH}`)).json()) as { returns: Mark[] };
    expect(list.returns.map((r) => [r.caseId, r.status, r.version])).toEqual([["IR-1", "MARKED", 1], ["IR-2", "MARKED", 1], ["IR-3", "MARKED", 3]]);
    expect(((await (await call("GET", "/v1/admin/improper-returns?unitId=DIST-732")).json()) as { returns: Mark[] }).returns).toEqual([]);
  });

  it("reaches scoring: the run writes the marked returns to the lake, and R3 of dn-2026.2 counts IR-1 among BH's two returns (IR-9 not marked)", async () => {
    const cases = [
      new CaseBuilder("IR-1", BH).received("2024-03-04T09:00:00", "2024-03-15T17:00:00").by(BH, "REFUSED", "2024-03-05T09:00:00"),
      new CaseBuilder("IR-9", BH).received("2024-03-04T10:00:00", "2024-03-15T17:00:00").by(BH, "STOPPED", "2024-03-06T09:00:00"),
      new CaseBuilder("IR-8", BH).received("2024-03-05T10:00:00", "2024-03-15T17:00:00").resolved("2024-03-07T09:00:00"),
    ];
    expect((await fx.post("/v1/events", JSON.stringify({ events: cases.flatMap((c) => c.build()) }))).status).toBe(200);
    await compactLake(fx.rt.engine, fx.rt.lake.root);
    // IR-2 was marked (a finding) but never received here, IR-3 neither: no number moves for them.
    await scorePeriod(fx.rt.score)(parsePeriod("2024-03"));
    const rows = parseJsonLinesGz<{ case_id: string; basis: string; reference: string }>((await fx.rt.lake.get(improperReturnsKey())) as Uint8Array, "marks");
    expect(rows.map((r) => [r.case_id, r.basis, r.reference])).toEqual([
      ["IR-1", "HOME_AFFAIRS_DECISION", "125/QĐ-SNV"],
      ["IR-2", "INSPECTION_FINDING", "F-BH"],
      ["IR-3", "HOME_AFFAIRS_DECISION", "125/QĐ-SNV"],
    ]);
    const card = (await (await call("GET", `/v1/units/${BH}/scorecard?period=2024-03`)).json()) as { methodology: string; unit: { indicators: Record<string, { numerator: number; denominator: number }> } };
    // The local runtime scores with the default version, dn-2026.2.
    expect(card.methodology).toBe("dn-2026.2");
    expect([card.unit.indicators["R3"]?.numerator, card.unit.indicators["R3"]?.denominator]).toEqual([1, 2]);
    // Withdrawn: at the next run IR-1 is a lawful return again.
    expect((await call("POST", "/v1/admin/improper-returns/IR-1/unmark", { reason: "Kết luận lại: trả đúng quy định", version: 1 })).status).toBe(200);
    await scorePeriod(fx.rt.score)(parsePeriod("2024-03"));
    const after = (await (await call("GET", `/v1/units/${BH}/scorecard?period=2024-03`)).json()) as typeof card;
    expect([after.unit.indicators["R3"]?.numerator, after.unit.indicators["R3"]?.denominator]).toEqual([0, 2]);
  });

  it("a mark made since a period was scored makes it stale for the scheduled run (late inputs), a mark on a dossier the lake does not know does not", async () => {
    expect((await stalePeriods(fx.rt.score)).map((p) => p.id)).toEqual([]);
    expect((await call("PUT", "/v1/admin/improper-returns/IR-NOWHERE", { unitId: BH, basis: decision, version: 0 })).status).toBe(200);
    expect((await stalePeriods(fx.rt.score)).map((p) => p.id)).toEqual([]);
    expect((await call("PUT", "/v1/admin/improper-returns/IR-9", { unitId: BH, basis: decision, version: 0 })).status).toBe(200);
    expect((await stalePeriods(fx.rt.score)).map((p) => p.id)).toEqual(["2024-03"]);
    await scorePeriod(fx.rt.score)(parsePeriod("2024-03"));
    expect((await stalePeriods(fx.rt.score)).map((p) => p.id)).toEqual([]);
    const card = (await (await call("GET", `/v1/units/${BH}/scorecard?period=2024-03`)).json()) as { unit: { indicators: Record<string, { numerator: number; denominator: number }> } };
    expect([card.unit.indicators["R3"]?.numerator, card.unit.indicators["R3"]?.denominator]).toEqual([1, 2]); // the stop IR-9
  });
});
