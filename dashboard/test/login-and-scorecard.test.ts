import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { SESSION_KEY } from "../src/models/session.svelte.js";
import { aFullUnit, aMeta, aScorecard, someCases, someWarnings } from "./support/builders.js";
import { fullServer } from "./support/full-server.js";
import { renderAt, settled } from "./support/render-app.js";

function server() {
  const stp = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2 });
  const stpBefore = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 50, onTime: 30, late: 15, overdue: 5 }, { rank: 5 });
  const sxd = aFullUnit("DEPT-SXD", "Sở Xây dựng", { early: 40, onTime: 40, late: 15, overdue: 5 }, { rank: 3 });
  return fullServer({
    meta: aMeta({ periods: ["2024-H1", "2024-Q1"] }),
    scorecards: {
      "DEPT-STP/2024-H1": aScorecard(stp, stpBefore),
      "DEPT-STP/2024-Q1": aScorecard(stpBefore, null, "2024-Q1"),
      "DEPT-SXD/2024-H1": aScorecard(sxd, null),
    },
    cases: { "DEPT-STP/2024-H1": someCases("DEPT-STP"), "DEPT-SXD/2024-H1": someCases("DEPT-SXD") },
    warnings: { "DEPT-STP": someWarnings("DEPT-STP") },
  });
}

describe("Page: Đăng nhập (login) and role-aware navigation", () => {
  it("lists the demo users by role and signs a unit officer in on their own unit", async () => {
    // Prepare
    const api = server();
    renderAt(api, "#/login");
    await settled();
    expect(within(screen.getByTestId("login-role-chairman")).getByRole("heading").textContent).toBe("Lãnh đạo UBND tỉnh");
    expect(screen.getByTestId("login-role-unit-officer").textContent).toContain("DEPT-STP");
    expect(screen.queryByTestId("nav-my-unit")).toBeNull();

    // Act
    await fireEvent.click(screen.getByTestId("login-user-officer-stp"));
    await waitFor(() => expect(screen.queryByTestId("scorecard-page")).not.toBeNull());
    await settled();

    // Assess
    expect(window.location.hash).toBe("#/units/DEPT-STP?period=2024-H1");
    expect(JSON.parse(window.sessionStorage.getItem(SESSION_KEY) ?? "{}").token).toBe("tok-officer-stp");
    expect(screen.getByTestId("signed-in-user").dataset.role).toBe("unit-officer");
    expect(screen.getByTestId("nav-my-unit").getAttribute("aria-current")).toBe("page");
    expect(screen.queryByTestId("nav-overview")).toBeNull();
    expect(screen.queryByTestId("nav-admin")).toBeNull();
    expect(api.callsTo("/v1/units/").every((c) => c.authorized)).toBe(true);
  });

  it("sends a signed-out reader of a protected view to the login page, then back to that view", async () => {
    const api = server();
    renderAt(api, "#/units/DEPT-SXD?period=2024-H1");
    await settled();
    expect(window.location.hash).toBe("#/login?next=%23%2Funits%2FDEPT-SXD%3Fperiod%3D2024-H1");
    expect(api.callsTo("/v1/units/")).toEqual([]);

    await fireEvent.click(screen.getByTestId("login-user-chairman"));
    await waitFor(() => expect(screen.queryByTestId("scorecard-page")).not.toBeNull());
    await settled();
    expect(window.location.hash).toBe("#/units/DEPT-SXD?period=2024-H1");
    expect(screen.getByTestId("nav-overview")).toBeTruthy();
  });

  it("returns to the login page, saying why, when the token expires or the API answers 401; logout forgets the token", async () => {
    const api = server();
    const { session } = renderAt(api, "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();

    api.state.revoked = true; // the next role-checked request answers 401
    await fireEvent.change(screen.getByTestId("period-select"), { target: { value: "2024-Q1" } });
    await waitFor(() => expect(screen.queryByTestId("session-expired")).not.toBeNull());
    expect(window.location.hash.startsWith("#/login?next=")).toBe(true);
    expect(session.current).toBeNull();
    expect(window.sessionStorage.getItem(SESSION_KEY)).toBeNull();

    api.state.revoked = false;
    await fireEvent.click(await screen.findByTestId("login-user-officer-stp"));
    await waitFor(() => expect(screen.queryByTestId("scorecard-page")).not.toBeNull());
    await fireEvent.click(screen.getByTestId("logout"));
    await waitFor(() => expect(screen.queryByTestId("ranking-table") ?? screen.queryByTestId("empty-state")).not.toBeNull());
    expect(window.sessionStorage.getItem(SESSION_KEY)).toBeNull();
    expect(screen.getByTestId("nav-login")).toBeTruthy();
  });

  it("drops a stored session that has already expired", async () => {
    const api = server();
    window.sessionStorage.clear();
    const { session } = renderAt(api, "#/methodology");
    expect(session.current).toBeNull();
  });
});

describe("Page: Phiếu điểm đơn vị (unit scorecard)", () => {
  it("shows every indicator by group with numerator, denominator, points and max, the responsibility indicators and movement", async () => {
    renderAt(server(), "#/units/DEPT-STP?period=2024-H1", { user: "chairman" });
    await settled();

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sở Tư pháp");
    const groups = screen.getAllByTestId("group").map((g) => g.dataset.group);
    expect(groups).toEqual(["CKMB", "TDGQ", "DVCTT", "TTTT", "SHHS", "MDHL"]);
    const p1 = screen.getAllByTestId("indicator-row").find((r) => r.dataset.code === "P1") as HTMLElement;
    // What is seen (a number's link also names its indicator and part to screen readers).
    const seen = (c: Element) => {
      const copy = c.cloneNode(true) as Element;
      copy.querySelectorAll(".sr-only").forEach((s) => s.remove());
      return copy.textContent?.replace(/\s+/g, " ").trim();
    };
    const cells = [...p1.querySelectorAll("td, th")].map((c) => c.textContent?.replace(/\s+/g, " ").trim());
    // Names first, the code second (issue 19).
    expect([...p1.querySelectorAll("td, th")].slice(0, 5).map(seen)).toEqual(["Hồ sơ xử lý trước hạn, đúng hạn P1", "97", "100", "97,0%", "19,40 / 20"]);
    // The numerator and the denominator lead to the records behind them (issue 20, item 1).
    expect([...p1.querySelectorAll("[data-testid=list-link]")].map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
      ["#/units/DEPT-STP/cases?period=2024-H1&indicator=P1&part=numerator", "97 — Tử số của Hồ sơ xử lý trước hạn, đúng hạn: xem danh sách"],
      ["#/units/DEPT-STP/cases?period=2024-H1&indicator=P1&part=denominator", "100 — Mẫu số của Hồ sơ xử lý trước hạn, đúng hạn: xem danh sách"],
    ]);
    expect(cells[6]).toContain("▲");
    expect(cells[6]).toContain("(tăng)");
    // An indicator the server has not computed yet is "no data", never 0.
    const t1 = screen.getAllByTestId("indicator-row").find((r) => r.dataset.code === "T1") as HTMLElement;
    expect(t1.textContent).toContain("Không có số liệu");
    // Provisional indicators are marked.
    const o3 = screen.getAllByTestId("indicator-row").find((r) => r.dataset.code === "O3") as HTMLElement;
    expect(o3.textContent).toContain("tạm thời");
    const resp = screen.getByTestId("responsibility-table");
    expect([...resp.querySelectorAll("[data-testid=indicator-row]")].map((r) => (r as HTMLElement).dataset.code)).toEqual(["R1", "R2", "R5", "R7", "R9_R1"]);
    expect(resp.textContent).toContain("không tính điểm");
    expect(screen.getByTestId("scorecard-rank").textContent).toBe("Hạng 2/21");
    const move = screen.getByTestId("scorecard-movement");
    expect(move.textContent).toContain("So với 6 tháng cuối năm 2023");
    expect(within(move).getAllByTestId("delta").map((d) => d.dataset.direction)).toEqual(["up", "up"]);
    expect(screen.getByTestId("as-of").querySelector("time")?.getAttribute("datetime")).toBe("2024-07-15T01:30:00.000Z");
  });

  it("lists the early warnings: overdue now and due within 2 working days", async () => {
    renderAt(server(), "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();

    expect(screen.getByTestId("warnings-overdue").dataset.count).toBe("1");
    expect(screen.getByTestId("warnings-due-soon").dataset.count).toBe("2");
    expect(screen.getByTestId("warnings-overdue").textContent).toContain("W-0001");
    expect(screen.getByTestId("warnings-as-of").querySelector("time")?.getAttribute("datetime")).toBe("2024-07-01T02:00:00.000Z");
  });

  it("links each P1 count to the dossiers behind it, with the rule that classified each (translated)", async () => {
    const api = server();
    renderAt(api, "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();

    await fireEvent.click(screen.getByTestId("cases-link-LATE"));
    await waitFor(() => expect(screen.queryByTestId("cases-table")).not.toBeNull());
    await settled();

    expect(window.location.hash).toBe("#/units/DEPT-STP/cases?period=2024-H1&status=LATE");
    const rows = screen.getAllByTestId("case-row");
    expect(rows.map((r) => r.dataset.rule)).toEqual(["FINISHED_AFTER_DUE_DATE", "MORE_THAN_ONE_SUPPLEMENT"]);
    expect(rows[1]?.textContent).toContain("Yêu cầu bổ sung quá một lần: tính là trễ hạn");
    expect(api.callsTo("/v1/units/DEPT-STP/cases").at(-1)?.path).toBe("/v1/units/DEPT-STP/cases?period=2024-H1&status=LATE&page=1&limit=50");

    await fireEvent.change(screen.getByTestId("status-filter"), { target: { value: "" } });
    await waitFor(() => expect(screen.getAllByTestId("case-row")).toHaveLength(6));
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(screen.getAllByTestId("case-row")[5]?.textContent).toContain("Clock stopped: waiting for a supplement");
    expect(window.location.hash).toBe("#/units/DEPT-STP/cases?period=2024-H1&lang=en");
  });

  it("a unit officer's UI never requests another unit's drill-down, whatever the URL says", async () => {
    // Prepare
    const api = server();

    // Act: the officer of DEPT-STP opens DEPT-SXD's scorecard and dossier list by URL.
    renderAt(api, "#/units/DEPT-SXD?period=2024-H1", { user: "officer-stp" });
    await settled();
    expect(screen.getByTestId("forbidden")).toBeTruthy();
    window.location.hash = "#/units/DEPT-SXD/cases?period=2024-H1&status=LATE";
    await waitFor(() => expect(screen.queryByTestId("cases-page")).not.toBeNull());
    await settled();
    await fireEvent.click(screen.getByTestId("back-to-own"));
    await waitFor(() => expect(screen.queryByTestId("groups-table")).not.toBeNull());
    await settled();

    // Assess: only the officer's own unit was ever asked for.
    const unitCalls = api.callsTo("/v1/units/");
    expect(unitCalls.length).toBeGreaterThan(0);
    expect(unitCalls.every((c) => c.path.startsWith("/v1/units/DEPT-STP/"))).toBe(true);
    expect(api.callsTo("/v1/warnings")).toEqual([]);
  });
});
