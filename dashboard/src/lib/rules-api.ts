/**
 * Rules as data (issue 24, item 4; docs/api-admin.md "Rules as data"): the holiday calendar and the
 * unit catalog Home Affairs changes, a client of its own beside `createApiClient` with the same
 * error semantics (ApiProblemError for a problem answer, NetworkError otherwise, 401 →
 * onUnauthorized). Writes send the kind's version last seen as If-Match.
 */
import type { Problem } from "@scorecard/shared/contracts/api";
import type { HolidayYearInput, MethodologyPreview, MethodologyVersionInput, RulesView, UnitChangeInput } from "@scorecard/shared/contracts/rules";
import { type ApiClientOptions, ApiProblemError, NetworkError, isAbortError } from "./api.js";

export type { HolidayYearInput, MethodologyPreview, MethodologyVersionInput, RulesView, UnitChangeInput };

export interface RulesApi {
  read(signal?: AbortSignal): Promise<RulesView>;
  recordHolidayYear(body: HolidayYearInput, version: number): Promise<RulesView["holidays"]>;
  recordUnitChange(body: UnitChangeInput, version: number): Promise<RulesView["units"]>;
  previewMethodology(body: MethodologyVersionInput): Promise<MethodologyPreview>;
  publishMethodology(body: MethodologyVersionInput, version: number): Promise<RulesView["methodology"]>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function createRulesApi(options: Partial<ApiClientOptions> = {}): RulesApi {
  const baseUrl = options.baseUrl ?? "";
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const json = async <T>(path: string, has: string, o: { method?: "GET" | "PUT" | "POST"; body?: unknown; version?: number; signal?: AbortSignal | undefined } = {}): Promise<T> => {
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
      const problem: Problem =
        isObject(body) && typeof body.code === "string" && typeof body.title === "string"
          ? ({ type: "about:blank", ...body, status: typeof body.status === "number" ? body.status : res.status } as Problem)
          : { type: "about:blank", title: res.statusText || "HTTP error", status: res.status, code: `HTTP_${res.status}` };
      throw new ApiProblemError(problem);
    }
    if (!isObject(body) || !(has in body)) throw new NetworkError(`unexpected response body from ${path}`);
    return body as T;
  };
  return {
    read: (signal) => json("/v1/admin/rules", "holidays", { signal }),
    recordHolidayYear: (body, version) => json("/v1/admin/rules/holidays", "years", { method: "PUT", body, version }),
    recordUnitChange: (body, version) => json("/v1/admin/rules/unit-changes", "versions", { method: "POST", body, version }),
    previewMethodology: (body) => json("/v1/admin/rules/methodology/preview", "valid", { method: "POST", body }),
    publishMethodology: (body, version) => json("/v1/admin/rules/methodology", "versions", { method: "POST", body, version }),
  };
}
