/**
 * The report documents (issue 24, item 3): `GET /v1/reports/{period}` (the province's) and
 * `GET /v1/units/{unitId}/reports/{period}` (one unit's), with the signed-in user's token.
 */
import type { ReportDocument } from "@scorecard/shared/contracts/reports";
import { type ApiClientOptions, createRequester } from "./api.js";

/** The report's own check: a period and its units. */
const looksLikeReport = (v: unknown): v is ReportDocument =>
  typeof v === "object" && v !== null && Array.isArray((v as Record<string, unknown>)["units"]) && typeof (v as Record<string, unknown>)["period"] === "string";

export function createReportsApi(o: Partial<ApiClientOptions>) {
  const { json } = createRequester(o);
  return {
    report(period: string, unitId: string | null, signal?: AbortSignal): Promise<ReportDocument> {
      const path = unitId === null ? `/v1/reports/${encodeURIComponent(period)}` : `/v1/units/${encodeURIComponent(unitId)}/reports/${encodeURIComponent(period)}`;
      return json(path, looksLikeReport, { auth: true, signal });
    },
  };
}
export type ReportsApi = ReturnType<typeof createReportsApi>;
