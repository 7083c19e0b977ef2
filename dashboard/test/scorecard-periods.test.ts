/**
 * The unit scorecard's period and the reorganisations (issue 19, items 4 and 6): the newest
 * complete period by default, a running one provisional; a unit that ended lands on its successor
 * when the reader may open it, else on its own last period — with the reorganisation said either
 * way, and its old periods still open; weak points and early warnings first, by name and in their
 * units of measure.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { RankingView } from "../src/lib/api-types.js";
import { aFullUnit, aMeta, aScorecard, aSnapshot, anIndicator, ranked, someWarnings } from "./support/builders.js";
import { fullServer } from "./support/full-server.js";
import { renderAt, settled } from "./support/render-app.js";

const view = (period: string, tier: RankingView["tier"], units: RankingView["units"]): RankingView => ({
  ...aSnapshot({ period, tier, units, status: "draft", version: null }),
  publication: { version: null, publishedAt: null, draftDiffers: false },
});
/** After the July 2025 reorganisation: 15 January 2026, 10:00 in Viet Nam. */
const AFTER = new Date("2026-01-15T03:00:00.000Z");

describe("Page: Phiếu điểm đơn vị — the period", () => {
  function server() {
    const stp = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2 });
    const july = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 3, onTime: 1, late: 0, overdue: 0 }, { rank: 1 });
    return fullServer({
      meta: aMeta({ periods: ["2024-07", "2024-H1"] }),
      scorecards: { "DEPT-STP/2024-H1": aScorecard(stp, null), "DEPT-STP/2024-07": { ...aScorecard(july, null, "2024-07", "2024-06"), computedAt: "2024-07-15T02:00:00.000Z" } },
      warnings: { "DEPT-STP": someWarnings("DEPT-STP") },
    });
  }

  it("lands an officer on the newest complete period; the running month, when picked, is provisional with its as-of time", async () => {
    // Act
    renderAt(server(), "#/units/DEPT-STP", { user: "officer-stp" });
    await settled();

    // Assess
    expect(window.location.hash).toBe("#/units/DEPT-STP?period=2024-H1");
    expect(screen.queryByTestId("provisional-notice")).toBeNull();

    // Act
    await fireEvent.change(screen.getByTestId("period-select"), { target: { value: "2024-07" } });
    await waitFor(() => expect(screen.getByTestId("scorecard-page").dataset.period).toBe("2024-07"));
    await settled();

    // Assess
    expect(screen.getByTestId("provisional-notice").textContent).toContain("Kỳ chưa kết thúc: số liệu tạm tính đến 09:00 15/07/2024");
  });

  it("shows the weak points and the early warnings before the full table: by name, in their units, against the tier median", async () => {
    // Prepare: Sở Tư pháp handles dossiers in 12,5 working days where the tier's median is 6,5.
    const withP2 = (days: number) => ({ P2: anIndicator(days * 10, 10, null) });
    const stp = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 50, onTime: 20, late: 20, overdue: 10 }, { rank: 3 });
    const stpUnit = { ...stp, indicators: { ...stp.indicators, ...withP2(12.5) } };
    const others = [5, 6, 7].map((d, i) => {
      const u = aFullUnit(`DEPT-X${i}`, `Sở ${i}`, { early: 80, onTime: 15, late: 5, overdue: 0 });
      return { ...u, indicators: { ...u.indicators, ...withP2(d) } };
    });
    const api = fullServer({
      meta: aMeta({ periods: ["2024-H1"] }),
      scorecards: { "DEPT-STP/2024-H1": aScorecard(stpUnit, null) },
      privateRankings: { "2024-H1/DEPARTMENT": view("2024-H1", "DEPARTMENT", ranked([stpUnit, ...others])) },
      warnings: { "DEPT-STP": someWarnings("DEPT-STP") },
    });

    // Act
    renderAt(api, "#/units/DEPT-STP?period=2024-H1", { user: "officer-stp" });
    await settled();

    // Assess: weak points first — P1 loses the most points (20 × 70 % = 14 of 20).
    const weak = screen.getByTestId("weak-points");
    const rows = within(weak).getAllByTestId("weak-point");
    expect(rows[0]?.dataset.code).toBe("P1");
    expect(rows[0]?.textContent).toContain("−6,00");
    const p2 = rows.find((r) => r.dataset.code === "P2") as HTMLElement;
    expect(p2.dataset.below).toBe("true");
    expect(within(p2).getByTestId("weak-value").textContent).toBe("12,5 ngày làm việc");
    expect(p2.textContent).toContain("6,5 ngày làm việc");
    expect(p2.textContent).toContain("kém hơn trung vị");
    expect(p2.textContent).not.toContain("%");
    // …and the early warnings near the top, before the full indicator table.
    const order = [screen.getByTestId("weak-points"), screen.getByTestId("warnings"), screen.getByTestId("groups-table")];
    expect(order[0]!.compareDocumentPosition(order[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(order[1]!.compareDocumentPosition(order[2]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId("warnings-summary").textContent).toBe("1 hồ sơ đã quá hạn, 2 hồ sơ đến hạn trong 2 ngày làm việc tới.");
  });
});

describe("Page: Phiếu điểm đơn vị — a reorganised unit", () => {
  it("an officer of Biên Hòa (a district that ended on 30 June 2025) lands on its last period, told where it went, and can still open its periods", async () => {
    // Prepare
    const bh = aFullUnit("DIST-731", "Thành phố Biên Hòa", { early: 40, onTime: 40, late: 15, overdue: 5 }, { tier: "DISTRICT", rank: 3 });
    const api = fullServer({
      meta: aMeta({ periods: ["2025-12", "2025-06", "2025-H1"] }),
      scorecards: { "DIST-731/2025-06": aScorecard(bh, null, "2025-06", "2025-05"), "DIST-731/2025-H1": aScorecard(bh, null, "2025-H1", "2024-H2") },
    });

    // Act: the officer's home.
    renderAt(api, "#/units/DIST-731", { user: "officer-bien-hoa", now: AFTER });
    await settled();

    // Assess: June 2025 — the newest complete period the district existed in — with figures, not "no data" for December.
    expect(window.location.hash).toBe("#/units/DIST-731?period=2025-06");
    expect(screen.getByTestId("scorecard-total").textContent).not.toBe("Không có số liệu");
    const notice = screen.getByTestId("reorg-notice");
    expect(notice.dataset.kind).toBe("ended");
    expect(notice.textContent).toContain("Đơn vị đã kết thúc hoạt động từ 01/07/2025; địa bàn và nhiệm vụ chuyển cho 10 đơn vị:");
    const successors = within(notice).getAllByTestId("reorg-unit");
    expect(successors).toHaveLength(10);
    expect(successors.map((s) => s.textContent)).toContainEqual(expect.stringContaining("Phường Biên Hòa"));
    // The officer may not open the wards' details: their public pages, and why.
    expect(within(successors[0] as HTMLElement).getByRole("link").getAttribute("href")).toMatch(/^#\/public\/units\/COM-/);
    expect(notice.textContent).toContain("Tài khoản của bạn gắn với đơn vị cũ");
    expect(api.callsTo("/v1/units/").every((c) => c.path.startsWith("/v1/units/DIST-731/"))).toBe(true);

    // Act: December, after the end — no figures, said why, with the way back.
    await fireEvent.change(screen.getByTestId("period-select"), { target: { value: "2025-12" } });
    await waitFor(() => expect(screen.getByTestId("scorecard-page").dataset.period).toBe("2025-12"));
    await settled();
    expect(screen.getByTestId("reorg-notice").textContent).toContain("Trong kỳ này đơn vị không còn hoạt động nên không có số liệu.");
    expect(screen.queryByTestId("empty-state")).toBeNull();
    await fireEvent.click(screen.getByTestId("reorg-last-period"));
    await waitFor(() => expect(window.location.hash).toBe("#/units/DIST-731?period=2025-06"));

    // And the old half-year.
    await fireEvent.change(screen.getByTestId("period-select"), { target: { value: "2025-H1" } });
    await waitFor(() => expect(screen.getByTestId("scorecard-page").dataset.period).toBe("2025-H1"));
    await settled();
    expect(screen.getByTestId("scorecard-summary")).toBeTruthy();
  });

  it("a reader who may open the successor lands on it, told whom it took over from, and compared with that predecessor", async () => {
    // Prepare: Sở Tư pháp (DEPT-STP-2020) became DEPT-STP-202507 on 1 July 2025.
    const now = aFullUnit("DEPT-STP-202507", "Sở Tư pháp tỉnh Đồng Nai", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 1 });
    const before = aFullUnit("DEPT-STP-2020", "Sở Tư pháp tỉnh Đồng Nai", { early: 40, onTime: 40, late: 15, overdue: 5 }, { rank: 4 });
    const api = fullServer({
      meta: aMeta({ periods: ["2025-H2", "2025-H1"] }),
      scorecards: {
        "DEPT-STP-202507/2025-H2": { ...aScorecard(now, null, "2025-H2", "2025-H1"), previous: { period: "2025-H1", unit: null } },
        "DEPT-STP-2020/2025-H1": aScorecard(before, null, "2025-H1", "2024-H2"),
      },
      privateRankings: {
        "2025-H2/DEPARTMENT": view("2025-H2", "DEPARTMENT", [now]),
        "2025-H1/DEPARTMENT": view("2025-H1", "DEPARTMENT", [before]),
      },
    });

    // Act: an old link without a period.
    renderAt(api, "#/units/DEPT-STP-2020", { user: "chairman", now: AFTER });
    await waitFor(() => expect(window.location.hash).toBe("#/units/DEPT-STP-202507?period=2025-H2"));
    await settled();

    // Assess: the successor, with whom it took over from (linked to its figures), and the change against it.
    const notice = screen.getByTestId("reorg-notice");
    expect(notice.dataset.kind).toBe("took-over");
    expect(notice.textContent).toContain("Đơn vị được tổ chức lại từ 01/07/2025, kế thừa:");
    expect(within(notice).getByRole("link").getAttribute("href")).toBe("#/units/DEPT-STP-2020?period=2025-H2");
    expect(screen.getByTestId("scorecard-via").textContent).toBe("so với đơn vị tiền thân: Sở Tư pháp tỉnh Đồng Nai");
    expect(within(screen.getByTestId("scorecard-movement")).getAllByTestId("delta").map((d) => d.dataset.direction)).toEqual(["up", "up"]);
    expect(screen.getByTestId("compared-with-predecessor").textContent).toContain("6 tháng đầu năm 2025");

    // The predecessor's own periods stay open.
    await fireEvent.change(screen.getByTestId("period-select"), { target: { value: "2025-H1" } });
    await waitFor(() => expect(window.location.hash).toBe("#/units/DEPT-STP-202507?period=2025-H1"));
    await settled();
    expect(screen.getByTestId("reorg-notice").dataset.kind).toBe("not-yet");
    // The way back to the unit's own newest period, beside its predecessor.
    expect(screen.getByTestId("reorg-last-period").getAttribute("href")).toBe("#/units/DEPT-STP-202507?period=2025-H2");
    await fireEvent.click(within(screen.getAllByTestId("reorg-unit")[0] as HTMLElement).getByRole("link"));
    await waitFor(() => expect(window.location.hash).toBe("#/units/DEPT-STP-2020?period=2025-H1"));
    await settled();
    expect(screen.getByTestId("scorecard-total").textContent).not.toBe("Không có số liệu");
  });
});
