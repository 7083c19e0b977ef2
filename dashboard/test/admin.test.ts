import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Criterion, Finding, HeadRoster, PublicationPreview, UnitDifference } from "../src/lib/api-types.js";
import type { ManualIndicator } from "../src/lib/manual-indicators-api.js";
import { unitCatalog } from "../src/lib/units.js";
import { aMeta } from "./support/builders.js";
import { adminServer } from "./support/admin-server.js";
import { fullServer } from "./support/full-server.js";
import { renderAt, settled } from "./support/render-app.js";

// Real units of the catalog (the pickers list the catalog's units of the period).
const STP = "DEPT-STP-2020"; // Sở Tư pháp tỉnh Đồng Nai
const SXD = "DEPT-SXD-2020"; // Sở Xây dựng tỉnh Đồng Nai

const aFinding = (o: Partial<Finding> = {}): Finding => ({
  findingId: "F-1", unitId: STP, headId: null, period: "2024-H1", criterion: "PAR5", deduction: 1.5, evidence: "BB 12/2024",
  noticeNumber: null, noticeDate: null, status: "DRAFT", version: 1, createdAt: "2024-07-02T01:00:00.000Z", updatedAt: "2024-07-02T01:00:00.000Z", ...o,
});
const aCriterion = (criterion: string, o: Partial<Criterion> = {}): Criterion => ({
  unitId: STP, period: "2024-H1", criterion, max: 10, source: "MANUAL", points: null, evidence: null, version: 0, lockedBy: [], locked: false, updatedAt: null, ...o,
});
/** A concluded finding with a UUID for an id: the page names its notice, never the id. */
const LOCKING = "6f1c2a4e-2b7d-4c1e-9a55-0d3e8c7b1f20";
const aDifference = (unitId: string, nameVi: string, o: Partial<UnitDifference> = {}): UnitDifference => ({
  tier: "DEPARTMENT", unitId, nameVi, change: "CHANGED", total: { before: 18, after: 19.4 }, rank: { before: 2, after: 1 }, band: null,
  indicators: [{ code: "P1", before: { numerator: 9, denominator: 10, points: 18 }, after: { numerator: 97, denominator: 100, points: 19.4 } }], explainedBy: ["P1"], ...o,
});
const aPreview = (o: Partial<PublicationPreview> = {}): PublicationPreview => ({
  period: "2024-H1", methodology: "dn-2026.1", version: 1, previousVersion: null, tiers: ["DEPARTMENT", "COMMUNE"], changed: true, ratingsChanged: false, differences: {}, ...o,
});

/** Meta with July 2024 still running (TEST_NOW is 15 July 2024): the workspace opens on 2024-H1. */
const META = aMeta({ periods: ["2024-07", "2024-H1", "2023-H2"] });

function server(o: Parameters<typeof adminServer>[0] | object = {}) {
  return adminServer({
    meta: META,
    findings: [aFinding(), aFinding({ findingId: LOCKING, status: "CONCLUDED", noticeNumber: "TB-7", noticeDate: "2024-07-05", version: 2 })],
    criteria: {
      [`${STP}/2024-H1`]: [
        aCriterion("PAR1"),
        aCriterion("PAR3", { source: "COMPUTED", max: 22 }),
        aCriterion("PAR5", { max: 12, locked: true, lockedBy: [LOCKING], points: 10.5 }),
      ],
    },
    heads: [{ unitId: STP, version: 1, heads: [{ headId: "H-1", unitId: STP, name: "Lý Minh Long (demo)", title: "Giám đốc", tenureFrom: "2020-01-01", tenureTo: null, demo: true }] }],
    audit: [{ auditId: "a1", at: "2024-07-20T02:00:00.000Z", actor: { sub: "home-affairs", role: "home-affairs" }, action: "publication.create", entityType: "publication", entityId: "2024-H1", before: null, after: null }],
    ...o,
  });
}

/** Types into a picker and chooses the option for `value`. */
async function pick(testid: string, query: string, value: string): Promise<void> {
  await fireEvent.input(screen.getByTestId(`${testid}-input`), { target: { value: query } });
  const option = screen.getAllByTestId(`${testid}-option`).find((o) => o.dataset.value === value);
  if (!option) throw new Error(`no option ${value} for "${query}"`);
  await fireEvent.mouseDown(option);
}

describe("Page: Sở Nội vụ — findings (units by name, a confirmation before a notice locks)", () => {
  it("opens on the newest complete period, names units and notices, creates a draft for a unit found by name and concludes it only after confirming", async () => {
    // Prepare
    const api = server();

    // Act
    renderAt(api, "#/admin/findings", { user: "home-affairs" });
    await waitFor(() => expect(screen.queryByTestId("findings-list")).not.toBeNull());
    await settled();

    // Assess: 2024-07 is running; the workspace opens on 2024-H1, and names things.
    expect(window.location.hash).toBe("#/admin/findings?period=2024-H1");
    const [draft, concluded] = screen.getAllByTestId("finding");
    expect(within(draft as HTMLElement).getByTestId("finding-unit-name").textContent).toBe("Sở Tư pháp tỉnh Đồng Nai");
    expect(concluded?.textContent).toContain("thông báo kết luận số TB-7 ngày 05/07/2024");
    expect(concluded?.textContent).not.toContain(LOCKING);
    expect(screen.getByTestId("findings-list").textContent).not.toContain(STP);

    // Act: a unit found by its name typed without diacritics.
    await pick("finding-unit", "xay dung", SXD);
    expect(screen.getByTestId("finding-unit-chosen").textContent).toContain("Sở Xây dựng tỉnh Đồng Nai");
    await fireEvent.input(screen.getByLabelText("Căn cứ, minh chứng"), { target: { value: "BB 15/2024" } });
    await fireEvent.submit(screen.getByTestId("finding-form"));
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(3));
    expect(api.calls.find((c) => c.method === "POST" && c.path === "/v1/admin/findings")?.body).toMatchObject({ unitId: SXD, period: "2024-H1", criterion: "PAR5", deduction: 1, evidence: "BB 15/2024" });

    // Act: recording the notice asks first; nothing is sent before the confirmation.
    await fireEvent.input(within(draft as HTMLElement).getByTestId("notice-number"), { target: { value: "TB-9" } });
    await fireEvent.input(within(draft as HTMLElement).getByTestId("notice-date"), { target: { value: "2024-07-10" } });
    await fireEvent.click(within(draft as HTMLElement).getByTestId("finding-conclude"));
    const confirm = await within(draft as HTMLElement).findByTestId("conclude-confirm");
    expect(confirm.textContent).toContain("số TB-9 ngày 10/07/2024");
    expect(api.calls.some((c) => c.path.endsWith("/conclude"))).toBe(false);
    await fireEvent.click(within(confirm).getByTestId("conclude-confirm-yes"));

    // Assess
    await waitFor(() => expect(screen.getAllByTestId("finding").find((f) => f.dataset.findingId === "F-1")?.dataset.status).toBe("CONCLUDED"));
    expect(api.calls.find((c) => c.path === "/v1/admin/findings/F-1/conclude")?.ifMatch).toBe('"1"');
    expect(screen.getByTestId("admin-outcome").dataset.kind).toBe("ok");
  });

  it("cancelling the confirmation sends nothing", async () => {
    const api = server();
    renderAt(api, "#/admin/findings?period=2024-H1", { user: "home-affairs" });
    await waitFor(() => expect(screen.queryByTestId("findings-list")).not.toBeNull());
    const draft = screen.getAllByTestId("finding")[0] as HTMLElement;
    await fireEvent.input(within(draft).getByTestId("notice-number"), { target: { value: "TB-9" } });
    await fireEvent.input(within(draft).getByTestId("notice-date"), { target: { value: "2024-07-10" } });
    await fireEvent.click(within(draft).getByTestId("finding-conclude"));
    await fireEvent.click(await within(draft).findByTestId("conclude-confirm-no"));
    expect(within(draft).queryByTestId("conclude-confirm")).toBeNull();
    expect(api.calls.some((c) => c.path.endsWith("/conclude"))).toBe(false);
  });

  it("says what is wrong in the page's language: a missing unit before any request, the server's refusal by field", async () => {
    // Prepare: the server refuses the deduction, in its own English.
    const api = server({ refuseFinding: { field: "deduction", code: "OUT_OF_RANGE", message: "more than 0 and at most 12 (the maximum of PAR5)" } });
    renderAt(api, "#/admin/findings?period=2024-H1", { user: "home-affairs" });
    await waitFor(() => expect(screen.queryByTestId("findings-list")).not.toBeNull());

    // Act: no unit chosen.
    await fireEvent.submit(screen.getByTestId("finding-form"));

    // Assess
    expect(screen.getByTestId("admin-outcome").textContent).toContain("Đơn vị: chưa nhập");
    expect(api.calls.some((c) => c.method === "POST")).toBe(false);

    // Act: a unit, and a deduction the server refuses.
    await pick("finding-unit", "tu phap", STP);
    await fireEvent.input(screen.getByLabelText("Điểm trừ"), { target: { value: "40" } });
    await fireEvent.input(screen.getByLabelText("Căn cứ, minh chứng"), { target: { value: "BB 15/2024" } });
    await fireEvent.submit(screen.getByTestId("finding-form"));
    await waitFor(() => expect(screen.getByTestId("admin-outcome").textContent).toContain("Điểm trừ"));

    // Assess: Vietnamese, the field by its name; none of the server's English.
    const text = screen.getByTestId("admin-outcome").textContent ?? "";
    expect(text).toContain("Dữ liệu chưa hợp lệ:");
    expect(text).toContain("Điểm trừ: ngoài phạm vi cho phép");
    expect(text).not.toMatch(/deduction|maximum|English/);

    // In English, the same refusal in English words of the page.
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(screen.getByTestId("admin-outcome").textContent).toContain("Deduction: out of the allowed range");
  });
});

describe("Page: Sở Nội vụ — manual criteria", () => {
  it("chooses the unit by name; a lock names its notice (number and date), never an id", async () => {
    // Prepare
    const api = server();
    renderAt(api, "#/admin/criteria?period=2024-H1", { user: "home-affairs" });
    await settled();

    // Act
    await pick("criteria-unit", "so tu phap", STP);
    await waitFor(() => expect(window.location.hash).toBe(`#/admin/criteria?period=2024-H1&unitId=${STP}`));
    await waitFor(() => expect(screen.queryByTestId("criteria-table")).not.toBeNull());
    await settled();

    // Assess
    const rows = screen.getAllByTestId("criterion");
    expect(rows.map((r) => r.dataset.criterion)).toEqual(["PAR1", "PAR3", "PAR5"]);
    const lock = within(rows[2] as HTMLElement).getByTestId("criterion-lock");
    expect(lock.textContent).toContain("Khóa bởi thông báo kết luận số TB-7 ngày 05/07/2024");
    expect(lock.textContent).not.toContain(LOCKING);
    expect(within(rows[2] as HTMLElement).queryByTestId("criterion-save")).toBeNull();
    expect(within(rows[1] as HTMLElement).queryByTestId("criterion-save")).toBeNull();
    expect(screen.getByTestId("criteria-table").querySelector("caption")?.textContent).toContain("Sở Tư pháp tỉnh Đồng Nai");

    // Act: appraise the manual one.
    await fireEvent.input(within(rows[0] as HTMLElement).getByTestId("criterion-points"), { target: { value: "8.5" } });
    await fireEvent.input(within(rows[0] as HTMLElement).getByTestId("criterion-evidence"), { target: { value: "Tự đánh giá đã thẩm định" } });
    await fireEvent.click(within(rows[0] as HTMLElement).getByTestId("criterion-save"));
    await waitFor(() => expect(screen.getByTestId("admin-outcome").dataset.kind).toBe("ok"));
    const put = api.calls.find((c) => c.method === "PUT");
    expect(put).toMatchObject({ path: `/v1/admin/criteria/${STP}/2024-H1/PAR1`, ifMatch: '"0"', body: { points: 8.5, evidence: "Tự đánh giá đã thẩm định" } });
  });
});

const aManualIndicator = (o: Partial<ManualIndicator> = {}): ManualIndicator => ({
  unitId: STP, period: "2024-H1", indicator: "D3", group: "SHHS", max: 2, target: 1, numerator: null, denominator: null, ratio: null, points: null,
  evidence: null, version: 0, lockedBy: [], locked: false, updatedAt: null, updatedBy: null, ...o,
});

describe("Page: Sở Nội vụ — indicators entered by Home Affairs (D3, certified electronic copies)", () => {
  const form = (card: HTMLElement) => ({
    numerator: within(card).getByLabelText("Tử số") as HTMLInputElement,
    denominator: within(card).getByLabelText("Mẫu số") as HTMLInputElement,
    evidence: within(card).getByLabelText("Căn cứ, minh chứng") as HTMLInputElement,
  });
  const type = async (input: HTMLInputElement, value: string) => fireEvent.input(input, { target: { value } });

  it("below the criteria of the unit picked by name: checked before anything is sent (the field named), confirmed, saved at the version seen; who and when shown", async () => {
    // Prepare
    const api = server({ indicators: { [`${STP}/2024-H1`]: [aManualIndicator()] } });
    renderAt(api, "#/admin/criteria?period=2024-H1", { user: "home-affairs" });
    await settled();

    // Act: the same unit picker as the criteria.
    await pick("criteria-unit", "so tu phap", STP);
    const section = await screen.findByTestId("manual-indicators");
    await settled();

    // Assess: named, defined, not entered yet.
    expect(within(section).getByRole("heading", { level: 3 }).textContent).toBe("Chỉ số do Sở Nội vụ nhập — Sở Tư pháp tỉnh Đồng Nai");
    const card = within(section).getByTestId("manual-indicator");
    expect(card.dataset.indicator).toBe("D3");
    expect(within(card).getByRole("heading", { level: 4 }).textContent).toBe("Chứng thực bản sao điện tử từ bản chính D3");
    expect(card.textContent).toContain("Nhóm Số hóa hồ sơ · tối đa 2 điểm");
    const definition = [...within(card).getByTestId("indicator-definition").querySelectorAll("div")].map((d) => [d.querySelector("dt")?.textContent, d.querySelector("dd")?.textContent]);
    expect(definition).toEqual([
      ["Tử số", "Số yêu cầu chứng thực bản sao từ bản chính được thực hiện dưới dạng bản sao điện tử, do Sở Nội vụ cập nhật"],
      ["Mẫu số", "Tổng số yêu cầu chứng thực bản sao từ bản chính, do Sở Nội vụ cập nhật"],
    ]);
    expect(within(card).getByTestId("indicator-current").textContent).toBe("Chưa nhập — tổng điểm của đơn vị chưa đầy đủ.");
    const f = form(card);
    expect(f.denominator.getAttribute("aria-describedby")?.split(" ").map((id) => document.getElementById(id)?.textContent)).toEqual([
      "Tổng số yêu cầu chứng thực bản sao từ bản chính, do Sở Nội vụ cập nhật",
      "Số nguyên, không âm; ví dụ 1.234.",
    ]);

    // Act: more electronic copies than requests, no evidence — refused by the form, nothing sent.
    await type(f.numerator, "60");
    await type(f.denominator, "50");
    await fireEvent.submit(within(card).getByTestId("indicator-form"));

    // Assess: each field named, in Vietnamese; the inputs marked.
    const refused = within(card).getByTestId("indicators-outcome");
    expect(refused.dataset.kind).toBe("error");
    expect([...within(refused).getAllByRole("listitem")].map((li) => li.textContent)).toEqual(["Tử số: không được lớn hơn mẫu số", "Căn cứ, minh chứng: chưa nhập"]);
    expect([f.numerator.getAttribute("aria-invalid"), f.denominator.getAttribute("aria-invalid"), f.evidence.getAttribute("aria-invalid")]).toEqual(["true", null, "true"]);
    expect(within(card).queryByTestId("indicator-confirm")).toBeNull();

    // Act: a decimal is not a count.
    await type(f.numerator, "4,5");
    await type(f.evidence, "Báo cáo 12/BC-STP ngày 05/07/2024");
    await fireEvent.submit(within(card).getByTestId("indicator-form"));
    expect(within(card).getByTestId("indicators-outcome").textContent).toContain("Tử số: phải là số nguyên, không âm");

    // Act: 45 of 50 — the ratio and points as scoring will give them; asked to confirm, then cancelled.
    await type(f.numerator, "45");
    expect(within(card).getByTestId("indicator-preview").textContent).toBe("90,0% → 1,8/2 điểm");
    await fireEvent.submit(within(card).getByTestId("indicator-form"));
    const confirm = within(card).getByTestId("indicator-confirm");
    expect(confirm.getAttribute("role")).toBe("alertdialog");
    expect(confirm.textContent).toContain("Ghi số liệu D3 của Sở Tư pháp tỉnh Đồng Nai, 6 tháng đầu năm 2024: 45/50 (90,0% → 1,8/2 điểm)?");
    expect(within(card).queryByTestId("indicators-outcome")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByTestId("indicator-confirm-yes")));
    await fireEvent.click(within(confirm).getByTestId("indicator-confirm-no"));
    expect(within(card).queryByTestId("indicator-confirm")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(card).getByTestId("indicator-save")));
    expect(api.calls.filter((c) => c.method === "PUT")).toEqual([]);

    // Act: again, and confirmed.
    await fireEvent.submit(within(card).getByTestId("indicator-form"));
    await fireEvent.click(within(card).getByTestId("indicator-confirm-yes"));
    await waitFor(() => expect(screen.getByTestId("manual-indicator").dataset.version).toBe("1"));

    // Assess: sent once at version 0, the counts only; the page says the draft ranking was scored again, and shows the entry.
    const puts = api.calls.filter((c) => c.method === "PUT");
    expect(puts).toEqual([expect.objectContaining({ path: `/v1/admin/indicators/${STP}/2024-H1/D3`, ifMatch: '"0"', body: { numerator: 45, denominator: 50, evidence: "Báo cáo 12/BC-STP ngày 05/07/2024" } })]);
    const saved = screen.getByTestId("manual-indicator");
    expect(within(saved).getByTestId("indicators-outcome").textContent).toBe("Đã lưu số liệu D3; bảng xếp hạng nháp của kỳ đã được tính lại.");
    expect([within(saved).getByTestId("current-numerator").textContent, within(saved).getByTestId("current-denominator").textContent, within(saved).getByTestId("current-result").textContent]).toEqual(["45", "50", "90,0% → 1,8/2 điểm"]);
    expect(within(saved).getByTestId("indicator-entered").textContent?.replace(/\s+/g, " ").trim()).toBe("Phiên bản 1 · nhập lúc 10:05 15/07/2024 · bởi Sở Nội vụ (home-affairs)");
    expect((within(saved).getByLabelText("Tử số") as HTMLInputElement).value).toBe("45");
  });

  it("in English: labels, the check and the preview in English; counts grouped the English way", async () => {
    // Prepare
    const api = server({ indicators: { [`${STP}/2024-H1`]: [aManualIndicator()] } });
    renderAt(api, `#/admin/criteria?period=2024-H1&unitId=${STP}&lang=en`, { user: "home-affairs" });
    const card = await screen.findByTestId("manual-indicator");
    await settled();

    // Act
    await fireEvent.input(within(card).getByLabelText("Numerator"), { target: { value: "1,500" } });
    await fireEvent.input(within(card).getByLabelText("Denominator"), { target: { value: "1.234" } });
    await fireEvent.submit(within(card).getByTestId("indicator-form"));

    // Assess
    expect(within(screen.getByTestId("manual-indicators")).getByRole("heading", { level: 3 }).textContent).toContain("Indicators entered by Home Affairs");
    expect(within(card).getByRole("heading", { level: 4 }).textContent).toBe("Certified electronic copies D3");
    expect([...within(within(card).getByTestId("indicators-outcome")).getAllByRole("listitem")].map((li) => li.textContent)).toEqual([
      "Denominator: must be a whole number, 0 or more",
      "Evidence: missing",
    ]);
    await fireEvent.input(within(card).getByLabelText("Denominator"), { target: { value: "2,000" } });
    expect(within(card).getByTestId("indicator-preview").textContent).toBe("75.0% → 1.5 of 2 points");
    expect(api.calls.filter((c) => c.method === "PUT")).toEqual([]);
  });

  it("an indicator locked by a concluded finding is read-only and names the notice, never its id; the figures in use stay shown", async () => {
    // Prepare
    const locked = aManualIndicator({
      numerator: 48, denominator: 50, ratio: 0.96, points: 1.92, evidence: "BC 12", version: 2, locked: true, lockedBy: [LOCKING],
      updatedAt: "2024-07-03T02:00:00.000Z", updatedBy: { sub: "seed", role: "system" },
    });
    const api = server({ indicators: { [`${STP}/2024-H1`]: [locked] } });
    renderAt(api, `#/admin/criteria?period=2024-H1&unitId=${STP}`, { user: "home-affairs" });

    // Act
    const card = await screen.findByTestId("manual-indicator");
    await settled();

    // Assess
    expect(card.dataset.locked).toBe("true");
    expect(within(card).getByTestId("indicator-lock").textContent).toContain("Khóa bởi thông báo kết luận số TB-7 ngày 05/07/2024");
    expect(card.textContent).not.toContain(LOCKING);
    expect(within(card).queryByTestId("indicator-form")).toBeNull();
    expect(within(card).getByTestId("current-result").textContent).toBe("96,0% → 1,92/2 điểm");
    expect(within(card).getByTestId("indicator-entered").textContent?.replace(/\s+/g, " ").trim()).toBe("Phiên bản 2 · nhập lúc 09:00 03/07/2024 · bởi bộ sinh dữ liệu mẫu");
  });

  it("someone else saved first: the conflict is said, the newest figures shown, nothing overwritten", async () => {
    // Prepare
    const api = server({ indicators: { [`${STP}/2024-H1`]: [aManualIndicator()] } });
    renderAt(api, `#/admin/criteria?period=2024-H1&unitId=${STP}`, { user: "home-affairs" });
    const card = await screen.findByTestId("manual-indicator");
    await settled();
    // Another officer enters 40 of 50 meanwhile.
    await api.fetch(`/v1/admin/indicators/${STP}/2024-H1/D3`, { method: "PUT", headers: { authorization: "Bearer tok-home-affairs", "if-match": '"0"' }, body: JSON.stringify({ numerator: 40, denominator: 50, evidence: "BC 11" }) });

    // Act
    await fireEvent.input(within(card).getByLabelText("Tử số"), { target: { value: "45" } });
    await fireEvent.input(within(card).getByLabelText("Mẫu số"), { target: { value: "50" } });
    await fireEvent.input(within(card).getByLabelText("Căn cứ, minh chứng"), { target: { value: "BC 12" } });
    await fireEvent.submit(within(card).getByTestId("indicator-form"));
    await fireEvent.click(within(card).getByTestId("indicator-confirm-yes"));

    // Assess
    await waitFor(() => expect(screen.getByTestId("manual-indicator").dataset.version).toBe("1"));
    const now = screen.getByTestId("manual-indicator");
    expect(within(now).getByTestId("indicators-outcome").textContent).toContain("Bản ghi đã được người khác thay đổi");
    expect(within(now).getByTestId("current-numerator").textContent).toBe("40");
  });
});

describe("Page: Sở Nội vụ — publishing (preview, confirm, unchanged refused)", () => {
  const withPreview = (preview: PublicationPreview, publications?: Parameters<typeof adminServer>[0]["publications"]) => server({ previews: { "2024-H1": preview }, ...(publications ? { publications } : {}) });

  it("before the first publication the status is true, and publishing shows what it will record before it publishes", async () => {
    // Prepare
    const api = withPreview(aPreview());
    renderAt(api, "#/admin/publish?period=2024-H1", { user: "home-affairs" });
    await settled();

    // Assess: never published — said so (not "the draft matches the published version").
    expect(screen.getByTestId("never-published").textContent).toBe("Kỳ này chưa công bố lần nào.");
    expect(screen.getByTestId("admin-page").textContent).not.toContain("trùng với bản đã công bố");

    // Act: preview — nothing published yet.
    await fireEvent.click(screen.getByTestId("publish-preview"));
    await screen.findByTestId("publish-first");
    expect(api.published).toEqual([]);
    expect(screen.getByTestId("publish-preview-panel").textContent).toContain("Nếu công bố bây giờ: phiên bản 1");

    // Act: confirm.
    await fireEvent.click(screen.getByTestId("publish-confirm"));
    await screen.findByTestId("publish-result");

    // Assess
    expect(api.published).toEqual(["2024-H1"]);
    expect(screen.getByTestId("publish-result").textContent).toBe("Đã công bố phiên bản 1.");
    await waitFor(() => expect(screen.getByTestId("draft-state").textContent).toContain("đã công bố phiên bản 1 ngày 20/07/2024"));
  });

  it("lists the differences with indicator names before publishing a new version; cancel publishes nothing", async () => {
    // Prepare: V1 published; the draft moved.
    const v1 = { period: "2024-H1", methodology: "dn-2026.1", version: 1, label: "V1", publishedAt: "2024-07-20T02:00:00.000Z", publishedBy: { sub: "home-affairs", role: "home-affairs" }, tiers: ["DEPARTMENT"], differences: {} };
    const api = withPreview(
      aPreview({ version: 2, previousVersion: 1, tiers: ["DEPARTMENT"], differences: { DEPARTMENT: [aDifference(STP, "Sở Tư pháp tỉnh Đồng Nai"), aDifference(SXD, "Sở Xây dựng tỉnh Đồng Nai", { total: null, rank: { before: 1, after: 2 }, indicators: [], explainedBy: [] })] } }),
      { "2024-H1": { period: "2024-H1", versions: [v1], draft: { DEPARTMENT: { version: 1, publishedAt: v1.publishedAt, draftDiffers: true } } } },
    );
    renderAt(api, "#/admin/publish?period=2024-H1", { user: "home-affairs" });
    await settled();
    expect(screen.getByTestId("draft-state").textContent).toContain("đã công bố phiên bản 1 ngày 20/07/2024 — số liệu hiện tại đã khác bản công bố");

    // Act
    await fireEvent.click(screen.getByTestId("publish-preview"));
    const panel = await screen.findByTestId("publish-preview-panel");
    await waitFor(() => expect(within(panel).queryAllByTestId("difference")).toHaveLength(2));

    // Assess: by name; the indicator by its name, with its points — not "P1" alone.
    const [stp, sxd] = within(panel).getAllByTestId("difference");
    expect(stp?.textContent).toContain("Sở Tư pháp tỉnh Đồng Nai");
    expect(within(stp as HTMLElement).getByTestId("difference-because").textContent).toBe("Đúng hạn (P1) 18,00 → 19,40");
    expect(within(sxd as HTMLElement).getByTestId("difference-because").textContent).toContain("chỉ đổi hạng");
    expect(api.published).toEqual([]);

    // Act: cancel.
    await fireEvent.click(within(panel).getByTestId("publish-cancel"));
    expect(screen.queryByTestId("publish-preview-panel")).toBeNull();
    expect(api.published).toEqual([]);
  });

  it("an unchanged draft cannot be published: the preview says so and offers no confirmation; the server's refusal is worded the same", async () => {
    // Prepare
    const api = withPreview(aPreview());
    renderAt(api, "#/admin/publish?period=2024-H1", { user: "home-affairs" });
    await settled();
    await fireEvent.click(screen.getByTestId("publish-preview"));
    await fireEvent.click(await screen.findByTestId("publish-confirm"));
    await screen.findByTestId("publish-result");

    // Act: preview again, nothing changed since V1.
    await fireEvent.click(screen.getByTestId("publish-preview"));

    // Assess
    expect((await screen.findByTestId("publish-unchanged")).textContent).toBe(
      "Bản nháp hiện tại trùng với phiên bản 1 đã công bố (cả số liệu và xếp loại): không có gì mới để công bố.",
    );
    expect(screen.queryByTestId("publish-confirm")).toBeNull();

    // And a 409 NO_CHANGES from the server (another tab published meanwhile) reads the same, in the page's language.
    await fireEvent.click(screen.getByTestId("publish-cancel"));
    api.previews.set("2024-H1", aPreview({ version: 2, previousVersion: 1, changed: true }));
    await fireEvent.click(screen.getByTestId("publish-preview"));
    api.previews.set("2024-H1", aPreview({ version: 2, previousVersion: 1, changed: false }));
    await fireEvent.click(await screen.findByTestId("publish-confirm"));
    await waitFor(() => expect(screen.getByTestId("admin-outcome").dataset.code).toBe("NO_CHANGES"));
    expect(screen.getByTestId("admin-outcome").textContent).toContain("không có gì mới để công bố");
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(screen.getByTestId("admin-outcome").textContent).toContain("there is nothing new to publish");
  });
});

describe("Page: Sở Nội vụ — heads of unit (searched, paged, every unit reachable)", () => {
  const everyUnit = (): HeadRoster[] =>
    unitCatalog()
      .units.filter((u) => u.tier !== "PROVINCE")
      .map((u, i) => ({ unitId: u.unitId, version: 1, heads: i % 2 === 0 ? [{ headId: `H-${u.unitId}`, unitId: u.unitId, name: i === 0 ? "Đặng Thị Lan (demo)" : `Người ${i} (demo)`, title: "Chủ tịch UBND", tenureFrom: "2020-01-01", tenureTo: null, demo: true }] : [] }));

  it("pages through every unit, and finds units and people by name without diacritics", async () => {
    // Prepare
    const rosters = everyUnit();
    renderAt(fullServer({ meta: META, heads: rosters }), "#/admin/heads", { user: "home-affairs" });
    await waitFor(() => expect(screen.queryByTestId("heads-table")).not.toBeNull());
    await settled();
    const shownUnits = () => [...new Set(screen.getAllByTestId("head").map((r) => r.dataset.unitId))];

    // Assess: the count says how many there are; 20 per page.
    expect(screen.getByTestId("heads-count").textContent).toBe(`Đơn vị 1–20 trong ${rosters.length}`);
    expect(shownUnits()).toHaveLength(20);

    // Act: to the last page — every unit is reachable.
    const seen = new Set(shownUnits());
    while (!(screen.getByTestId("heads-next") as HTMLButtonElement).disabled) {
      await fireEvent.click(screen.getByTestId("heads-next"));
      for (const u of shownUnits()) seen.add(u);
    }
    expect(seen.size).toBe(rosters.length);
    expect(screen.getByTestId("heads-page").textContent).toBe(`Trang ${Math.ceil(rosters.length / 20)}/${Math.ceil(rosters.length / 20)}`);

    // Act: search a unit's name without diacritics ("bien hoa" → Biên Hòa), and a person's (đ → d).
    await fireEvent.input(screen.getByTestId("heads-filter"), { target: { value: "bien hoa" } });
    expect(shownUnits().sort()).toEqual(["COM-26068-2025", "DIST-731"]);
    expect(screen.getByTestId("heads-count").textContent).toBe("Đơn vị 1–2 trong 2");
    await fireEvent.input(screen.getByTestId("heads-filter"), { target: { value: "dang thi lan" } });
    expect(shownUnits()).toEqual([rosters[0]?.unitId]);
    await fireEvent.input(screen.getByTestId("heads-filter"), { target: { value: "khong co ai" } });
    expect(screen.getByTestId("heads-count").textContent).toBe("Không có đơn vị hay người đứng đầu nào khớp với “khong co ai”.");
  });

  it("adds a head to a unit chosen by name", async () => {
    const api = server();
    renderAt(api, "#/admin/heads", { user: "home-affairs" });
    await waitFor(() => expect(screen.queryByTestId("head-form")).not.toBeNull());
    await pick("head-unit", "tư pháp", STP);
    await fireEvent.input(screen.getByLabelText("Họ tên"), { target: { value: "Trần Văn B (demo)" } });
    await fireEvent.input(screen.getByLabelText("Chức vụ"), { target: { value: "Giám đốc" } });
    await fireEvent.input(screen.getByLabelText("Từ ngày"), { target: { value: "2024-08-01" } });
    await fireEvent.submit(screen.getByTestId("head-form"));
    await waitFor(() => expect(api.calls.some((c) => c.method === "POST" && c.path === `/v1/admin/units/${STP}/heads`)).toBe(true));
  });
});

describe("Page: Sở Nội vụ — access and the audit log", () => {
  it("keeps the chairman out of the workspace (his home is the overview)", async () => {
    const api = server();
    renderAt(api, "#/admin/findings", { user: "chairman" });
    await waitFor(() => expect(window.location.hash.startsWith("#/overview")).toBe(true));
    expect(api.callsTo("/v1/admin/")).toEqual([]);
  });

  it("lists the audit log with roles by name", async () => {
    renderAt(server(), "#/admin/audit", { user: "home-affairs" });
    await waitFor(() => expect(screen.queryByTestId("audit-table")).not.toBeNull());
    expect(screen.getAllByTestId("audit-entry")[0]?.textContent).toContain("home-affairs (Sở Nội vụ)");
  });
});

describe("Page: Sở Nội vụ — the findings are asked for once per period", () => {
  const twoPeriods = () => fullServer({ meta: aMeta({ periods: ["2024-H1", "2023-H2"] }), findings: [aFinding(), aFinding({ findingId: "F-3", period: "2023-H2" })] });
  const findingsCalls = (api: ReturnType<typeof fullServer>) => api.callsTo("/v1/admin/findings").filter((c) => c.method === "GET").map((c) => c.path);

  // Without a period the page gives the URL its period (app.canonicalise): that must not ask for the findings a second time.
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
