/**
 * The service-index indicators Home Affairs enters (D3; issue 20, item 5; docs/api-admin.md): a
 * client of its own beside `createApiClient` (as the ratings client is), with the same error
 * semantics — ApiProblemError for a problem answer, NetworkError otherwise, 401 → onUnauthorized.
 */
import type { ManualIndicator } from "@scorecard/shared/contracts/admin";
import type { IndicatorEntryInput } from "@scorecard/shared/contracts/admin-requests";
import { type ApiClientOptions, createAuthedJson } from "./api.js";

export type { IndicatorEntryInput, ManualIndicator };

export interface ManualIndicatorsApi {
  /** Every indicator Home Affairs enters (D3), for a unit and period, entered or not. */
  list(unitId: string, period: string, signal?: AbortSignal): Promise<{ indicators: readonly ManualIndicator[] }>;
  /** Enter the counts at the version last seen (0: never entered). */
  put(unitId: string, period: string, indicator: string, body: IndicatorEntryInput, version: number): Promise<ManualIndicator>;
}

export function createManualIndicatorsApi(options: Partial<ApiClientOptions> = {}): ManualIndicatorsApi {
  const json = createAuthedJson(options);
  const seg = encodeURIComponent;

  return {
    list: (unitId, period, signal) => json(`/v1/admin/indicators/${seg(unitId)}/${seg(period)}`, "indicators", { signal }),
    put: (unitId, period, indicator, body, version) => json(`/v1/admin/indicators/${seg(unitId)}/${seg(period)}/${seg(indicator)}`, "indicator", { method: "PUT", body, version }),
  };
}
