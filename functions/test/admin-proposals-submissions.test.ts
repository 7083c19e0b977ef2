/**
 * Proposals on heads (D8) and the report submission tracker (D10) — issue 24, items 2 and 3;
 * docs/adr/0020-proposals-and-report-submissions.md — on the local runtime's stores (dynalite),
 * with hand-made fixtures and a clock the test moves. The HTTP side (who may call what) is in
 * admin-authorization.test.ts.
 */
import { headRatingsKey } from "@scorecard/shared/lake/layout";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/ports/admin.js";
import type { AdminDeps } from "../src/use-cases/admin/common.js";
import { AdminError } from "../src/use-cases/admin/common.js";
import { openAction } from "../src/use-cases/admin/corrective-actions.js";
import { concludeFinding, createFinding } from "../src/use-cases/admin/findings.js";
import { addHead } from "../src/use-cases/admin/heads.js";
import { createProposal, decideProposal, listProposals, updateProposal, withdrawProposal } from "../src/use-cases/admin/proposals.js";
import { getNarrative, setReportDeadline, submissionState, submissionTracker, submitNarrative } from "../src/use-cases/admin/report-submissions.js";
import { tempRuntime } from "./support/temp-runtime.js";

const HA: Actor = { sub: "home-affairs", role: "home-affairs" };
const OFFICER: Actor = { sub: "officer-bien-hoa", role: "unit-officer" };
const BH = "DIST-731";
const LK = "DIST-732";

/** A clock the test sets. */
const clock = { at: new Date("2026-01-10T03:00:00.000Z"), now() { return this.at; } };

/** The refusal's HTTP-facing shape: its code and its first field error. */
async function refusal(p: Promise<unknown>): Promise<[string, string | undefined, string | undefined]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AdminError) return [e.code, e.errors?.[0]?.field, e.errors?.[0]?.code];
    throw e;
  }
  throw new Error("not refused");
}

describe("Proposals on heads and the report submission tracker (use cases on dynalite)", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let deps: AdminDeps;
  let head: string;
  let otherHead: string;
  let lkHead: string;

  beforeAll(async () => {
    env = await tempRuntime({ clock });
    deps = env.rt.admin;
    head = (await addHead(deps)(HA, BH, { name: "Nguyễn Văn Bình", title: "Chủ tịch UBND", tenureFrom: "2021-01-01", tenureTo: "2025-03-31" })).headId;
    otherHead = (await addHead(deps)(HA, BH, { name: "Trần Thị Hoa", title: "Chủ tịch UBND", tenureFrom: "2025-04-01", tenureTo: null })).headId;
    lkHead = (await addHead(deps)(HA, LK, { name: "Lê Văn Khánh", title: "Chủ tịch UBND", tenureFrom: "2021-01-01", tenureTo: null })).headId;
    // Findings: concluded about the head, concluded about the unit (no head), concluded about the other head, a draft, another unit's.
    const finding = (findingId: string, unitId: string, headId: string | null) => ({ findingId, unitId, headId, period: "2024-H2", criterion: "PAR5", deduction: 2, evidence: "Biên bản kiểm tra 12/BB-SNV" });
    for (const [id, unit, h, conclude] of [
      ["F-HEAD", BH, head, true],
      ["F-UNIT", BH, null, true],
      ["F-OTHER-HEAD", BH, otherHead, true],
      ["F-DRAFT", BH, head, false],
      ["F-LK", LK, lkHead, true],
    ] as const) {
      await createFinding(deps)(HA, finding(id, unit, h));
      if (conclude) await concludeFinding(deps)(HA, id, 1, { noticeNumber: `TB-${id}`, noticeDate: "2025-01-20" });
    }
    // Head ratings of 2024-H2 as the ratings stage stores them (the fields the basis reads): the head "not completed", the other head pending.
    const ratings = {
      period: "2024-H2",
      heads: [
        { headId: head, unitId: BH, status: "RATED", total: 41.5, band: "NOT_COMPLETED" },
        { headId: otherHead, unitId: BH, status: "PENDING", total: null, band: null },
      ],
    };
    await deps.lake.put(headRatingsKey(deps.methodology, "2024-H2"), JSON.stringify(ratings), "application/json");
    // Corrective actions (issue 24, item 1) opened from the concluded findings: Biên Hòa's and Long Khánh's.
    await openAction(deps)(HA, { actionId: "CA-BH", unitId: BH, basis: { kind: "FINDING", findingId: "F-HEAD" }, deadline: "2026-03-31", required: "Rà soát quy trình trả hồ sơ" });
    await openAction(deps)(HA, { actionId: "CA-LK", unitId: LK, basis: { kind: "FINDING", findingId: "F-LK" }, deadline: "2026-03-31", required: "Rà soát quy trình" });
  });
  afterAll(() => env.dispose());

  const input = (over: Record<string, unknown> = {}) =>
    ({ unitId: BH, headId: head, kind: "CRITICISM", basis: [{ kind: "FINDING", findingId: "F-HEAD" }], reason: "Chậm trả hồ sơ nhiều kỳ liên tiếp", ...over }) as Parameters<ReturnType<typeof createProposal>>[1];

  describe("proposals", () => {
    it("records a proposal on a head with what each basis rested on (the finding's notice, the band and total, the action's state), audited", async () => {
      const { proposal, created } = await createProposal(deps)(
        HA,
        input({ proposalId: "P-1", basis: [{ kind: "FINDING", findingId: "F-HEAD" }, { kind: "FINDING", findingId: "F-UNIT" }, { kind: "HEAD_RATING", period: "2024-H2" }, { kind: "CORRECTIVE_ACTION", actionId: "CA-BH" }] }),
      );
      expect(created).toBe(true);
      expect(proposal).toMatchObject({ proposalId: "P-1", unitId: BH, headId: head, headName: "Nguyễn Văn Bình", kind: "CRITICISM", status: "PROPOSED", version: 1, decision: null, withdrawReason: null });
      expect(proposal.basis).toEqual([
        { kind: "FINDING", findingId: "F-HEAD", period: "2024-H2", criterion: "PAR5", deduction: 2, noticeNumber: "TB-F-HEAD", noticeDate: "2025-01-20" },
        { kind: "FINDING", findingId: "F-UNIT", period: "2024-H2", criterion: "PAR5", deduction: 2, noticeNumber: "TB-F-UNIT", noticeDate: "2025-01-20" },
        { kind: "HEAD_RATING", period: "2024-H2", band: "NOT_COMPLETED", total: 41.5 },
        { kind: "CORRECTIVE_ACTION", actionId: "CA-BH", status: "OPEN", deadline: "2026-03-31", required: "Rà soát quy trình trả hồ sơ" },
      ]);
      const page = await deps.stores.audit.page({ limit: 200 });
      expect(page.entries.find((e) => e.auditId === "proposal:P-1:v1")).toMatchObject({ action: "proposal.create", actor: HA, before: null });
      // A retry with the same content answers the stored proposal; other content under the id is refused.
      expect((await createProposal(deps)(HA, input({ proposalId: "P-1", basis: proposal.basis.map((b) => (b.kind === "FINDING" ? { kind: b.kind, findingId: b.findingId } : b.kind === "HEAD_RATING" ? { kind: b.kind, period: b.period } : { kind: b.kind, actionId: b.actionId })) }))).created).toBe(false);
      expect(await refusal(createProposal(deps)(HA, input({ proposalId: "P-1" })))).toEqual(["ALREADY_EXISTS", undefined, undefined]);
    });

    it("refuses a head not on the roster, a basis not concluded, not this unit's, not this head's, not found, unrated — naming the field", async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ headId: lkHead }, "headId", "UNKNOWN_HEAD"],
        [{ unitId: "DIST-999" }, "unitId", "UNKNOWN_UNIT"],
        [{ basis: [{ kind: "FINDING", findingId: "F-DRAFT" }] }, "basis[0].findingId", "NOT_CONCLUDED"],
        [{ basis: [{ kind: "FINDING", findingId: "F-HEAD" }, { kind: "FINDING", findingId: "F-LK" }] }, "basis[1].findingId", "NOT_THIS_UNIT"],
        [{ basis: [{ kind: "FINDING", findingId: "F-OTHER-HEAD" }] }, "basis[0].findingId", "NOT_THIS_HEAD"],
        [{ basis: [{ kind: "FINDING", findingId: "F-NONE" }] }, "basis[0].findingId", "UNKNOWN_FINDING"],
        [{ basis: [{ kind: "HEAD_RATING", period: "2024-H1" }] }, "basis[0].period", "NO_RATINGS"],
        [{ headId: otherHead, basis: [{ kind: "HEAD_RATING", period: "2024-H2" }] }, "basis[0].period", "NOT_RATED"],
        [{ basis: [{ kind: "FINDING", findingId: "F-HEAD" }, { kind: "FINDING", findingId: "F-HEAD" }] }, "basis[1]", "DUPLICATE_BASIS"],
        [{ basis: [{ kind: "CORRECTIVE_ACTION", actionId: "CA-NONE" }] }, "basis[0].actionId", "UNKNOWN_ACTION"],
        [{ basis: [{ kind: "CORRECTIVE_ACTION", actionId: "CA-LK" }] }, "basis[0].actionId", "NOT_THIS_UNIT"],
      ];
      for (const [over, field, code] of cases) expect(await refusal(createProposal(deps)(HA, input(over))), code).toEqual(["INVALID", field, code]);
      // The other head: a finding naming them, no finding naming someone else.
      expect((await createProposal(deps)(HA, input({ headId: otherHead, kind: "REMINDER", basis: [{ kind: "FINDING", findingId: "F-OTHER-HEAD" }, { kind: "FINDING", findingId: "F-UNIT" }] }))).proposal.status).toBe("PROPOSED");
    });

    it("decides once: DECIDED is final (edit, withdraw, decide again refused naming status); stale versions and a decision dated tomorrow refused", async () => {
      const { proposal } = await createProposal(deps)(HA, input({ proposalId: "P-DEC", kind: "DISCIPLINE_REVIEW" }));
      expect(await refusal(decideProposal(deps)(HA, "P-DEC", 1, { decisionNumber: "15/QĐ-UBND", decisionDate: "2026-01-11", outcome: "Khiển trách" }))).toEqual(["INVALID", "decisionDate", "OUT_OF_RANGE"]);
      expect(await refusal(decideProposal(deps)(HA, "P-DEC", 2, { decisionNumber: "15/QĐ-UBND", decisionDate: "2026-01-10", outcome: "Khiển trách" }))).toEqual(["VERSION_CONFLICT", undefined, undefined]);
      const decided = await decideProposal(deps)(HA, "P-DEC", proposal.version, { decisionNumber: "15/QĐ-UBND", decisionDate: "2026-01-10", outcome: "Khiển trách" });
      expect(decided).toMatchObject({ status: "DECIDED", version: 2, decision: { decisionNumber: "15/QĐ-UBND", decisionDate: "2026-01-10", outcome: "Khiển trách" } });
      const closed = ["INVALID", "status", "PROPOSAL_CLOSED"];
      expect(await refusal(updateProposal(deps)(HA, "P-DEC", 2, input()))).toEqual(closed);
      expect(await refusal(withdrawProposal(deps)(HA, "P-DEC", 2, { reason: "Nhầm" }))).toEqual(closed);
      expect(await refusal(decideProposal(deps)(HA, "P-DEC", 2, { decisionNumber: "16/QĐ-UBND", decisionDate: "2026-01-10", outcome: "Cảnh cáo" }))).toEqual(closed);
      const log = (await deps.stores.audit.page({ limit: 200 })).entries.filter((e) => e.entityId === "P-DEC").map((e) => [e.action, (e.after as { refused?: string } | null)?.refused ?? null]);
      expect(log.filter(([, r]) => r === "PROPOSAL_CLOSED")).toHaveLength(3);
      expect(log.filter(([a]) => a === "proposal.decide")).toHaveLength(1);
    });

    it("any sequence of edit, decide and withdraw (right or stale version) keeps the status rules: only PROPOSED changes, each change one version", async () => {
      type Op = { op: "edit" | "decide" | "withdraw"; stale: boolean };
      const op = fc.record({ op: fc.constantFrom("edit" as const, "decide" as const, "withdraw" as const), stale: fc.boolean() });
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 5 }), async (ops: Op[]) => {
          const id = `P-PROP-${++n}`;
          await createProposal(deps)(HA, input({ proposalId: id }));
          // The model: status and version as the rules say.
          let status = "PROPOSED";
          let version = 1;
          for (const { op, stale } of ops) {
            const v = stale ? version + 1 : version;
            const run =
              op === "edit"
                ? updateProposal(deps)(HA, id, v, input({ kind: "REMINDER" }))
                : op === "decide"
                  ? decideProposal(deps)(HA, id, v, { decisionNumber: "1/QĐ", decisionDate: "2026-01-10", outcome: "Nhắc nhở" })
                  : withdrawProposal(deps)(HA, id, v, { reason: "Đã khắc phục" });
            const expected = status !== "PROPOSED" ? "PROPOSAL_CLOSED" : stale ? "VERSION_CONFLICT" : "ok";
            const got = await run.then(
              () => "ok",
              (e: AdminError) => (e.code === "INVALID" ? (e.errors?.[0]?.code ?? e.code) : e.code),
            );
            expect(got).toBe(expected);
            if (got === "ok") {
              version += 1;
              if (op === "decide") status = "DECIDED";
              if (op === "withdraw") status = "WITHDRAWN";
            }
          }
          const stored = await deps.stores.proposals.get(id);
          expect([stored?.status, stored?.version]).toEqual([status, version]);
        }),
        { numRuns: 20 },
      );
    });

    it("lists newest first, optionally of one unit", async () => {
      const all = await listProposals(deps)();
      expect(all.length).toBeGreaterThan(3);
      expect(all.every((p, i) => i === 0 || all[i - 1]!.createdAt >= p.createdAt)).toBe(true);
      expect((await listProposals(deps)(LK)).length).toBe(0);
    });
  });

  describe("report submission", () => {
    // 2025-H1 (districts still existed until 2025-06-30): the catalog's 11 districts DIST-731, 732, 734…742.
    it("states around the deadline's local midnight (UTC+7): 23:59:59 on the day is on time, 00:00 the next day is late or overdue", () => {
      // Deadline 2025-07-15: its last local second is 2025-07-15T16:59:59Z.
      expect(submissionState("2025-07-15", "2025-07-15T16:59:59.000Z", new Date("2025-08-01T00:00:00Z"))).toBe("SUBMITTED");
      expect(submissionState("2025-07-15", "2025-07-15T17:00:00.000Z", new Date("2025-08-01T00:00:00Z"))).toBe("SUBMITTED_LATE");
      expect(submissionState("2025-07-15", null, new Date("2025-07-15T16:59:59.999Z"))).toBe("NOT_SUBMITTED");
      expect(submissionState("2025-07-15", null, new Date("2025-07-15T17:00:00.000Z"))).toBe("OVERDUE");
      expect(submissionState(null, null, new Date("2030-01-01T00:00:00Z"))).toBe("NOT_SUBMITTED");
      expect(submissionState(null, "2030-01-01T00:00:00Z", new Date("2030-01-01T00:00:00Z"))).toBe("SUBMITTED");
    });

    it("Home Affairs sets the deadline, units submit around it, the tracker counts each state", async () => {
      expect(await refusal(setReportDeadline(deps)(HA, "2025-Q2", 0, { deadline: "2025-07-15" }))).toEqual(["INVALID", "period", "OUT_OF_RANGE"]);
      expect(await refusal(setReportDeadline(deps)(HA, "2025-H1", 0, { deadline: "2024-12-31" }))).toEqual(["INVALID", "deadline", "OUT_OF_RANGE"]);
      const d = await setReportDeadline(deps)(HA, "2025-H1", 0, { deadline: "2025-07-15", note: "Công văn 210/SNV" });
      expect(d).toMatchObject({ period: "2025-H1", deadline: "2025-07-15", version: 1 });
      expect(await refusal(setReportDeadline(deps)(HA, "2025-H1", 0, { deadline: "2025-07-20" }))).toEqual(["VERSION_CONFLICT", undefined, undefined]);

      // Biên Hòa on the deadline's last second, Long Khánh one second later; Tân Phú (734) never.
      clock.at = new Date("2025-07-15T16:59:59.000Z");
      const bh = await submitNarrative(deps)(OFFICER, BH, "2025-H1", 0, { text: "Sáu tháng đầu năm, thành phố đã giải quyết 98% hồ sơ đúng hạn." });
      expect([bh.state, bh.version, bh.submittedAt]).toEqual(["SUBMITTED", 1, "2025-07-15T16:59:59.000Z"]);
      let t = await submissionTracker(deps)("2025-H1", "DISTRICT");
      expect([t.units.length, t.counts]).toEqual([11, { SUBMITTED: 1, SUBMITTED_LATE: 0, NOT_SUBMITTED: 10, OVERDUE: 0 }]);

      clock.at = new Date("2025-07-15T17:00:00.000Z");
      await submitNarrative(deps)({ sub: "officer-long-khanh", role: "unit-officer" }, LK, "2025-H1", 0, { text: "Báo cáo của thành phố Long Khánh." });
      // Biên Hòa revises after the deadline: still on time (its first submission counts), version 2.
      const revised = await submitNarrative(deps)(OFFICER, BH, "2025-H1", 1, { text: "Bản sửa: 98,2% hồ sơ đúng hạn." });
      expect([revised.state, revised.version, revised.submittedAt, revised.updatedAt]).toEqual(["SUBMITTED", 2, "2025-07-15T16:59:59.000Z", "2025-07-15T17:00:00.000Z"]);
      expect(await refusal(submitNarrative(deps)(OFFICER, BH, "2025-H1", 1, { text: "cũ" }))).toEqual(["VERSION_CONFLICT", undefined, undefined]);
      t = await submissionTracker(deps)("2025-H1", "DISTRICT");
      expect(t.counts).toEqual({ SUBMITTED: 1, SUBMITTED_LATE: 1, NOT_SUBMITTED: 0, OVERDUE: 9 });
      expect(t.units.slice(0, 3).map((u) => [u.unitId, u.state])).toEqual([
        [BH, "SUBMITTED"],
        [LK, "SUBMITTED_LATE"],
        ["DIST-734", "OVERDUE"],
      ]);
      // The per-unit read the report shows; a unit not in the catalog in the period is not found.
      expect(await getNarrative(deps)(BH, "2025-H1")).toMatchObject({ text: "Bản sửa: 98,2% hồ sơ đúng hạn.", deadline: "2025-07-15", state: "SUBMITTED" });
      expect(await getNarrative(deps)("DIST-734", "2025-H1")).toMatchObject({ text: null, version: 0, state: "OVERDUE" });
      expect(await refusal(getNarrative(deps)(BH, "2025-H2"))).toEqual(["NOT_FOUND", undefined, undefined]);
      const audited = (await deps.stores.audit.page({ limit: 200 })).entries.filter((e) => e.entityType === "report-narrative" && e.entityId === `2025-H1#${BH}`).map((e) => e.action);
      expect(audited.sort()).toEqual(["report-narrative.revise", "report-narrative.submit", "report-narrative.submit.refused"]);
      clock.at = new Date("2026-01-10T03:00:00.000Z");
    });
  });
});
