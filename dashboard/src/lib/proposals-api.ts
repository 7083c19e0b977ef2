/**
 * Proposals on heads (D8) and the report submission (D10) — issue 24, items 2 and 3;
 * docs/api-admin.md — a client of its own beside `createApiClient` (as the indicators' is), with
 * the same error semantics: ApiProblemError for a problem answer, NetworkError otherwise, 401 →
 * onUnauthorized. Writes send the version last seen as If-Match.
 */
import type { Problem } from "@scorecard/shared/contracts/api";
import type { CorrectiveAction } from "@scorecard/shared/contracts/corrective-actions";
import type { Proposal, ProposalDecisionInput, ProposalInput, ProposalWithdrawInput } from "@scorecard/shared/contracts/proposals";
import type { Narrative, ReportDeadline, SubmissionTracker } from "@scorecard/shared/contracts/report-submissions";
import { type ApiClientOptions, ApiProblemError, NetworkError, isAbortError } from "./api.js";

export type { Narrative, Proposal, ProposalInput, ReportDeadline, SubmissionTracker };

export interface ProposalsApi {
  list(unitId?: string, signal?: AbortSignal): Promise<{ proposals: readonly Proposal[] }>;
  create(body: ProposalInput): Promise<Proposal>;
  decide(proposalId: string, body: ProposalDecisionInput, version: number): Promise<Proposal>;
  withdraw(proposalId: string, body: ProposalWithdrawInput, version: number): Promise<Proposal>;
  /** The corrective actions opened against a unit (issue 24, item 1): what a proposal may cite. */
  actions(unitId: string, signal?: AbortSignal): Promise<{ actions: readonly CorrectiveAction[] }>;
}

export interface SubmissionsApi {
  deadline(period: string, signal?: AbortSignal): Promise<ReportDeadline>;
  setDeadline(period: string, body: { deadline: string; note?: string }, version: number): Promise<ReportDeadline>;
  tracker(period: string, tier?: string, signal?: AbortSignal): Promise<SubmissionTracker>;
  narrative(unitId: string, period: string, signal?: AbortSignal): Promise<Narrative>;
  submit(unitId: string, period: string, text: string, version: number): Promise<Narrative>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function problemOf(body: unknown, res: Response): Problem {
  if (isObject(body) && typeof body.code === "string" && typeof body.title === "string") return { type: "about:blank", ...body, status: typeof body.status === "number" ? body.status : res.status } as Problem;
  return { type: "about:blank", title: res.statusText || "HTTP error", status: res.status, code: `HTTP_${res.status}` };
}

type Request = <T>(path: string, has: string, o?: { method?: "GET" | "PUT" | "POST"; body?: unknown; version?: number; signal?: AbortSignal | undefined }) => Promise<T>;

function requester(options: Partial<ApiClientOptions>): Request {
  const baseUrl = options.baseUrl ?? "";
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return async <T>(path: string, has: string, o: { method?: "GET" | "PUT" | "POST"; body?: unknown; version?: number; signal?: AbortSignal | undefined } = {}): Promise<T> => {
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
  };
}

const seg = encodeURIComponent;

export function createProposalsApi(options: Partial<ApiClientOptions> = {}): ProposalsApi {
  const json = requester(options);
  return {
    list: (unitId, signal) => json(`/v1/admin/proposals${unitId ? `?unitId=${seg(unitId)}` : ""}`, "proposals", { signal }),
    create: (body) => json("/v1/admin/proposals", "proposalId", { method: "POST", body }),
    decide: (id, body, version) => json(`/v1/admin/proposals/${seg(id)}/decide`, "proposalId", { method: "POST", body, version }),
    withdraw: (id, body, version) => json(`/v1/admin/proposals/${seg(id)}/withdraw`, "proposalId", { method: "POST", body, version }),
    actions: (unitId, signal) => json(`/v1/admin/actions?unitId=${seg(unitId)}`, "actions", { signal }),
  };
}

export function createSubmissionsApi(options: Partial<ApiClientOptions> = {}): SubmissionsApi {
  const json = requester(options);
  return {
    deadline: (period, signal) => json(`/v1/admin/reports/${seg(period)}/deadline`, "period", { signal }),
    setDeadline: (period, body, version) => json(`/v1/admin/reports/${seg(period)}/deadline`, "period", { method: "PUT", body, version }),
    tracker: (period, tier, signal) => json(`/v1/admin/reports/${seg(period)}/submissions${tier ? `?tier=${seg(tier)}` : ""}`, "units", { signal }),
    narrative: (unitId, period, signal) => json(`/v1/units/${seg(unitId)}/reports/${seg(period)}/narrative`, "state", { signal }),
    submit: (unitId, period, text, version) => json(`/v1/units/${seg(unitId)}/reports/${seg(period)}/narrative`, "state", { method: "PUT", body: { text }, version }),
  };
}
