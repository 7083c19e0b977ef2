import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { aMeta, aProblem, aSnapshot, communesH1, departmentsH1, departmentsQ1 } from "./support/builders.js";
import { deferred, fakeServer, type Answer } from "./support/fake-server.js";
import { renderApp, settled } from "./support/render-app.js";

const rowIds = () => screen.getAllByTestId("ranking-row").map((r) => r.dataset.unitId);
const cellTexts = (row: HTMLElement) => [...row.querySelectorAll("th, td")].map((c) => c.textContent?.replace(/\s+/g, " ").trim());
const periodSelect = () => screen.getByTestId("period-select") as HTMLSelectElement;

function standardServer() {
  return fakeServer({
    meta: aMeta(),
    rankings: {
      "2024-H1/DEPARTMENT": departmentsH1(),
      "2024-Q1/DEPARTMENT": departmentsQ1(),
      "2024-H1/COMMUNE": communesH1(),
    },
  });
}

describe("Page: Xếp hạng (rankings)", () => {
  it("ranks the rows of a snapshot in order, with Vietnamese labels and numbers", async () => {
    // Prepare
    const server = standardServer();

    // Act
    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    // Assess
    expect(document.documentElement.lang).toBe("vi");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Xếp hạng");
    const table = screen.getByTestId("ranking-table");
    expect(table.dataset.period).toBe("2024-H1");
    expect(table.querySelector("caption")?.textContent).toBe("Xếp hạng Sở, ban, ngành — 6 tháng đầu năm 2024");
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent?.replace(/\s+/g, " ").trim());
    // The maximum is the methodology's (100), never a sum of indicator maxima; groups and indicators by name, unit, code second.
    expect(headers.slice(0, 4)).toEqual(["Hạng", "Cơ quan, đơn vị", "Tổng điểm / 100", "Xếp loại"]);
    expect(headers.slice(4)).toEqual(["Công khai / 18", "Tiến độ / 20", "Trực tuyến / 12", "Thanh toán / 10", "Số hóa / 22", "Hài lòng / 18", "Đúng hạn % · P1"]);
    expect(rowIds()).toEqual(["DEPT-STP", "DEPT-SXD", "DEPT-STC"]);
    const [first] = screen.getAllByTestId("ranking-row");
    // A group without any computed indicator is "no data", never 0.
    expect(cellTexts(first!)).toEqual(["1", "Sở Tư pháp", "19,40", "Xuất sắc", "—Không có số liệu", "19,40", "—Không có số liệu", "—Không có số liệu", "—Không có số liệu", "—Không có số liệu", "97,0%"]);
    // Every indicator, with its points; then the dossier counts, suppressed from 1 to 4 on a public page.
    await fireEvent.click(screen.getByTestId("column-set-indicators"));
    expect(cellTexts(screen.getAllByTestId("ranking-row")[0]!).slice(4)).toEqual(["97,0% 19,40/20 điểm"]);
    await fireEvent.click(screen.getByTestId("column-set-counts"));
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent?.trim()).slice(4)).toEqual(["Trước hạn", "Đúng hạn", "Trễ hạn", "Quá hạn", "Đang giải quyết"]);
    expect(cellTexts(screen.getAllByTestId("ranking-row")[0]!).slice(4)).toEqual(["60", "37", "<5dưới 5", "<5dưới 5", "0"]);
    expect(screen.getByTestId("suppressed-note").textContent).toContain("dưới 5");
    expect(within(first!).getByRole("rowheader").textContent).toBe("Sở Tư pháp");
    const asOf = screen.getByTestId("as-of");
    expect(asOf.textContent).toContain("Số liệu tính đến 00:00 01/07/2024 (giờ Việt Nam)");
    expect(asOf.textContent).toContain("tính điểm lúc 08:30 15/07/2024");
    expect(asOf.querySelector("time")?.getAttribute("datetime")).toBe("2024-06-30T17:00:00.000Z");
    expect(server.rankingCalls()).toEqual([{ period: "2024-H1", tier: "DEPARTMENT" }]);
  });

  it("opens on the newest period and the departments when the URL names no view, and writes the URL", async () => {
    const server = standardServer();
    server.rankings.set("2024-06/DEPARTMENT", aSnapshot({ period: "2024-06", units: departmentsH1().units }));

    renderApp(server);
    await settled();

    expect(window.location.search).toBe("?period=2024-06&tier=DEPARTMENT");
    expect(periodSelect().value).toBe("2024-06");
    expect(screen.getByTestId("tier-tab-DEPARTMENT").getAttribute("aria-selected")).toBe("true");
  });

  it("falls back to defaults for an unknown period or tier in the URL", async () => {
    const server = standardServer();

    renderApp(server, "?period=1999-H1&tier=NOPE");
    await settled();

    expect(server.rankingCalls()).toEqual([{ period: "2024-06", tier: "DEPARTMENT" }]);
    expect(window.location.search).toBe("?period=2024-06&tier=DEPARTMENT");
  });

  it("asks for the ranking the URL names while the list of periods is still loading", async () => {
    const server = standardServer();
    const meta = deferred<ReturnType<typeof aMeta>>();
    server.meta = meta.promise;

    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await waitFor(() => expect(server.rankingCalls()).toEqual([{ period: "2024-H1", tier: "DEPARTMENT" }]));
    expect(document.body.dataset.state).toBe("loading");
    meta.resolve(aMeta());
    await settled();

    expect(rowIds()).toEqual(["DEPT-STP", "DEPT-SXD", "DEPT-STC"]);
    expect(server.rankingCalls()).toHaveLength(1);
  });

  it("drops the early answer when the URL's period turns out not to exist", async () => {
    const server = standardServer();
    server.rankings.set("2019-H1/DEPARTMENT", aSnapshot({ period: "2019-H1", units: communesH1().units }));
    server.rankings.set("2024-06/DEPARTMENT", aSnapshot({ period: "2024-06", units: departmentsQ1().units }));

    renderApp(server, "?period=2019-H1&tier=DEPARTMENT");
    await settled();

    expect(server.rankingCalls().map((c) => c.period)).toEqual(["2019-H1", "2024-06"]);
    expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-06");
    expect(window.location.search).toBe("?period=2024-06&tier=DEPARTMENT");
  });

  it("offers the periods grouped by month, quarter, half-year and year, newest first", async () => {
    renderApp(standardServer(), "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    const groups = [...periodSelect().querySelectorAll("optgroup")].map((g) => [
      g.label,
      [...g.querySelectorAll("option")].map((o) => `${o.value}=${o.textContent}`),
    ]);
    expect(groups).toEqual([
      ["Theo tháng", ["2024-06=Tháng 6/2024", "2024-05=Tháng 5/2024"]],
      ["Theo quý", ["2024-Q2=Quý II/2024", "2024-Q1=Quý I/2024"]],
      ["Theo 6 tháng", ["2024-H1=6 tháng đầu năm 2024"]],
      ["Theo năm", ["2023=Năm 2023"]],
    ]);
    expect(screen.getByLabelText("Kỳ đánh giá")).toBe(periodSelect());
  });

  it("fetches the new period when the period select changes, then updates the rows and the URL", async () => {
    // Prepare
    const server = standardServer();
    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled();
    const entries = window.history.length;

    // Act
    await fireEvent.change(periodSelect(), { target: { value: "2024-Q1" } });
    await settled();

    // Assess
    await waitFor(() => expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-Q1"));
    expect(server.rankingCalls().at(-1)).toEqual({ period: "2024-Q1", tier: "DEPARTMENT" });
    expect(rowIds()).toEqual(["DEPT-STC", "DEPT-SXD", "DEPT-STP"]);
    expect(screen.getByTestId("ranking-table").querySelector("caption")?.textContent).toBe(
      "Xếp hạng Sở, ban, ngành — Quý I/2024",
    );
    expect(screen.getByTestId("as-of").textContent).toContain("00:00 01/04/2024");
    expect(window.location.search).toBe("?period=2024-Q1&tier=DEPARTMENT");
    expect(window.history.length).toBe(entries + 1);
  });

  it("switches tier with the tabs (click and arrow keys) and goes back with the browser's history", async () => {
    const server = standardServer();
    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    await fireEvent.click(screen.getByTestId("tier-tab-COMMUNE"));
    await waitFor(() => expect(rowIds()).toEqual(["COM-LT", "COM-BH"]));
    await settled();
    expect(screen.getByRole("tab", { selected: true }).textContent).toBe("Xã, phường");
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("tier-tab-COMMUNE");
    expect(window.location.search).toBe("?period=2024-H1&tier=COMMUNE");

    await fireEvent.keyDown(screen.getByTestId("tier-tab-COMMUNE"), { key: "ArrowLeft" });
    await waitFor(() => expect(screen.getByTestId("tier-tab-DISTRICT").getAttribute("aria-selected")).toBe("true"));
    expect(document.activeElement).toBe(screen.getByTestId("tier-tab-DISTRICT"));
    await settled();
    expect(window.location.search).toBe("?period=2024-H1&tier=DISTRICT");

    window.history.back();
    await waitFor(() => expect(window.location.search).toBe("?period=2024-H1&tier=COMMUNE"));
    await waitFor(() => expect(screen.getByTestId("tier-tab-COMMUNE").getAttribute("aria-selected")).toBe("true"));
    await settled();
    expect(rowIds()).toEqual(["COM-LT", "COM-BH"]);
  });

  it("shows only the latest choice when an older response arrives late", async () => {
    const server = standardServer();
    const slow = deferred<Answer>();
    server.rankings.set("2024-Q2/DEPARTMENT", slow.promise);
    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    await fireEvent.change(periodSelect(), { target: { value: "2024-Q2" } });
    expect(document.body.dataset.state).toBe("loading");
    await fireEvent.change(periodSelect(), { target: { value: "2024-Q1" } });
    await waitFor(() => expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-Q1"));
    slow.resolve(aSnapshot({ period: "2024-Q2", units: communesH1().units }));
    await settled();
    await new Promise((r) => setTimeout(r, 20));

    expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-Q1");
    expect(rowIds()).toEqual(["DEPT-STC", "DEPT-SXD", "DEPT-STP"]);
  });

  it("shows the empty state when no snapshot exists for the selection", async () => {
    const server = standardServer();

    renderApp(server, "?period=2024-Q2&tier=VERTICAL");
    await settled();

    const empty = screen.getByTestId("empty-state");
    expect(empty.textContent).toContain("Chưa có số liệu");
    expect(empty.textContent).toContain("Chưa có kết quả xếp hạng Cơ quan ngành dọc cho kỳ Quý II/2024.");
    expect(screen.queryByTestId("ranking-table")).toBeNull();
    expect(screen.queryByTestId("as-of")).toBeNull();
  });

  it("shows the empty state for a snapshot without units, and explains that districts ended in July 2025", async () => {
    const server = fakeServer({
      meta: aMeta({ periods: ["2025-Q3", "2025-Q2"] }),
      rankings: { "2025-Q2/DISTRICT": aSnapshot({ period: "2025-Q2", tier: "DISTRICT", units: [] }) },
    });

    renderApp(server, "?period=2025-Q2&tier=DISTRICT");
    await settled();
    expect(screen.getByTestId("empty-state").textContent).not.toContain("01/7/2025");

    await fireEvent.change(periodSelect(), { target: { value: "2025-Q3" } });
    await waitFor(() => expect(screen.getByTestId("empty-state").textContent).toContain("Quý III/2025"));
    expect(screen.getByTestId("empty-state").textContent).toContain("kết thúc hoạt động từ ngày 01/7/2025");
  });

  it("says so when no period has been scored at all", async () => {
    renderApp(fakeServer({ meta: aMeta({ periods: [] }) }));
    await settled();

    expect(screen.getByTestId("empty-state").textContent).toContain("Chưa có kỳ đánh giá nào được tính điểm.");
    expect(screen.queryByTestId("period-select")).toBeNull();
  });

  it("shows the error state with the problem's code, and recovers on retry", async () => {
    // Prepare
    const server = standardServer();
    server.rankings.set("2024-H1/DEPARTMENT", aProblem(503, "UNAVAILABLE"));

    // Act
    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled("error");

    // Assess
    const error = screen.getByRole("alert");
    expect(error.dataset.testid).toBe("error-state");
    expect(error.textContent).toContain("Không tải được số liệu");
    expect(error.textContent).toContain("Mã lỗi: UNAVAILABLE (HTTP 503)");
    expect(screen.queryByTestId("ranking-table")).toBeNull();

    server.rankings.set("2024-H1/DEPARTMENT", departmentsH1());
    await fireEvent.click(within(error).getByRole("button", { name: "Thử lại" }));
    await settled();
    expect(rowIds()).toEqual(["DEPT-STP", "DEPT-SXD", "DEPT-STC"]);
  });

  it("shows a connection error when the server cannot be reached, also for the list of periods", async () => {
    const server = standardServer();
    server.meta = new TypeError("Failed to fetch");

    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled("error");
    expect(screen.getByTestId("error-state").textContent).toContain("Không kết nối được máy chủ.");

    server.meta = aMeta();
    await fireEvent.click(screen.getByRole("button", { name: "Thử lại" }));
    await settled();
    expect(rowIds()).toEqual(["DEPT-STP", "DEPT-SXD", "DEPT-STC"]);
  });

  it("switches to English: words, number formats, unit names, html lang and the URL", async () => {
    renderApp(standardServer(), "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    await fireEvent.click(screen.getByTestId("lang-en"));

    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Rankings");
    expect(screen.getByTestId("lang-en").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("ranking-table").querySelector("caption")?.textContent).toBe(
      "Ranking of departments — H1 2024 (Jan–Jun)",
    );
    const [first] = screen.getAllByTestId("ranking-row");
    expect(cellTexts(first!).slice(0, 6)).toEqual(["1", "Department of Justice", "19.40", "Excellent", "—No data", "19.40"]);
    expect(within(screen.getByTestId("ranking-table")).getAllByRole("columnheader").map((h) => h.textContent?.replace(/\s+/g, " ").trim()).slice(2, 6)).toEqual(["Total / 100", "Band", "Transparency / 18", "Progress / 20"]);
    expect(screen.getByTestId("as-of").textContent).toContain("Figures as of 01/07/2024, 00:00 (Vietnam time)");
    expect(screen.getByTestId("tier-tab-COMMUNE").textContent).toBe("Communes and wards");
    expect(window.location.search).toBe("?period=2024-H1&tier=DEPARTMENT&lang=en");

    await fireEvent.click(screen.getByTestId("lang-vi"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Xếp hạng");
    expect(window.location.search).toBe("?period=2024-H1&tier=DEPARTMENT");
  });

  it("opens in English when the URL says lang=en", async () => {
    renderApp(standardServer(), "?period=2024-H1&tier=COMMUNE&lang=en");
    await settled();

    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByRole("tab", { selected: true }).textContent).toBe("Communes and wards");
  });

  it("makes columns from the data: an indicator it has never heard of still gets a column", async () => {
    const base = departmentsH1();
    const units = base.units.map((u, i) => ({
      ...u,
      complete: false,
      indicators: {
        ...u.indicators,
        S1: { numerator: 9 - i, denominator: 10, ratio: (9 - i) / 10, points: 6 * ((9 - i) / 10), max: 6, status: "ok" as const },
        X9: { numerator: 0, denominator: 0, ratio: null, points: null, max: null, status: "no-data" as const },
      },
    }));
    renderApp(fakeServer({ meta: aMeta(), rankings: { "2024-H1/DEPARTMENT": { ...base, units } } }), "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    await fireEvent.click(screen.getByTestId("column-set-indicators"));
    const table = screen.getByTestId("ranking-table");
    expect([...table.querySelectorAll("th[data-indicator]")].map((h) => (h as HTMLElement).dataset.indicator)).toEqual(["P1", "S1", "X9"]);
    // Known indicators by name and unit, the code second; an unknown one by its code only, its value a plain number.
    expect([...table.querySelectorAll("th[data-indicator]")].map((h) => h.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "Đúng hạn % · P1",
      "Xử lý phản ánh đúng hạn % · S1",
      "X9",
    ]);
    expect(within(table).getByText("/ 100")).toBeTruthy();
    const [first] = screen.getAllByTestId("ranking-row");
    expect(cellTexts(first!)).toContain("90,0% 5,40/6 điểm");
    expect(cellTexts(first!)).toContain("—Không có số liệu");
    expect(cellTexts(first!)[2]).toBe("19,40*(chưa đủ chỉ số)");
    expect(screen.getByText("Tổng điểm chưa đầy đủ: một số chỉ số chưa có số liệu.")).toBeTruthy();
  });
});
