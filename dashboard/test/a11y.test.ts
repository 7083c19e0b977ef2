import axe from "axe-core";
import { fireEvent, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { aMeta, aProblem, departmentsH1 } from "./support/builders.js";
import { fakeServer } from "./support/fake-server.js";
import { renderApp, settled } from "./support/render-app.js";

/**
 * axe-core over the DOM jsdom renders. jsdom does no layout, so `color-contrast` cannot be
 * computed here: it is disabled in this file and must be checked in the Chromium test (issue 7).
 * The band palette's contrast is documented in src/lib/bands.ts.
 */
async function seriousViolations() {
  const result = await axe.run(document.documentElement, {
    rules: { "color-contrast": { enabled: false } },
    resultTypes: ["violations"],
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("Accessibility (axe-core in jsdom, color-contrast excluded)", () => {
  it("the ranking page has no serious or critical violations, in Vietnamese and in English", async () => {
    renderApp(fakeServer({ meta: aMeta(), rankings: { "2024-H1/DEPARTMENT": departmentsH1() } }), "?period=2024-H1&tier=DEPARTMENT");
    await settled();
    expect(await seriousViolations()).toEqual([]);

    await fireEvent.click(screen.getByTestId("lang-en"));
    expect(await seriousViolations()).toEqual([]);
  });

  it("the empty and error states have no serious or critical violations", async () => {
    renderApp(fakeServer({ meta: aMeta() }), "?period=2024-Q2&tier=VERTICAL");
    await settled();
    expect(screen.getByTestId("empty-state")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it("the error state has no serious or critical violations", async () => {
    renderApp(fakeServer({ meta: aMeta(), rankings: { "2024-H1/DEPARTMENT": aProblem(500, "INTERNAL") } }), "?period=2024-H1&tier=DEPARTMENT");
    await settled("error");
    expect(await seriousViolations()).toEqual([]);
  });
});
