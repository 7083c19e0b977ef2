import axe from "axe-core";
import { fireEvent, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { RankingView } from "../src/lib/api-types.js";
import {
  aFullUnit, aHeadRating, aHeadRatings, aMeta, aReformIndex, aReformUnit, aScorecard, aSnapshot, parCriteria, ranked, someCases, someWarnings,
} from "./support/builders.js";
import { fullServer } from "./support/full-server.js";
import { renderAt, settled } from "./support/render-app.js";

/** axe-core in jsdom, `color-contrast` off (no layout in jsdom: checked in Chromium). */
async function seriousViolations() {
  const result = await axe.run(document.documentElement, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

function server() {
  const units = ranked([
    aFullUnit("DEPT-STP", "Sở Tư pháp", { early: 60, onTime: 37, late: 2, overdue: 1 }),
    aFullUnit("DEPT-SXD", "Sở Xây dựng", { early: 40, onTime: 40, late: 15, overdue: 5 }),
  ]);
  const snap = aSnapshot({ units });
  const view: RankingView = { ...snap, publication: { version: null, publishedAt: null, draftDiffers: false } };
  return fullServer({
    meta: aMeta({ periods: ["2024-H1"] }),
    rankings: { "2024-H1/DEPARTMENT": snap },
    privateRankings: { "2024-H1/DEPARTMENT": view },
    scorecards: { "DEPT-STP/2024-H1": aScorecard(units[0]!, units[1]!) },
    cases: { "DEPT-STP/2024-H1": someCases("DEPT-STP") },
    warnings: { "DEPT-STP": someWarnings("DEPT-STP") },
    warningSummary: { asOf: "2024-07-01T02:00:00.000Z", units: [{ unitId: "DEPT-SXD", tier: "DEPARTMENT", nameVi: "Sở Xây dựng", overdue: 3, dueSoon: 2 }] },
    findings: [{ findingId: "F-1", unitId: "DEPT-STP", headId: null, period: "2024-H1", criterion: "PAR5", deduction: 1, evidence: "BB", noticeNumber: null, noticeDate: null, status: "DRAFT", version: 1, createdAt: "2024-07-02T01:00:00.000Z", updatedAt: "2024-07-02T01:00:00.000Z" }],
    // The unit scorecard's and the overview's ratings sections: a rated head (the quota note), a pending one; an index with a deduction.
    headRatings: {
      "2024-H1": aHeadRatings("2024-H1", [
        aHeadRating("H-1", { band: "GOOD", cappedFromExcellent: true }),
        aHeadRating("H-2", { status: "PENDING", pending: "GENERAL_MISSING", deductions: { R2: 2.5, R5: 0, findings: 0 }, results: 60.5, general: null, total: null, band: null }),
      ]),
    },
    reformIndex: { "2024-H1": aReformIndex("2024-H1", [aReformUnit("DEPT-STP", "Sở Tư pháp", { criteria: parCriteria([8, 6, 11.45, 7, 10, null, 11.2, 15.53], [0, 0, 0, 0, 3]), total: 66.18, scoredMax: 94, complete: false, band: null })]) },
    criteria: { "DEPT-STP/2024-H1": [{ unitId: "DEPT-STP", period: "2024-H1", criterion: "PAR1", max: 10, source: "MANUAL", points: null, evidence: null, version: 0, lockedBy: [], locked: false, updatedAt: null }] },
  });
}

/** `shows`: test ids that must be on the page when it is checked (the content axe looks at). */
const PAGES: readonly { name: string; url: string; user?: string; shows?: readonly string[] }[] = [
  { name: "login", url: "#/login" },
  { name: "methodology", url: "#/methodology" },
  { name: "public unit", url: "#/public/units/DEPT-STP?period=2024-H1" },
  { name: "report", url: "#/report?period=2024-H1&tier=DEPARTMENT" },
  { name: "unit scorecard", url: "#/units/DEPT-STP?period=2024-H1", user: "officer-stp", shows: ["groups-table", "head-ratings", "reform-index"] },
  { name: "dossiers", url: "#/units/DEPT-STP/cases?period=2024-H1", user: "officer-stp" },
  { name: "forbidden unit", url: "#/units/DEPT-SXD?period=2024-H1", user: "officer-stp" },
  { name: "overview", url: "#/overview?period=2024-H1", user: "chairman" },
  { name: "admin findings", url: "#/admin/findings?period=2024-H1", user: "home-affairs" },
  { name: "admin criteria", url: "#/admin/criteria?period=2024-H1&unitId=DEPT-STP", user: "home-affairs" },
  { name: "admin publish", url: "#/admin/publish?period=2024-H1", user: "home-affairs" },
  { name: "not found", url: "#/nowhere" },
];

describe("Accessibility of every page (axe-core, no serious or critical violations)", () => {
  for (const page of PAGES) {
    it(`${page.name}, in Vietnamese and in English`, async () => {
      renderAt(server(), page.url, page.user ? { user: page.user } : {});
      await settled();
      for (const id of page.shows ?? []) expect(screen.getByTestId(id)).toBeTruthy();
      expect(await seriousViolations()).toEqual([]);
      await fireEvent.click(screen.getByTestId("lang-en"));
      expect(document.documentElement.lang).toBe("en");
      expect(await seriousViolations()).toEqual([]);
    });
  }
});
