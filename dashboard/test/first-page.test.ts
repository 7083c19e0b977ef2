/**
 * The first page's speed rules (issue 7, "time until the ranking is visible"): the list of periods
 * and the newest ranking are asked for at once, and the table does not wait for the chart.
 */
import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { aMeta, aSnapshot, departmentsH1, departmentsQ1 } from "./support/builders.js";
import { deferred, fakeServer } from "./support/fake-server.js";
import { createApiClient } from "../src/lib/api.js";
import { RECENT_MS, RankingsModel } from "../src/models/rankings.svelte.js";
import { renderApp, renderAt, settled } from "./support/render-app.js";

const rowIds = () => screen.getAllByTestId("ranking-row").map((r) => r.dataset.unitId);

describe("First page: the ranking as early as possible", () => {
  it("asks for last month's ranking together with the list of periods when the URL names no period", async () => {
    const server = fakeServer({ meta: aMeta(), rankings: { "2024-06/DEPARTMENT": aSnapshot({ period: "2024-06", units: departmentsH1().units }) } });
    const meta = deferred<ReturnType<typeof aMeta>>();
    server.meta = meta.promise;

    renderApp(server);
    // 15 July 2024 (TEST_NOW): June is the newest complete month — the default whenever it is scored.
    await waitFor(() => expect([...server.calls].sort()).toEqual(["/v1/public/meta", "/v1/public/rankings?period=2024-06&tier=DEPARTMENT"]));
    meta.resolve(aMeta());
    await settled();

    expect(rowIds()).toEqual(["DEPT-STP", "DEPT-SXD", "DEPT-STC"]);
    expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-06");
    expect(window.location.search).toBe("?period=2024-06&tier=DEPARTMENT");
    expect(server.rankingCalls()).toHaveLength(1);
  });

  it("keeps the tier the URL names when it names no period", async () => {
    const server = fakeServer({ meta: aMeta(), rankings: { "2024-06/COMMUNE": aSnapshot({ period: "2024-06", tier: "COMMUNE", units: departmentsQ1().units }) } });

    renderApp(server, "?tier=COMMUNE");
    await settled();

    expect(server.calls[0]).toBe("/v1/public/rankings?period=2024-06&tier=COMMUNE");
    expect(server.rankingCalls()).toHaveLength(1);
    expect(window.location.search).toBe("?period=2024-06&tier=COMMUNE");
  });

  it("asks by name when last month has no ranking: the newest complete period listed", async () => {
    const server = fakeServer({
      meta: aMeta({ periods: ["2024-07", "2024-05", "2024-Q1"] }),
      rankings: { "2024-05/DEPARTMENT": aSnapshot({ period: "2024-05", units: departmentsH1().units }) },
    });

    renderApp(server);
    await settled();

    expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-05");
    expect(server.rankingCalls()).toEqual([
      { period: "2024-06", tier: "DEPARTMENT" },
      { period: "2024-05", tier: "DEPARTMENT" },
    ]);
  });

  it("a unit's public page asks for the list of periods, the period it names and the one before it at once", async () => {
    const server = fakeServer({
      meta: aMeta({ periods: ["2024-H1", "2023-H2"] }),
      rankings: { "2024-H1/DEPARTMENT": departmentsH1(), "2023-H2/DEPARTMENT": aSnapshot({ period: "2023-H2", units: departmentsQ1().units }) },
    });
    const meta = deferred<ReturnType<typeof aMeta>>();
    server.meta = meta.promise;

    renderAt(server, "#/public/units/DEPT-STP?period=2024-H1&tier=DEPARTMENT");
    // Before the list of periods has arrived: the page's period and the previous one are on their way.
    await waitFor(() =>
      expect([...server.calls].sort()).toEqual(["/v1/public/meta", "/v1/public/rankings?period=2023-H2&tier=DEPARTMENT", "/v1/public/rankings?period=2024-H1&tier=DEPARTMENT"]),
    );
    meta.resolve(aMeta({ periods: ["2024-H1", "2023-H2"] }));
    await settled();

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sở Tư pháp");
    // Each asked for once: the early answers are the ones used.
    expect(server.calls.filter((c) => c.startsWith("/v1/public/meta"))).toHaveLength(1);
    expect(server.rankingCalls()).toHaveLength(2);
  });

  it("shows a ranking fetched in the last minute again without a request when the reader switches back", async () => {
    const server = fakeServer({
      meta: aMeta(),
      rankings: { "2024-H1/DEPARTMENT": departmentsH1(), "2024-H1/COMMUNE": aSnapshot({ tier: "COMMUNE", units: departmentsQ1().units }) },
    });
    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled();

    await fireEvent.click(screen.getByTestId("tier-tab-COMMUNE"));
    await waitFor(() => expect(screen.getByTestId("ranking-table").dataset.tier).toBe("COMMUNE"));
    await fireEvent.click(screen.getByTestId("tier-tab-DEPARTMENT"));
    await waitFor(() => expect(screen.getByTestId("ranking-table").dataset.tier).toBe("DEPARTMENT"));
    await fireEvent.click(screen.getByTestId("tier-tab-COMMUNE"));
    await waitFor(() => expect(screen.getByTestId("ranking-table").dataset.tier).toBe("COMMUNE"));

    expect(rowIds()).toEqual(["DEPT-STC", "DEPT-SXD", "DEPT-STP"]);
    expect(server.rankingCalls()).toEqual([
      { period: "2024-H1", tier: "DEPARTMENT" },
      { period: "2024-H1", tier: "COMMUNE" },
    ]);
  });

  it("asks again for a ranking fetched more than a minute ago (the route's max-age)", async () => {
    const server = fakeServer({ meta: aMeta(), rankings: { "2024-H1/DEPARTMENT": departmentsH1() } });
    let now = new Date("2024-07-15T03:00:00.000Z");
    const model = new RankingsModel(createApiClient({ fetch: server.fetch }), () => now);
    await model.open({ period: "2024-H1", tier: "DEPARTMENT" });
    await model.show({ period: "2024-H1", tier: "DEPARTMENT" });
    expect(server.rankingCalls()).toHaveLength(1);

    now = new Date(now.getTime() + RECENT_MS);
    await model.show({ period: "2024-H1", tier: "DEPARTMENT" });
    expect(server.rankingCalls()).toHaveLength(2);
    expect(model.phase).toBe("ready");
  });

  it("shows the table before the chart is drawn (chart.js loads after the first paint)", async () => {
    const server = fakeServer({ meta: aMeta(), rankings: { "2024-H1/DEPARTMENT": departmentsH1() } });
    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled();
    expect(rowIds()).toHaveLength(3);
    // The chart is a chunk of its own, below the table; its box is reserved (no jump when chart.js draws), with its text alternative.
    expect((await screen.findByTestId("ranking-chart")).querySelector("[role=img]")?.getAttribute("style")).toContain("height");
  });
});
