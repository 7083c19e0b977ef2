import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { aFullUnit, aMeta, aSnapshot, departmentsH1, ranked } from "./support/builders.js";
import { fullServer } from "./support/full-server.js";
import { renderAt, settled } from "./support/render-app.js";

/** Files handed to the browser by the export buttons. */
let saved: Blob[] = [];
beforeEach(() => {
  saved = [];
  URL.createObjectURL = ((b: Blob) => {
    saved.push(b);
    return "blob:test";
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

function server() {
  const units = ranked([
    aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }),
    aFullUnit("DEPT-SXD", "Sở Xây dựng", { early: 40, onTime: 40, late: 15, overdue: 5 }),
  ]);
  return fullServer({ meta: aMeta({ periods: ["2024-H1"] }), rankings: { "2024-H1/DEPARTMENT": aSnapshot({ units }) } });
}

describe("Public pages: unit indicators, methodology, printable report, open data", () => {
  it("a unit's public page shows its indicators by group with the as-of time, and suppresses counts below 5", async () => {
    const api = server();
    renderAt(api, "#/public/units/DEPT-STP?period=2024-H1");
    await settled();

    await waitFor(() => expect(window.location.hash).toBe("#/public/units/DEPT-STP?period=2024-H1&tier=DEPARTMENT"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sở Tư pháp");
    expect(screen.getByTestId("as-of").querySelector("time")?.getAttribute("datetime")).toBe("2024-06-30T17:00:00.000Z");
    const d1 = screen.getAllByTestId("indicator-row").find((r) => r.dataset.code === "D1") as HTMLElement;
    // D1 is 3 / 4: both below 5, so both suppressed; the ratio and points (the published score) stay.
    expect([...d1.querySelectorAll("td")].map((c) => c.textContent?.trim()).slice(0, 2)).toEqual(["<5", "<5"]);
    const late = screen.getByTestId("public-counts").querySelector("[data-count=LATE]");
    expect(late?.textContent).toContain("<5");
    expect(screen.getByTestId("suppressed-note")).toBeTruthy();
    expect(api.calls.every((c) => c.path.startsWith("/v1/public/"))).toBe(true);
  });

  it("a unit merged away before the period is named, with its successors and its own last period linked, not a code and \"no data\"", async () => {
    // Sở Thông tin và Truyền thông ended on 28 February 2025; its tasks went to two departments.
    const units = ranked([aFullUnit("DEPT-SKHCN-202507", "Sở Khoa học và Công nghệ tỉnh Đồng Nai", { early: 60, onTime: 37, late: 2, overdue: 1 })]);
    const before = ranked([aFullUnit("DEPT-STTTT-2020", "Sở Thông tin và Truyền thông tỉnh Đồng Nai", { early: 50, onTime: 30, late: 5, overdue: 0 })]);
    const api = fullServer({
      meta: aMeta({ periods: ["2026-H1", "2025-H2", "2025-01", "2024-H2"], published: [{ period: "2026-H1", version: 1, publishedAt: "2026-07-05T01:00:00Z" }, { period: "2024-H2", version: 1, publishedAt: "2025-01-05T01:00:00Z" }] }),
      rankings: { "2026-H1/DEPARTMENT": aSnapshot({ period: "2026-H1", units }), "2024-H2/DEPARTMENT": aSnapshot({ period: "2024-H2", units: before }) },
    });
    renderAt(api, "#/public/units/DEPT-STTTT-2020", { now: new Date("2026-12-07T03:00:00Z") });
    await settled();

    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sở Thông tin và Truyền thông tỉnh Đồng Nai"));
    const notice = screen.getByTestId("reorg-notice");
    expect(notice.dataset.kind).toBe("ended");
    expect(notice.textContent).toContain("Đơn vị đã kết thúc hoạt động từ 01/03/2025; địa bàn và nhiệm vụ chuyển cho 2 đơn vị:");
    const successors = screen.getAllByTestId("reorg-unit");
    expect(successors.map((li) => li.dataset.unitId)).toEqual(["DEPT-SKHCN-202507", "DEPT-SVHTTDL-202507"]);
    // Public links only, to the successors' public pages for the period shown.
    expect(successors[0]?.querySelector("a")?.getAttribute("href")).toBe("#/public/units/DEPT-SKHCN-202507?period=2026-H1");
    expect(notice.textContent).not.toContain("trang công khai");
    // Its own newest published period it existed at the end of: 2024-H2 (2025-01 is not published; the published one comes first).
    const own = screen.getByTestId("reorg-last-period");
    expect(own.textContent).toBe("Xem số liệu của đơn vị: 6 tháng cuối năm 2024");
    expect(own.getAttribute("href")).toBe("#/public/units/DEPT-STTTT-2020?period=2024-H2");
    expect(screen.queryByText("Không có đơn vị này trong bảng xếp hạng của kỳ.")).toBeNull();
    expect(document.body.dataset.state).toBe("ready");
    expect(api.calls.every((c) => c.path.startsWith("/v1/public/"))).toBe(true);
  });

  it("a unit the catalog does not know, missing from the ranking, still says so plainly", async () => {
    renderAt(server(), "#/public/units/DEPT-NOPE?period=2024-H1");
    await settled();
    await waitFor(() => expect(document.body.dataset.state).toBe("ready"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("DEPT-NOPE");
    expect(screen.getByText("Không có đơn vị này trong bảng xếp hạng của kỳ.")).toBeTruthy();
    expect(screen.queryByTestId("reorg-notice")).toBeNull();
  });

  it("the rankings page links each unit to its public page and downloads the CSV of the ranking shown", async () => {
    renderAt(server(), "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    await fireEvent.click(screen.getByTestId("ranking-export-csv"));
    await waitFor(() => expect(saved).toHaveLength(1));
    const csv = await saved[0]!.text();
    expect(csv).toContain("6 tháng đầu năm 2024 (2024-H1)");
    expect(csv).toContain("Phương pháp 2026.1");
    // A suppressed count is an empty cell, named in the row's last column — never "<5" in a numeric column.
    expect(csv).not.toContain("<5,");
    expect(csv.split("\r\n").find((l) => l.includes("DEPT-STP"))?.endsWith(",60,37,,,0,Trễ hạn; Quá hạn")).toBe(true);
    await fireEvent.click(screen.getByTestId("ranking-export-xlsx"));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]?.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    await fireEvent.click(screen.getAllByTestId("unit-link")[0]!);
    await waitFor(() => expect(screen.queryByTestId("public-unit-page")).not.toBeNull());
    await settled();
    expect(window.location.hash).toBe("#/public/units/DEPT-STP?period=2024-H1&tier=DEPARTMENT");
  });

  it("the methodology page shows formulas, weights, bands, sources and marks provisional items", async () => {
    renderAt(server(), "#/methodology");
    await settled();

    // The version the figures were scored with (the meta names it), by its number and name: no code identifier.
    expect(screen.getByTestId("methodology-version").textContent).toBe("2026.1 — Bộ chỉ số đánh giá chất lượng phục vụ người dân, doanh nghiệp tỉnh Đồng Nai, phiên bản 2026.1");
    expect(screen.getByTestId("methodology-effective").textContent).toBe("01/01/2026");
    expect(screen.getByTestId("methodology-groups").querySelectorAll("tbody[data-group]")).toHaveLength(6);
    const o1 = screen.getAllByTestId("methodology-indicator").find((r) => r.dataset.code === "O1") as HTMLElement;
    expect(o1.dataset.provisional).toBe("true");
    expect(o1.textContent).toContain("tạm thời");
    expect(o1.textContent).toContain("80,0%");
    const p1 = screen.getAllByTestId("methodology-indicator").find((r) => r.dataset.code === "P1") as HTMLElement;
    expect(p1.dataset.provisional).toBe("false");
    expect(screen.getByTestId("methodology-responsibility").textContent).toContain("R7");
    expect(screen.getByTestId("methodology-sources").textContent).toContain("766/QĐ-TTg");
  });

  it("the printable report renders a tier and period for A4 and sets body[data-state]=ready", async () => {
    renderAt(server(), "#/report?period=2024-H1&tier=DEPARTMENT");
    await settled();

    expect(screen.getByTestId("report-page").dataset.period).toBe("2024-H1");
    expect(screen.getByTestId("report-subtitle").textContent).toBe("Sở, ban, ngành — 6 tháng đầu năm 2024");
    expect(screen.getAllByTestId("report-row").map((r) => r.dataset.unitId)).toEqual(["DEPT-STP", "DEPT-SXD"]);
    expect(screen.getByTestId("report-meta").textContent).toContain("Phương pháp2026.1");
    expect(screen.getByTestId("report-status").textContent).toBe("Đã công bố — phiên bản 1");
    expect(document.body.dataset.state).toBe("ready");
  });
});

describe("Public payloads: only aggregate fields are rendered", () => {
  it("never shows a case id or a person, even if a payload carried one, on any public page or export", async () => {
    // Prepare: a public payload polluted with case-level and personal fields.
    const base = departmentsH1();
    const polluted = {
      ...base,
      cases: [{ caseId: "SECRET-CASE-0" }],
      units: base.units.map((u) => ({
        ...u,
        caseId: "SECRET-CASE-1",
        applicant: { name: "Nguyễn Văn Bí Mật", idNumber: "079123456789" },
        cases: [{ caseId: "SECRET-CASE-2", applicantName: "Trần Thị Riêng Tư" }],
        indicators: { ...u.indicators, P1: { ...u.indicators.P1!, caseIds: ["SECRET-CASE-3"] } },
      })),
    };
    const api = fullServer({ meta: aMeta({ periods: ["2024-H1"] }), rankings: { "2024-H1/DEPARTMENT": polluted as typeof base } });
    const secrets = ["SECRET-CASE", "Bí Mật", "079123456789", "Riêng Tư"];
    const leaks = (text: string) => secrets.filter((s) => text.includes(s));

    // Act & Assess: rankings (with its CSV), a unit's public page (with its CSV), the report.
    renderAt(api, "?period=2024-H1&tier=DEPARTMENT");
    await settled();
    expect(leaks(document.body.innerHTML)).toEqual([]);
    await fireEvent.click(screen.getByTestId("ranking-export-csv"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(leaks(await saved[0]!.text())).toEqual([]);

    await fireEvent.click(screen.getAllByTestId("unit-link")[0]!);
    await waitFor(() => expect(screen.queryByTestId("public-unit-page")).not.toBeNull());
    await settled();
    expect(leaks(document.body.innerHTML)).toEqual([]);
    await fireEvent.click(screen.getByTestId("public-unit-export-csv"));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(leaks(await saved[1]!.text())).toEqual([]);

    window.location.hash = "#/report?period=2024-H1&tier=DEPARTMENT";
    await waitFor(() => expect(screen.queryByTestId("report-page")).not.toBeNull());
    await settled();
    expect(leaks(document.body.innerHTML)).toEqual([]);
    // And the public pages only ever asked the public routes.
    expect(api.calls.every((c) => c.path.startsWith("/v1/public/") && !c.authorized)).toBe(true);
  });
});
