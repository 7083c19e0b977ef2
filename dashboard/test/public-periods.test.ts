/**
 * Which period the public pages open on (issue 19, item 4): the newest published, else the newest
 * complete period — never the month still running; a running period the reader picks is labelled
 * provisional with its as-of time.
 */
import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { choosePublicPeriod, defaultPublicPeriod, isComplete, isProvisional, lastCompleteMonth } from "../src/lib/public-periods.js";
import { aMeta, aSnapshot, departmentsH1 } from "./support/builders.js";
import { fakeServer } from "./support/fake-server.js";
import { renderApp, renderAt, settled } from "./support/render-app.js";
import { fullServer } from "./support/full-server.js";

const JULY_15 = new Date("2024-07-15T03:00:00.000Z");
const meta = (periods: string[], published: string[] = []) =>
  aMeta({ periods, published: published.map((period, i) => ({ period, version: 1, publishedAt: `2024-07-0${i + 1}T01:00:00Z` })) });

describe("Function: defaultPublicPeriod", () => {
  it("opens on the newest published period when the meta lists them, in the meta's order", () => {
    expect(defaultPublicPeriod(meta(["2024-07", "2024-06", "2024-H1", "2024-Q1"], ["2024-Q1", "2024-H1"]), JULY_15)).toBe("2024-H1");
    expect(defaultPublicPeriod(aMeta({ periods: ["2024-07", "2024-H1"], published: [{ period: "2024-H1", version: 2, publishedAt: "2024-07-10T01:00:00Z" }] }), JULY_15)).toBe("2024-H1");
  });

  it("falls back to the newest complete period, never the month or year still running", () => {
    expect(defaultPublicPeriod(meta(["2024-07", "2024-Q3", "2024-H2", "2024", "2024-06", "2024-Q2"]), JULY_15)).toBe("2024-06");
    expect(defaultPublicPeriod(meta(["2024-07", "2024-06"], []), JULY_15)).toBe("2024-06");
  });

  it("is null when every period listed is still running, or none is", () => {
    expect(defaultPublicPeriod(meta(["2024-07", "2024-Q3"]), JULY_15)).toBeNull();
    expect(defaultPublicPeriod(meta([]), JULY_15)).toBeNull();
  });

  it("cuts periods at midnight Viet Nam time", () => {
    expect(isComplete("2024-06", new Date("2024-06-30T16:59:59.000Z"))).toBe(false);
    expect(isComplete("2024-06", new Date("2024-06-30T17:00:00.000Z"))).toBe(true);
    expect(lastCompleteMonth(new Date("2024-06-30T17:00:00.000Z"))).toBe("2024-06");
    expect(lastCompleteMonth(new Date("2024-01-05T00:00:00.000Z"))).toBe("2023-12");
  });

  it("shows the period asked for when it is listed, complete or not", () => {
    expect(choosePublicPeriod(meta(["2024-07", "2024-06"]), "2024-07", JULY_15)).toBe("2024-07");
    expect(choosePublicPeriod(meta(["2024-07", "2024-06"]), "1999-01", JULY_15)).toBe("2024-06");
  });

  it("calls a snapshot provisional when its figures stop before the period's end", () => {
    expect(isProvisional("2024-07", "2024-07-15T03:00:00.000Z")).toBe(true);
    expect(isProvisional("2024-06", "2024-06-30T17:00:00.000Z")).toBe(false);
  });
});

describe("Page: the public rankings' period", () => {
  const running = () => aSnapshot({ period: "2024-07", dataAsOf: "2024-07-15T03:00:00.000Z", computedAt: "2024-07-15T03:05:00.000Z", status: "draft", version: null, units: departmentsH1().units });
  const june = () => aSnapshot({ period: "2024-06", units: departmentsH1().units });

  it("opens on June, not on the running July, and marks July as running in the selector", async () => {
    const server = fakeServer({ meta: meta(["2024-07", "2024-06", "2024-H1"]), rankings: { "2024-07/DEPARTMENT": running(), "2024-06/DEPARTMENT": june() } });

    renderApp(server);
    await settled();

    expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-06");
    expect(server.rankingCalls().map((c) => c.period)).not.toContain("2024-07");
    expect(screen.queryByTestId("provisional-notice")).toBeNull();
    const july = [...(screen.getByTestId("period-select") as HTMLSelectElement).options].find((o) => o.value === "2024-07");
    expect(july?.textContent).toBe("Tháng 7/2024 — đang diễn ra");
  });

  it("labels a running period the reader picks as provisional, with its as-of time", async () => {
    const server = fakeServer({ meta: meta(["2024-07", "2024-06"]), rankings: { "2024-07/DEPARTMENT": running(), "2024-06/DEPARTMENT": june() } });
    renderApp(server);
    await settled();

    await fireEvent.change(screen.getByTestId("period-select"), { target: { value: "2024-07" } });
    await waitFor(() => expect(screen.getByTestId("ranking-table").dataset.period).toBe("2024-07"));

    expect(screen.getByTestId("provisional-tag").textContent).toBe("Tạm tính");
    expect(screen.getByTestId("provisional-notice").textContent).toContain("Kỳ chưa kết thúc: số liệu tạm tính đến 10:00 15/07/2024 (giờ Việt Nam)");
    expect(screen.getByTestId("publication-status").textContent).toBe("Bản nháp, chưa công bố");
  });

  it("says that no period has ended yet rather than opening on a running one", async () => {
    renderApp(fakeServer({ meta: meta(["2024-07", "2024-Q3"]), rankings: { "2024-07/DEPARTMENT": running() } }));
    await settled();

    expect(screen.getByTestId("empty-state").textContent).toContain("Chưa có kỳ đánh giá nào kết thúc");
    expect(screen.queryByTestId("ranking-table")).toBeNull();
    expect(screen.getByTestId("period-select")).toBeTruthy();
  });

  it("the printable report opens on the same default period", async () => {
    const api = fullServer({ meta: meta(["2024-07", "2024-06"]), rankings: { "2024-07/DEPARTMENT": running(), "2024-06/DEPARTMENT": june() } });
    renderAt(api, "#/report?tier=DEPARTMENT");
    await settled();
    expect(screen.getByTestId("report-page").dataset.period).toBe("2024-06");
  });
});
