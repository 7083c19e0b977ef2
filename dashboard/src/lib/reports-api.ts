/**
 * The report documents (issue 24, item 3): `GET /v1/reports/{period}` (the province's) and
 * `GET /v1/units/{unitId}/reports/{period}` (one unit's), with the signed-in user's token.
 */
import type { ReportDocument } from "@scorecard/shared/contracts/reports";
import { ApiProblemError, NetworkError, isAbortError } from "./api.js";

export interface ReportsApiOptions {
  readonly token: () => string | null;
  readonly onUnauthorized?: () => void;
  readonly fetch?: typeof fetch;
  readonly baseUrl?: string;
}

export function createReportsApi(o: ReportsApiOptions) {
  const doFetch: typeof fetch = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    async report(period: string, unitId: string | null, signal?: AbortSignal): Promise<ReportDocument> {
      const path = unitId === null ? `/v1/reports/${encodeURIComponent(period)}` : `/v1/units/${encodeURIComponent(unitId)}/reports/${encodeURIComponent(period)}`;
      const headers: Record<string, string> = { accept: "application/json" };
      const token = o.token();
      if (token) headers.authorization = `Bearer ${token}`;
      let res: Response;
      try {
        res = await doFetch(`${o.baseUrl ?? ""}${path}`, { headers, signal: signal ?? null });
      } catch (e) {
        if (isAbortError(e)) throw e;
        throw new NetworkError(`request failed: ${path}`, { cause: e });
      }
      const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
      if (!res.ok) {
        if (res.status === 401) o.onUnauthorized?.();
        throw new ApiProblemError({ type: "about:blank", title: res.statusText || "HTTP error", status: res.status, code: `HTTP_${res.status}`, ...(body ?? {}) } as never);
      }
      if (!body || !Array.isArray(body["units"]) || typeof body["period"] !== "string") throw new NetworkError(`unexpected response body from ${path}`);
      return body as unknown as ReportDocument;
    },
  };
}
export type ReportsApi = ReturnType<typeof createReportsApi>;
