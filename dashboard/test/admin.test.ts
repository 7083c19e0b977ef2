import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Criterion, Finding } from "../src/lib/api-types.js";
import { aMeta } from "./support/builders.js";
import { fullServer } from "./support/full-server.js";
import { renderAt, settled } from "./support/render-app.js";

const aFinding = (o: Partial<Finding> = {}): Finding => ({
  findingId: "F-1", unitId: "DEPT-STP", headId: null, period: "2024-H1", criterion: "PAR5", deduction: 1.5, evidence: "BB 12/2024",
  noticeNumber: null, noticeDate: null, status: "DRAFT", version: 1, createdAt: "2024-07-02T01:00:00.000Z", updatedAt: "2024-07-02T01:00:00.000Z", ...o,
});
const aCriterion = (criterion: string, o: Partial<Criterion> = {}): Criterion => ({
  unitId: "DEPT-STP", period: "2024-H1", criterion, max: 10, source: "MANUAL", points: null, evidence: null, version: 0, lockedBy: [], locked: false, updatedAt: null, ...o,
});

function server() {
  return fullServer({
    meta: aMeta({ periods: ["2024-H1"] }),
    findings: [aFinding(), aFinding({ findingId: "F-2", status: "CONCLUDED", noticeNumber: "TB-7", noticeDate: "2024-07-05", version: 2 })],
    criteria: {
      "DEPT-STP/2024-H1": [
        aCriterion("PAR1"),
        aCriterion("PAR3", { source: "COMPUTED", max: 22 }),
        aCriterion("PAR5", { max: 12, locked: true, lockedBy: ["F-2"], points: 10.5 }),
      ],
    },
    heads: [{ unitId: "DEPT-STP", version: 1, heads: [{ headId: "H-1", unitId: "DEPT-STP", name: "Lý Minh Long (demo)", title: "Giám đốc", tenureFrom: "2020-01-01", tenureTo: null, demo: true }] }],
    publications: {
      "2024-H1": {
        period: "2024-H1",
        versions: [{ period: "2024-H1", methodology: "dn-2026.1", version: 1, label: "V1", publishedAt: "2024-07-20T02:00:00.000Z", publishedBy: { sub: "home-affairs", role: "home-affairs" }, tiers: ["DEPARTMENT"], differences: { DEPARTMENT: [{ tier: "DEPARTMENT", unitId: "DEPT-STP", nameVi: "Sở Tư pháp", change: "CHANGED", total: { before: 18, after: 19.4 }, rank: { before: 2, after: 1 }, band: null, indicators: [], explainedBy: ["P1"] }] } }],
        draft: { DEPARTMENT: { version: 1, publishedAt: "2024-07-20T02:00:00.000Z", draftDiffers: true } },
      },
    },
    audit: [{ auditId: "a1", at: "2024-07-20T02:00:00.000Z", actor: { sub: "home-affairs", role: "home-affairs" }, action: "publish", entityType: "publication", entityId: "2024-H1", before: null, after: null }],
  });
}

describe("Page: Sở Nội vụ (Home Affairs workspace)", () => {
  it("lands Home Affairs on the findings, shows the locked state, creates a draft and concludes it (If-Match)", async () => {
    const api = server();
    renderAt(api, "#/login");
    await settled();
    await fireEvent.click(screen.getByTestId("login-user-home-affairs"));
    await waitFor(() => expect(screen.queryByTestId("findings-list")).not.toBeNull());
    await settled();
    expect(window.location.hash).toBe("#/admin/findings?period=2024-H1");

    const [draft, concluded] = screen.getAllByTestId("finding");
    expect(concluded?.dataset.status).toBe("CONCLUDED");
    expect(within(concluded as HTMLElement).getByTestId("finding-locked").textContent).toContain("Đã khóa");
    expect(within(concluded as HTMLElement).queryByTestId("finding-conclude")).toBeNull();

    await fireEvent.input(screen.getByLabelText("Mã đơn vị"), { target: { value: "DEPT-SXD" } });
    await fireEvent.input(screen.getByLabelText("Căn cứ, minh chứng"), { target: { value: "BB 15/2024" } });
    await fireEvent.submit(screen.getByTestId("finding-form"));
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(3));
    const create = api.calls.find((c) => c.method === "POST" && c.path === "/v1/admin/findings");
    expect(create?.body).toMatchObject({ unitId: "DEPT-SXD", period: "2024-H1", criterion: "PAR5", deduction: 1, evidence: "BB 15/2024" });

    await fireEvent.input(within(draft as HTMLElement).getByTestId("notice-number"), { target: { value: "TB-9" } });
    await fireEvent.input(within(draft as HTMLElement).getByTestId("notice-date"), { target: { value: "2024-07-10" } });
    await fireEvent.click(within(draft as HTMLElement).getByTestId("finding-conclude"));
    await waitFor(() => expect(screen.getAllByTestId("finding").find((f) => f.dataset.findingId === "F-1")?.dataset.status).toBe("CONCLUDED"));
    const conclude = api.calls.find((c) => c.path === "/v1/admin/findings/F-1/conclude");
    expect(conclude?.ifMatch).toBe('"1"');
    expect(screen.getByTestId("admin-outcome").dataset.kind).toBe("ok");
  });

  it("appraises a manual criterion, and shows computed and locked criteria as read-only", async () => {
    const api = server();
    renderAt(api, "#/admin/criteria?period=2024-H1&unitId=DEPT-STP", { user: "home-affairs" });
    await settled();

    const rows = screen.getAllByTestId("criterion");
    expect(rows.map((r) => r.dataset.criterion)).toEqual(["PAR1", "PAR3", "PAR5"]);
    expect(within(rows[2] as HTMLElement).queryByTestId("criterion-save")).toBeNull();
    expect(rows[2]?.textContent).toContain("F-2");
    expect(within(rows[1] as HTMLElement).queryByTestId("criterion-save")).toBeNull();
    await fireEvent.input(within(rows[0] as HTMLElement).getByTestId("criterion-points"), { target: { value: "8.5" } });
    await fireEvent.input(within(rows[0] as HTMLElement).getByTestId("criterion-evidence"), { target: { value: "Tự đánh giá đã thẩm định" } });
    await fireEvent.click(within(rows[0] as HTMLElement).getByTestId("criterion-save"));
    await waitFor(() => expect(screen.getByTestId("admin-outcome").dataset.kind).toBe("ok"));
    const put = api.calls.find((c) => c.method === "PUT");
    expect(put?.path).toBe("/v1/admin/criteria/DEPT-STP/2024-H1/PAR1");
    expect(put?.ifMatch).toBe('"0"');
    expect(put?.body).toEqual({ points: 8.5, evidence: "Tự đánh giá đã thẩm định" });
  });

  it("publishes a period and shows the versions with their difference list; heads and the audit log", async () => {
    const api = server();
    renderAt(api, "#/admin/publish?period=2024-H1", { user: "home-affairs" });
    await settled();
    expect(screen.getByTestId("draft-state").textContent).toContain("Bản nháp hiện tại khác bản đã công bố.");
    const diff = screen.getByTestId("difference");
    expect(diff.textContent).toContain("Sở Tư pháp");
    expect(diff.textContent).toContain("18,00 → 19,40");
    expect(diff.textContent).toContain("P1");
    await fireEvent.click(screen.getByTestId("publish"));
    await waitFor(() => expect(screen.queryByTestId("publish-result")).not.toBeNull());
    expect(api.state.published).toEqual(["2024-H1"]);

    await fireEvent.click(screen.getByTestId("admin-tab-heads"));
    await waitFor(() => expect(screen.queryByTestId("heads-table")).not.toBeNull());
    expect(screen.getByTestId("head").textContent).toContain("đang đương nhiệm");
    await fireEvent.click(screen.getByTestId("admin-tab-audit"));
    await waitFor(() => expect(screen.queryByTestId("audit-table")).not.toBeNull());
    expect(screen.getAllByTestId("audit-entry")).toHaveLength(1);
  });

  it("keeps the chairman out of the workspace (his home is the overview)", async () => {
    const api = server();
    renderAt(api, "#/admin/findings", { user: "chairman" });
    await waitFor(() => expect(window.location.hash.startsWith("#/overview")).toBe(true));
    expect(api.callsTo("/v1/admin/")).toEqual([]);
  });
});

describe("Page: Sở Nội vụ — the findings are asked for once per period", () => {
  const twoPeriods = () => fullServer({ meta: aMeta({ periods: ["2024-H1", "2023-H2"] }), findings: [aFinding(), aFinding({ findingId: "F-3", period: "2023-H2" })] });
  const findingsCalls = (api: ReturnType<typeof fullServer>) => api.callsTo("/v1/admin/findings").filter((c) => c.method === "GET").map((c) => c.path);

  // Without a period the page gives the URL its period (app.canonicalise, inside the loading
  // effect): that must not mount the page a second time (which asked for the findings again).
  for (const [url, period] of [["#/admin/findings", "2024-H1"], ["#/admin/findings?period=2024-H1", "2024-H1"], ["#/admin/findings?period=2023-H2", "2023-H2"]] as const) {
    it(`opening ${url} asks for ${period}'s findings once; another period once more`, async () => {
      // Prepare
      const api = twoPeriods();

      // Act
      renderAt(api, url, { user: "home-affairs" });
      await waitFor(() => expect(screen.queryByTestId("findings-list")).not.toBeNull());
      await settled();
      await new Promise((r) => setTimeout(r, 20));

      // Assess
      expect(window.location.hash).toBe(`#/admin/findings?period=${period}`);
      expect(findingsCalls(api)).toEqual([`/v1/admin/findings?period=${period}`]);

      const other = period === "2024-H1" ? "2023-H2" : "2024-H1";
      await fireEvent.change(screen.getByTestId("period-select"), { target: { value: other } });
      await waitFor(() => expect(window.location.hash).toBe(`#/admin/findings?period=${other}`));
      await settled();
      await new Promise((r) => setTimeout(r, 20));
      expect(findingsCalls(api)).toEqual([`/v1/admin/findings?period=${period}`, `/v1/admin/findings?period=${other}`]);
    });
  }
});
