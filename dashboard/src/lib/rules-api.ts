/**
 * Rules as data (issue 24, item 4; docs/api-admin.md "Rules as data"): the holiday calendar and the
 * unit catalog Home Affairs changes, a client of its own beside `createApiClient` with the same
 * error semantics (ApiProblemError for a problem answer, NetworkError otherwise, 401 →
 * onUnauthorized). Writes send the kind's version last seen as If-Match.
 */
import type { HolidayYearInput, MethodologyPreview, MethodologyVersionInput, RulesView, UnitChangeInput } from "@scorecard/shared/contracts/rules";
import { type ApiClientOptions, createAuthedJson } from "./api.js";

export type { HolidayYearInput, MethodologyPreview, MethodologyVersionInput, RulesView, UnitChangeInput };

export interface RulesApi {
  read(signal?: AbortSignal): Promise<RulesView>;
  recordHolidayYear(body: HolidayYearInput, version: number): Promise<RulesView["holidays"]>;
  recordUnitChange(body: UnitChangeInput, version: number): Promise<RulesView["units"]>;
  previewMethodology(body: MethodologyVersionInput): Promise<MethodologyPreview>;
  publishMethodology(body: MethodologyVersionInput, version: number): Promise<RulesView["methodology"]>;
}

export function createRulesApi(options: Partial<ApiClientOptions> = {}): RulesApi {
  const json = createAuthedJson(options);
  return {
    read: (signal) => json("/v1/admin/rules", "holidays", { signal }),
    recordHolidayYear: (body, version) => json("/v1/admin/rules/holidays", "years", { method: "PUT", body, version }),
    recordUnitChange: (body, version) => json("/v1/admin/rules/unit-changes", "versions", { method: "POST", body, version }),
    previewMethodology: (body) => json("/v1/admin/rules/methodology/preview", "valid", { method: "POST", body }),
    publishMethodology: (body, version) => json("/v1/admin/rules/methodology", "versions", { method: "POST", body, version }),
  };
}
