/**
 * The dossier timeline page (`#/cases/<caseId>`) and the dossier list that leads to it (issue 20,
 * item 2), rendered whole against the fake API. The timeline is the hand-computed dossier of
 * functions/test/case-timeline.test.ts (transferred once, paused once, consulted once late), on the
 * fake's unit ids.
 */
import axe from "axe-core";
import type { CaseTimeline } from "@scorecard/shared/contracts/case-timeline";
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { daysLate, holdSegments, waited } from "../src/lib/case-view.js";
import { hrefOf, parseLocation } from "../src/lib/router.js";
import { aCase, aMeta, aScorecard, aFullUnit } from "./support/builders.js";
import { fullServer } from "./support/full-server.js";
import { renderAt, settled } from "./support/render-app.js";

const UNITS = {
  "DEPT-STP": { nameVi: "Sở Tư pháp tỉnh Đồng Nai", nameEn: "Dong Nai Department of Justice", tier: "DEPARTMENT" },
  "DEPT-SXD": { nameVi: "Sở Xây dựng tỉnh Đồng Nai", nameEn: "Dong Nai Department of Construction", tier: "DEPARTMENT" },
  "VERT-THUE": { nameVi: "Thuế tỉnh Đồng Nai", nameEn: "Dong Nai Tax Department", tier: "VERTICAL" },
};

function aTimeline(caseId = "TL-1", more: Partial<CaseTimeline> = {}): CaseTimeline {
  return {
    caseId,
    asOf: "2024-04-01T03:00:00.000Z",
    leadUnitId: "DEPT-STP",
    procedureCode: "1.000894",
    procedureNameVi: "Đăng ký khai sinh",
    procedureNameEn: "Birth registration",
    field: "CIVIL_STATUS",
    channel: "ONLINE_FULL",
    receivedAt: "2024-03-04T02:00:00.000Z",
    dueAt: "2024-03-15T10:00:00.000Z",
    effectiveDueAt: "2024-03-19T10:00:00.000Z",
    endAt: "2024-03-27T03:00:00.000Z",
    endKind: "RESOLVED",
    status: "LATE",
    statusRule: "§2 finished: end date 2024-03-27 vs effective due date 2024-03-19",
    overrunWorkingDays: 6,
    workingDays: 17,
    holder: null,
    events: [
      { eventId: "TL-1-1", type: "RECEIVED", occurredAt: "2024-03-04T02:00:00.000Z", unitId: "DEPT-STP", targetUnitId: null, dueAt: "2024-03-15T10:00:00.000Z" },
      { eventId: "TL-1-2", type: "TRANSFERRED", occurredAt: "2024-03-05T02:00:00.000Z", unitId: "DEPT-STP", targetUnitId: "DEPT-SXD", dueAt: "2024-03-25T10:00:00.000Z" },
      { eventId: "TL-1-3", type: "CONSULT_REQUESTED", occurredAt: "2024-03-06T02:00:00.000Z", unitId: "DEPT-SXD", targetUnitId: "VERT-THUE", dueAt: "2024-03-08T10:00:00.000Z" },
      { eventId: "TL-1-4", type: "SUPPLEMENT_REQUESTED", occurredAt: "2024-03-07T02:00:00.000Z", unitId: "DEPT-SXD", targetUnitId: null, dueAt: null },
      { eventId: "TL-1-5", type: "SUPPLEMENT_RECEIVED", occurredAt: "2024-03-11T02:00:00.000Z", unitId: "DEPT-SXD", targetUnitId: null, dueAt: null },
      { eventId: "TL-1-6", type: "CONSULT_ANSWERED", occurredAt: "2024-03-13T03:00:00.000Z", unitId: "VERT-THUE", targetUnitId: null, dueAt: null },
      { eventId: "TL-1-7", type: "RESOLVED", occurredAt: "2024-03-27T03:00:00.000Z", unitId: "DEPT-SXD", targetUnitId: null, dueAt: null },
    ],
    holds: [
      { unitId: "DEPT-STP", role: "LEAD", from: "2024-03-04T02:00:00.000Z", to: "2024-03-05T02:00:00.000Z", workingDays: 1, stepDueAt: null, overrunWorkingDays: 0 },
      { unitId: "DEPT-SXD", role: "TRANSFER", from: "2024-03-05T02:00:00.000Z", to: "2024-03-27T03:00:00.000Z", workingDays: 16, stepDueAt: "2024-03-25T10:00:00.000Z", overrunWorkingDays: 2 },
    ],
    pauses: [{ unitId: "DEPT-SXD", requestedAt: "2024-03-07T02:00:00.000Z", suppliedAt: "2024-03-11T02:00:00.000Z", pausedMs: 345_600_000, workingDays: 2 }],
    consultations: [
      { requestedBy: "DEPT-SXD", consultedUnitId: "VERT-THUE", requestedAt: "2024-03-06T02:00:00.000Z", stepDueAt: "2024-03-08T10:00:00.000Z", answeredAt: "2024-03-13T03:00:00.000Z", verdict: "LATE", workingDaysLate: 3, workingDays: 5 },
    ],
    charges: [
      { unitId: "DEPT-SXD", role: "TRANSFER", overrunWorkingDays: 2 },
      { unitId: "VERT-THUE", role: "CONSULTATION", overrunWorkingDays: 3 },
      { unitId: "DEPT-STP", role: "LEAD", overrunWorkingDays: 1 },
    ],
    units: UNITS,
    ...more,
  };
}

function server() {
  const stp = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2 });
  return fullServer({
    meta: aMeta({ periods: ["2024-H1", "2024-Q1"] }),
    scorecards: { "DEPT-STP/2024-Q1": aScorecard(stp, null, "2024-Q1") },
    cases: {
      "DEPT-STP/2024-Q1": {
        unitId: "DEPT-STP",
        period: "2024-Q1",
        methodology: "dn-2026.1",
        cases: [
          // Due Tue 19 March 17:00 (pauses added), ended Wed 27: 6 working days late.
          aCase("TL-1", "LATE", "FINISHED_AFTER_DUE_DATE", { receivedAt: "2024-03-04T02:00:00.000Z", dueAt: "2024-03-19T10:00:00.000Z", endAt: "2024-03-27T03:00:00.000Z", field: "CIVIL_STATUS", supplementRequests: 1 }),
          // Not in the live record (imported history): the row keeps its link, says so.
          aCase("OLD-1", "ON_TIME", "FINISHED_ON_DUE_DATE"),
        ],
      },
    },
    timelines: { "TL-1": aTimeline(), "SXD-ONLY": aTimeline("SXD-ONLY", { leadUnitId: "DEPT-SXD", holds: [{ ...aTimeline().holds[1]!, role: "LEAD" }], consultations: [] }) },
  });
}

describe("Page: a dossier's timeline (#/cases/<caseId>)", () => {
  it("tells the dossier's story: status and why, who held it how many working days, the pause, the consultation, the R7 charge, the events in order", async () => {
    renderAt(server(), "#/cases/TL-1?unitId=DEPT-STP&period=2024-Q1&status=LATE", { user: "officer-stp" });
    await settled();

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Hồ sơ TL-1");
    expect(screen.getByTestId("timeline-status").textContent).toBe("Trễ hạn");
    expect(screen.getByTestId("timeline-procedure").textContent).toBe("Đăng ký khai sinh (1.000894)");
    expect(screen.getByTestId("timeline-overrun").textContent).toBe("6 ngày làm việc");
    expect(screen.getByTestId("timeline-effective-due").textContent).toContain("cộng 96 giờ tạm dừng chờ bổ sung");
    expect(screen.getByTestId("timeline-rule").textContent).toContain("trễ 6 ngày làm việc");

    const holds = screen.getAllByTestId("timeline-hold");
    expect(holds.map((h) => [h.dataset.unitId, h.dataset.workingDays])).toEqual([["DEPT-STP", "1"], ["DEPT-SXD", "16"]]);
    expect(holds[0]?.textContent).toContain("Sở Tư pháp");
    expect(holds[0]?.textContent).not.toContain("tỉnh Đồng Nai"); // the province is dropped from names
    expect(holds[1]?.textContent).toContain("Hạn của bước: 17:00 25/03/2024 · Trễ so với hạn bước: 2 ngày làm việc");
    expect(screen.getByTestId("timeline-pause").textContent).toContain("96 giờ");
    const consultation = screen.getByTestId("timeline-consultation");
    expect([consultation.dataset.verdict, consultation.dataset.unitId]).toEqual(["LATE", "VERT-THUE"]);
    expect(consultation.textContent).toContain("Ngày trễ: 3 ngày làm việc");
    expect(screen.getAllByTestId("timeline-charge").map((r) => [r.dataset.unitId, r.dataset.role, r.dataset.days])).toEqual([
      ["DEPT-SXD", "TRANSFER", "2"],
      ["VERT-THUE", "CONSULTATION", "3"],
      ["DEPT-STP", "LEAD", "1"],
    ]);
    const events = screen.getAllByTestId("timeline-event");
    expect(events.map((e) => e.dataset.type)).toEqual(["RECEIVED", "TRANSFERRED", "CONSULT_REQUESTED", "SUPPLEMENT_REQUESTED", "SUPPLEMENT_RECEIVED", "CONSULT_ANSWERED", "RESOLVED"]);
    expect(events[1]?.textContent).toContain("Chuyển xử lý — Sở Tư pháp đến Sở Xây dựng");
    expect(document.title).toContain("Hồ sơ TL-1");

    // In English, the same page in English words.
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Dossier TL-1");
    expect(screen.getByTestId("timeline-status").textContent).toBe("Late");
    expect(screen.getByTestId("timeline-procedure").textContent).toBe("Birth registration (1.000894)");
    expect(screen.getAllByTestId("timeline-hold")[1]?.textContent).toContain("Department of Construction");
    expect(screen.getAllByTestId("timeline-event")[2]?.textContent).toContain("Consultation requested — Department of Construction of Tax Department · due 08/03/2024, 17:00");
    expect(window.location.hash).toBe("#/cases/TL-1?period=2024-Q1&status=LATE&unitId=DEPT-STP&lang=en");

    // Back to the list it came from, with its filters.
    await fireEvent.click(screen.getByTestId("back-to-cases"));
    await waitFor(() => expect(screen.queryByTestId("cases-page")).not.toBeNull());
    expect(window.location.hash).toBe("#/units/DEPT-STP/cases?period=2024-Q1&status=LATE&lang=en");
  });

  it("says who holds an open dossier now, and that a paused one waits for the applicant", async () => {
    const open = aTimeline("TL-OPEN", {
      status: "IN_PROGRESS",
      endAt: null,
      endKind: null,
      overrunWorkingDays: 0,
      holder: "DEPT-SXD",
      holds: [aTimeline().holds[0]!, { ...aTimeline().holds[1]!, to: null, workingDays: 5 }],
      pauses: [{ unitId: "DEPT-SXD", requestedAt: "2024-03-07T02:00:00.000Z", suppliedAt: null, pausedMs: 0, workingDays: 3 }],
      charges: [],
      statusRule: "§2 open supplement request: judged at the request time against the due date",
    });
    const api = fullServer({ meta: aMeta({ periods: ["2024-Q1"] }), timelines: { "TL-OPEN": open } });
    renderAt(api, "#/cases/TL-OPEN", { user: "chairman" });
    await settled();
    expect(screen.getByTestId("timeline-holder").textContent).toBe("Sở Xây dựng");
    expect(screen.getByTestId("timeline-rule").textContent).toContain("Đang tạm dừng tính thời gian");
    expect(screen.getAllByTestId("timeline-hold")[1]?.textContent).toContain("đang giữ");
    expect(screen.getByTestId("timeline-no-charges")).toBeTruthy();
    expect(screen.getByTestId("timeline-pause").textContent).toContain("đang chờ");
  });

  it("a unit officer is refused another unit's dossier…", async () => {
    renderAt(server(), "#/cases/SXD-ONLY", { user: "officer-stp" });
    await settled();
    expect(screen.getByTestId("forbidden").textContent).toContain("không thuộc trường hợp đó");
    expect(screen.getByTestId("back-to-own")).toBeTruthy();
  });

  it("…and a missing one alike", async () => {
    renderAt(server(), "#/cases/NOPE", { user: "officer-stp" });
    await settled();
    expect(screen.getByTestId("forbidden").textContent).toContain("không thuộc trường hợp đó");
  });

  it("the chairman is told a missing dossier is not in the live record", async () => {
    renderAt(server(), "#/cases/NOPE", { user: "chairman" });
    await settled();
    expect(screen.getByTestId("missing").textContent).toContain("Không có hồ sơ NOPE trong dữ liệu trực tuyến");
  });

  it("sends a signed-out reader to the login page first", async () => {
    const api = server();
    renderAt(api, "#/cases/TL-1");
    await settled();
    expect(window.location.hash).toBe("#/login?next=%23%2Fcases%2FTL-1");
    expect(api.callsTo("/v1/cases/")).toEqual([]);
  });
});

describe("Page: the dossier list, titled by the unit's name, each row leading to its timeline", () => {
  it("shows the procedure's name, the days late and where the dossier waited, from the dossier's timeline", async () => {
    const api = server();
    renderAt(api, "#/units/DEPT-STP/cases?period=2024-Q1", { user: "officer-stp" });
    await settled();
    await waitFor(() => expect(screen.getAllByTestId("case-row").every((r) => r.dataset.detail !== "loading")).toBe(true));

    // "DEPT-STP" is not in the real unit catalog: the id stands; a real unit gets its name (test below).
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Hồ sơ của kỳ — DEPT-STP");
    const [tl, old] = screen.getAllByTestId("case-row");
    expect([tl?.dataset.caseId, tl?.dataset.daysLate, tl?.dataset.detail]).toEqual(["TL-1", "6", "ok"]);
    expect(within(tl!).getByTestId("case-procedure").textContent).toBe("Đăng ký khai sinh");
    expect(within(tl!).getByTestId("case-waited").textContent).toContain("Sở Xây dựng (16 ngày làm việc)");
    expect(within(tl!).getByTestId("case-waited").textContent).toContain("trễ tính cho Thuế (3), Sở Xây dựng (2), Sở Tư pháp (1)");
    expect(tl?.textContent).toContain("Hộ tịch"); // the field by its name
    expect([old?.dataset.detail, within(old!).getByTestId("case-procedure").textContent]).toEqual(["none", "không có trong dữ liệu trực tuyến"]);

    await fireEvent.click(within(tl!).getByTestId("case-link"));
    await waitFor(() => expect(screen.queryByTestId("case-timeline-page")).not.toBeNull());
    await settled();
    expect(window.location.hash).toBe("#/cases/TL-1?period=2024-Q1&unitId=DEPT-STP");
    expect(api.callsTo("/v1/cases/TL-1").length).toBeGreaterThan(0);
  });

  it("titles the list with the unit's name from the catalog", async () => {
    const api = fullServer({ meta: aMeta({ periods: ["2024-Q1"] }), cases: { "DEPT-SNNMT-202507/2024-Q1": { unitId: "DEPT-SNNMT-202507", period: "2024-Q1", methodology: "dn-2026.1", cases: [aCase("C-1", "EARLY", "FINISHED_BEFORE_DUE_DATE")] } } });
    renderAt(api, "#/units/DEPT-SNNMT-202507/cases?period=2024-Q1", { user: "chairman" });
    await settled();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Hồ sơ của kỳ — Sở Nông nghiệp và Môi trường");
    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Dossiers of the period — Department of Agriculture and Environment");
  });

  it("shows 50 rows at first and asks for the details of the rows shown only", async () => {
    const many = Array.from({ length: 120 }, (_, i) => aCase(`M-${String(i).padStart(3, "0")}`, "EARLY", "FINISHED_BEFORE_DUE_DATE"));
    const api = fullServer({ meta: aMeta({ periods: ["2024-Q1"] }), cases: { "DEPT-STP/2024-Q1": { unitId: "DEPT-STP", period: "2024-Q1", methodology: "dn-2026.1", cases: many } } });
    renderAt(api, "#/units/DEPT-STP/cases?period=2024-Q1", { user: "officer-stp" });
    await settled();
    await waitFor(() => expect(api.callsTo("/v1/cases/")).toHaveLength(50));
    expect(screen.getAllByTestId("case-row")).toHaveLength(50);
    expect(screen.getByTestId("cases-shown").textContent).toBe("Đang hiện 50/120 hồ sơ");
    // The server pages the list: the next 50 are asked for, then shown.
    await fireEvent.click(screen.getByTestId("cases-more"));
    await waitFor(() => expect(screen.getAllByTestId("case-row")).toHaveLength(100));
    expect(api.callsTo("/v1/units/DEPT-STP/cases").map((c) => new URLSearchParams(c.path.split("?")[1]).get("page"))).toEqual(["1", "2"]);
    await waitFor(() => expect(api.callsTo("/v1/cases/")).toHaveLength(100));
  });
});

describe("Accessibility of the dossier pages (axe-core in jsdom; contrast is checked in Chromium)", () => {
  const serious = async () =>
    (await axe.run(document.documentElement, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] })).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

  it("the timeline page", async () => {
    renderAt(server(), "#/cases/TL-1", { user: "officer-stp" });
    await settled();
    expect(await serious()).toEqual([]);
  });

  it("the dossier list with its rows' details", async () => {
    renderAt(server(), "#/units/DEPT-STP/cases?period=2024-Q1", { user: "officer-stp" });
    await settled();
    await waitFor(() => expect(screen.getAllByTestId("case-row").every((r) => r.dataset.detail !== "loading")).toBe(true));
    expect(await serious()).toEqual([]);
  });
});

describe("Route: #/cases/<caseId>", () => {
  it("carries any dossier id, `/` and `#` included, and the list it came from", () => {
    const href = hrefOf({ page: "case", caseId: "HS/2026#7" }, { unitId: "DEPT-STP", period: "2024-Q1" }, "en");
    expect(href).toBe("#/cases/HS%2F2026%237?period=2024-Q1&unitId=DEPT-STP&lang=en");
    expect(parseLocation("", href)).toEqual({ route: { page: "case", caseId: "HS/2026#7" }, params: { period: "2024-Q1", unitId: "DEPT-STP" }, lang: "en" });
    expect(parseLocation("", "#/cases/bad%20id").route.page).toBe("not-found");
    expect(parseLocation("", "#/cases/A/B").route.page).toBe("not-found");
  });
});

describe("View helpers of the dossier pages", () => {
  it("counts days late as the facts do: after the due date's local day up to the end, or today / the period's end while open", () => {
    // Due Fri 5 January 2024 17:00; ended Tue 9 January: Mon 8, Tue 9 = 2.
    expect(daysLate({ status: "LATE", dueAt: "2024-01-05T10:00:00.000Z", endAt: "2024-01-09T02:00:00.000Z" }, "2024-01", new Date("2024-07-15T03:00:00.000Z"))).toBe(2);
    // Open and overdue in a period that is over: judged on its last day (Wed 31 January): the working days after Fri 5 = 18.
    expect(daysLate({ status: "OVERDUE", dueAt: "2024-01-05T10:00:00.000Z", endAt: null }, "2024-01", new Date("2024-07-15T03:00:00.000Z"))).toBe(18);
    // …in a running period: judged today (Wed 10 January, local): Mon 8, Tue 9, Wed 10 = 3.
    expect(daysLate({ status: "OVERDUE", dueAt: "2024-01-05T10:00:00.000Z", endAt: null }, "2024-01", new Date("2024-01-10T03:00:00.000Z"))).toBe(3);
    expect(daysLate({ status: "ON_TIME", dueAt: "2024-01-05T10:00:00.000Z", endAt: "2024-01-05T02:00:00.000Z" }, "2024-01", new Date())).toBeNull();
  });

  it("says where a dossier waited longest and who is charged, and sizes the bar by working days", () => {
    const t = aTimeline();
    expect(waited(t)).toEqual({ longest: { unitId: "DEPT-SXD", days: 16 }, holder: null, charged: [{ unitId: "VERT-THUE", days: 3 }, { unitId: "DEPT-SXD", days: 2 }, { unitId: "DEPT-STP", days: 1 }] });
    const bar = holdSegments(t);
    expect(bar.map((s) => [s.unitId, s.days, Math.round(s.share * 100)])).toEqual([["DEPT-STP", 1, 6], ["DEPT-SXD", 16, 94]]);
  });
});
