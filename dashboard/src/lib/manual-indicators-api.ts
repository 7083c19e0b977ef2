/**
 * The service-index indicators Home Affairs enters (D3; issue 20, item 5; docs/api-admin.md): a
 * client of its own beside `createApiClient` (as the ratings client is), with the same error
 * semantics — ApiProblemError for a problem answer, NetworkError otherwise, 401 → onUnauthorized.
 */
import type { ManualIndicator } from "@scorecard/shared/contracts/admin";
import type { IndicatorEntryInput } from "@scorecard/shared/contracts/admin-requests";
import type { Problem } from "@scorecard/shared/contracts/api";
import { type ApiClientOptions, ApiProblemError, NetworkError, isAbortError } from "./api.js";

export type { IndicatorEntryInput, ManualIndicator };

export interface ManualIndicatorsApi {
  /** Every indicator Home Affairs enters (D3), for a unit and period, entered or not. */
  list(unitId: string, period: string, signal?: AbortSignal): Promise<{ indicators: readonly ManualIndicator[] }>;
  /** Enter the counts at the version last seen (0: never entered). */
  put(unitId: string, period: string, indicator: string, body: IndicatorEntryInput, version: number): Promise<ManualIndicator>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function problemOf(body: unknown, res: Response): Problem {
  if (isObject(body) && typeof body.code === "string" && typeof body.title === "string") return { type: "about:blank", ...body, status: typeof body.status === "number" ? body.status : res.status } as Problem;
  return { type: "about:blank", title: res.statusText || "HTTP error", status: res.status, code: `HTTP_${res.status}` };
}

export function createManualIndicatorsApi(options: Partial<ApiClientOptions> = {}): ManualIndicatorsApi {
  const baseUrl = options.baseUrl ?? "";
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const seg = encodeURIComponent;

  async function json<T>(path: string, has: string, o: { method?: "GET" | "PUT"; body?: unknown; version?: number; signal?: AbortSignal | undefined } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    const token = options.token?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (o.body !== undefined) headers["content-type"] = "application/json";
    if (o.version !== undefined) headers["if-match"] = `"${o.version}"`;
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}`, { method: o.method ?? "GET", headers, ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }), signal: o.signal ?? null });
    } catch (e) {
      if (isAbortError(e)) throw e;
      throw new NetworkError(`request failed: ${path}`, { cause: e });
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch (e) {
      if (isAbortError(e)) throw e;
      body = undefined;
    }
    if (!res.ok) {
      if (res.status === 401) options.onUnauthorized?.();
      throw new ApiProblemError(problemOf(body, res));
    }
    if (!isObject(body) || !(has in body)) throw new NetworkError(`unexpected response body from ${path}`);
    return body as T;
  }

  return {
    list: (unitId, period, signal) => json(`/v1/admin/indicators/${seg(unitId)}/${seg(period)}`, "indicators", { signal }),
    put: (unitId, period, indicator, body, version) => json(`/v1/admin/indicators/${seg(unitId)}/${seg(period)}/${seg(indicator)}`, "indicator", { method: "PUT", body, version }),
  };
}
