/**
 * The URL names the view, and the last request wins: a reader who picks another period (or edits
 * the URL, or goes back) while the landing view is still loading must end on the view they asked
 * for — never on the landing view's late answer — and a later URL change must load again.
 * The fetch is held back per request (support/hold.ts) so that each interleaving is forced.
 */
import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { RankingView } from "../src/lib/api-types.js";
import { aFullUnit, aMeta, aScorecard, departmentsH1, departmentsQ1, someCases } from "./support/builders.js";
import { deferred } from "./support/fake-server.js";
import { fullServer } from "./support/full-server.js";
import { holding } from "./support/hold.js";
import { renderAt, settled } from "./support/render-app.js";

const periodSelect = () => screen.getByTestId("period-select") as HTMLSelectElement;
const tick = () => new Promise((r) => setTimeout(r, 30));

function view(snapshot: ReturnType<typeof departmentsH1>): RankingView {
  return { ...snapshot, publication: { version: null, publishedAt: null, draftDiffers: false } };
}

/** Newest period 2024-H1, then 2024-Q1; a scorecard and the cases of DEPT-STP in both. */
function server() {
  const stp = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }, { rank: 2 });
  const stpQ1 = aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 50, onTime: 30, late: 15, overdue: 5 }, { rank: 5 });
  const api = fullServer({
    meta: aMeta({ periods: ["2024-H1", "2024-Q1"] }),
    rankings: { "2024-H1/DEPARTMENT": departmentsH1(), "2024-Q1/DEPARTMENT": departmentsQ1() },
    privateRankings: { "2024-H1/DEPARTMENT": view(departmentsH1()), "2024-Q1/DEPARTMENT": view(departmentsQ1()) },
    scorecards: { "DEPT-STP/2024-H1": aScorecard(stp, null), "DEPT-STP/2024-Q1": aScorecard(stpQ1, null, "2024-Q1") },
    cases: { "DEPT-STP/2024-H1": someCases("DEPT-STP"), "DEPT-STP/2024-Q1": someCases("DEPT-STP", "2024-Q1") },
  });
  const meta = deferred<ReturnType<typeof aMeta>>();
  /** The list of periods, held until `releaseMeta()`. */
  api.base.meta = meta.promise;
  return { api, releaseMeta: () => meta.resolve(aMeta({ periods: ["2024-H1", "2024-Q1"] })) };
}

/** What the scorecard page shows: the period of its data (the link to all cases carries it). */
const scorecardPeriod = () => new URLSearchParams(screen.getByTestId("cases-link-all").getAttribute("href")?.split("?")[1]).get("period");

describe("Navigation: the last request wins, and every URL change loads its view", () => {
  it("unit scorecard: a period picked while the landing scorecard is still on its way stays chosen", async () => {
    const { api, releaseMeta } = server();
    const held = holding(api.fetch);
    const stale = held.hold("/v1/units/DEPT-STP/scorecard?period=2024-H1");
    renderAt({ fetch: held.fetch }, "#/units/DEPT-STP", { user: "officer-stp" });
    releaseMeta();
    await waitFor(() => expect(stale.requested()).toBe(true));

    await fireEvent.change(periodSelect(), { target: { value: "2024-Q1" } });
    await settled();
    stale.release();
    await tick();
    await settled();

    expect(window.location.hash).toBe("#/units/DEPT-STP?period=2024-Q1");
    expect(periodSelect().value).toBe("2024-Q1");
    expect(scorecardPeriod()).toBe("2024-Q1");
  });

  it("unit scorecard: a URL edited while the list of periods loads wins, and the next edit loads again", async () => {
    const { api, releaseMeta } = server();
    renderAt(api, "#/units/DEPT-STP", { user: "officer-stp" });
    await waitFor(() => expect(api.callsTo("/v1/public/meta")).toHaveLength(1));

    window.location.hash = "#/units/DEPT-STP?period=2024-Q1";
    await tick();
    releaseMeta();
    await tick();
    await settled();
    expect(window.location.hash).toBe("#/units/DEPT-STP?period=2024-Q1");
    expect(scorecardPeriod()).toBe("2024-Q1");

    window.location.hash = "#/units/DEPT-STP?period=2024-H1";
    await waitFor(() => expect(scorecardPeriod()).toBe("2024-H1"));
    expect(periodSelect().value).toBe("2024-H1");
    expect(window.location.hash).toBe("#/units/DEPT-STP?period=2024-H1");
  });

  it("chairman overview: a URL edited while the landing overview loads wins", async () => {
    const { api, releaseMeta } = server();
    renderAt(api, "#/overview", { user: "chairman" });
    await waitFor(() => expect(api.callsTo("/v1/public/meta")).toHaveLength(1));

    window.location.hash = "#/overview?period=2024-Q1&tier=DEPARTMENT";
    await tick();
    releaseMeta();
    await tick();
    await settled();
    await tick();

    expect(window.location.hash).toBe("#/overview?period=2024-Q1&tier=DEPARTMENT");
    expect(screen.getByTestId("overview-ranking").dataset.period).toBe("2024-Q1");

    window.location.hash = "#/overview?period=2024-H1&tier=DEPARTMENT";
    await waitFor(() => expect(screen.getByTestId("overview-ranking").dataset.period).toBe("2024-H1"));
  });

  it("printable report: a URL edited while the landing report loads wins, and back goes back", async () => {
    const { api, releaseMeta } = server();
    const held = holding(api.fetch);
    const stale = held.hold("/v1/public/rankings?period=2024-H1");
    renderAt({ fetch: held.fetch }, "#/report");
    releaseMeta();
    await waitFor(() => expect(stale.requested()).toBe(true));

    window.location.hash = "#/report?period=2024-Q1&tier=DEPARTMENT";
    await waitFor(() => expect(screen.getByTestId("report-page").dataset.period).toBe("2024-Q1"));
    await settled();
    stale.release();
    await tick();

    expect(window.location.hash).toBe("#/report?period=2024-Q1&tier=DEPARTMENT");
    expect(screen.getByTestId("report-page").dataset.period).toBe("2024-Q1");
    expect(screen.getAllByTestId("report-row").map((r) => r.dataset.unitId)).toEqual(departmentsQ1().units.map((u) => u.unitId));

    window.location.hash = "#/report?period=2024-H1&tier=DEPARTMENT";
    await waitFor(() => expect(screen.getByTestId("report-page").dataset.period).toBe("2024-H1"));
    await settled();
    window.history.back();
    await waitFor(() => expect(screen.getByTestId("report-page").dataset.period).toBe("2024-Q1"));
  });

  it("public unit page: a period picked while the landing ranking is on its way stays chosen", async () => {
    const { api, releaseMeta } = server();
    const held = holding(api.fetch);
    const stale = held.hold("/v1/public/rankings?period=2024-H1");
    renderAt({ fetch: held.fetch }, "#/public/units/DEPT-STP");
    releaseMeta();
    await waitFor(() => expect(stale.requested()).toBe(true));

    await fireEvent.change(periodSelect(), { target: { value: "2024-Q1" } });
    await settled();
    stale.release();
    await tick();
    await settled();

    expect(window.location.hash).toBe("#/public/units/DEPT-STP?period=2024-Q1&tier=DEPARTMENT");
    expect(periodSelect().value).toBe("2024-Q1");
  });

  it("dossier list: a URL edited while the landing list loads wins", async () => {
    const { api, releaseMeta } = server();
    renderAt(api, "#/units/DEPT-STP/cases", { user: "officer-stp" });
    await waitFor(() => expect(api.callsTo("/v1/public/meta")).toHaveLength(1));

    window.location.hash = "#/units/DEPT-STP/cases?period=2024-Q1";
    await tick();
    releaseMeta();
    await tick();
    await settled();

    expect(window.location.hash).toBe("#/units/DEPT-STP/cases?period=2024-Q1");
    expect(screen.getByTestId("cases-table").dataset.period).toBe("2024-Q1");
  });

  it("public rankings: a period picked while the landing ranking is on its way stays chosen", async () => {
    const { api, releaseMeta } = server();
    const held = holding(api.fetch);
    // The landing view: the newest complete period (the list of periods names it).
    const stale = held.hold("/v1/public/rankings?period=2024-H1");
    renderAt({ fetch: held.fetch }, "");
    releaseMeta();
    await waitFor(() => expect(stale.requested()).toBe(true));
    await waitFor(() => expect(periodSelect().value).toBe("2024-H1"));

    await fireEvent.change(periodSelect(), { target: { value: "2024-Q1" } });
    await settled();
    stale.release();
    await tick();

    expect(window.location.search).toBe("?period=2024-Q1&tier=DEPARTMENT");
    expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-Q1");
  });

  it("public rankings: going back while a choice is loading shows the earlier view", async () => {
    const { api, releaseMeta } = server();
    const held = holding(api.fetch);
    renderAt({ fetch: held.fetch }, "?period=2024-H1&tier=DEPARTMENT");
    releaseMeta();
    await settled();
    const slow = held.hold("/v1/public/rankings?period=2024-Q1");

    await fireEvent.change(periodSelect(), { target: { value: "2024-Q1" } });
    await waitFor(() => expect(slow.requested()).toBe(true));
    window.history.back();
    await waitFor(() => expect(window.location.search).toBe("?period=2024-H1&tier=DEPARTMENT"));
    slow.release();
    await tick();
    await settled();

    expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-H1");
    expect(periodSelect().value).toBe("2024-H1");
  });
});
