/**
 * The first page's speed rules (issue 7, "time until the ranking is visible"): the list of periods
 * and the newest ranking are asked for at once, and the table does not wait for the chart.
 */
import { screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { aMeta, aSnapshot, departmentsH1, departmentsQ1 } from "./support/builders.js";
import { deferred, fakeServer } from "./support/fake-server.js";
import { renderApp, settled } from "./support/render-app.js";

const rowIds = () => screen.getAllByTestId("ranking-row").map((r) => r.dataset.unitId);

describe("First page: the ranking as early as possible", () => {
  it("asks for the newest ranking together with the list of periods when the URL names no period", async () => {
    const server = fakeServer({ meta: aMeta(), rankings: { "2024-06/DEPARTMENT": aSnapshot({ period: "2024-06", units: departmentsH1().units }) } });
    const meta = deferred<ReturnType<typeof aMeta>>();
    server.meta = meta.promise;

    renderApp(server);
    await waitFor(() => expect([...server.calls].sort()).toEqual(["/v1/public/meta", "/v1/public/rankings?period=latest&tier=DEPARTMENT"]));
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

    expect(server.calls[0]).toBe("/v1/public/rankings?period=latest&tier=COMMUNE");
    expect(server.rankingCalls()).toHaveLength(1);
    expect(window.location.search).toBe("?period=2024-06&tier=COMMUNE");
  });

  it("asks by name when the newest period changed between the two answers", async () => {
    const server = fakeServer({ meta: aMeta(), rankings: { "2024-06/DEPARTMENT": aSnapshot({ period: "2024-06", units: departmentsH1().units }) } });
    // The server scored 2024-07 after it answered the meta: `latest` names 2024-07, the meta 2024-06.
    const fetch0 = server.fetch;
    const stale = aSnapshot({ period: "2024-07", units: departmentsQ1().units });
    const api = {
      ...server,
      fetch: (async (input, init) =>
        String(input).includes("period=latest") ? new Response(JSON.stringify(stale), { status: 200, headers: { "content-type": "application/json" } }) : fetch0(input, init)) as typeof fetch,
    };

    renderApp(api);
    await settled();

    expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-06");
    expect(rowIds()).toEqual(["DEPT-STP", "DEPT-SXD", "DEPT-STC"]);
    expect(server.rankingCalls()).toEqual([{ period: "2024-06", tier: "DEPARTMENT" }]);
  });

  it("shows the table before the chart is drawn (chart.js loads after the first paint)", async () => {
    const server = fakeServer({ meta: aMeta(), rankings: { "2024-H1/DEPARTMENT": departmentsH1() } });
    renderApp(server, "?period=2024-H1&tier=DEPARTMENT");
    await settled();
    expect(rowIds()).toHaveLength(3);
    // The chart's box is reserved (no jump when it is drawn), with its text alternative.
    expect(screen.getByTestId("ranking-chart").querySelector("[role=img]")?.getAttribute("style")).toContain("height");
  });
});
