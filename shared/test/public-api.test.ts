import { describe, expect, it } from "vitest";
import * as shared from "../src/index.js";

describe("Public API of @scorecard/shared", () => {
  it("exports the domain core from the barrel", () => {
    for (const name of [
      "complaintSchema", "procedureSchema", "unitsValidIn", "successorChain", "predecessorChain", "trendUnits", "demoHeads", "tenureIn", "isRatable",
      "legalDueAt", "legalDueDate", "caseFacts", "distinctEvents", "complaintFacts", "attributeDelay", "overrunByUnit", "DN_2026_1", "getMethodology",
      "scoreIndicator", "scoreUnit", "scoreUnits", "competitionRank", "bandOf", "reformIndex", "assertAppraisable", "rateHead", "rateHeads",
      "headFindingDeductions", "referenceIndicators", "referenceScorecard",
      "DN_2026_2", "METHODOLOGIES", "DEFAULT_METHODOLOGY_ID", "methodologyById", "validateMethodology", "assertValidMethodology", "maxTotalOf",
      "indicatorLabel", "groupLabel", "bandLabel", "unitOf", "formatKind", "isLowerBetter", "indicatorDefinitionText", "formatIndicatorValue",
    ]) {
      expect(shared, name).toHaveProperty(name);
    }
  });

  it("looks methodology versions up by id and refuses unknown ones", () => {
    expect(shared.getMethodology().id).toBe("dn-2026.2");
    expect(shared.DEFAULT_METHODOLOGY_ID).toBe("dn-2026.2");
    expect(shared.getMethodology("dn-2026.1")).toBe(shared.DN_2026_1);
    expect(() => shared.getMethodology("dn-1999.9")).toThrow(shared.UnknownMethodologyError);
  });
});
