/**
 * Proposals on heads (D8) and the report submission (D10) — issue 24, items 2 and 3;
 * docs/api-admin.md — a client of its own beside `createApiClient` (as the indicators' is), with
 * the same error semantics: ApiProblemError for a problem answer, NetworkError otherwise, 401 →
 * onUnauthorized. Writes send the version last seen as If-Match.
 */
import type { CorrectiveAction } from "@scorecard/shared/contracts/corrective-actions";
import type { Proposal, ProposalDecisionInput, ProposalInput, ProposalWithdrawInput } from "@scorecard/shared/contracts/proposals";
import type { Narrative, ReportDeadline, SubmissionTracker } from "@scorecard/shared/contracts/report-submissions";
import { type ApiClientOptions, createAuthedJson } from "./api.js";

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

const seg = encodeURIComponent;

export function createProposalsApi(options: Partial<ApiClientOptions> = {}): ProposalsApi {
  const json = createAuthedJson(options);
  return {
    list: (unitId, signal) => json(`/v1/admin/proposals${unitId ? `?unitId=${seg(unitId)}` : ""}`, "proposals", { signal }),
    create: (body) => json("/v1/admin/proposals", "proposalId", { method: "POST", body }),
    decide: (id, body, version) => json(`/v1/admin/proposals/${seg(id)}/decide`, "proposalId", { method: "POST", body, version }),
    withdraw: (id, body, version) => json(`/v1/admin/proposals/${seg(id)}/withdraw`, "proposalId", { method: "POST", body, version }),
    actions: (unitId, signal) => json(`/v1/admin/actions?unitId=${seg(unitId)}`, "actions", { signal }),
  };
}

export function createSubmissionsApi(options: Partial<ApiClientOptions> = {}): SubmissionsApi {
  const json = createAuthedJson(options);
  return {
    deadline: (period, signal) => json(`/v1/admin/reports/${seg(period)}/deadline`, "period", { signal }),
    setDeadline: (period, body, version) => json(`/v1/admin/reports/${seg(period)}/deadline`, "period", { method: "PUT", body, version }),
    tracker: (period, tier, signal) => json(`/v1/admin/reports/${seg(period)}/submissions${tier ? `?tier=${seg(tier)}` : ""}`, "units", { signal }),
    narrative: (unitId, period, signal) => json(`/v1/units/${seg(unitId)}/reports/${seg(period)}/narrative`, "state", { signal }),
    submit: (unitId, period, text, version) => json(`/v1/units/${seg(unitId)}/reports/${seg(period)}/narrative`, "state", { method: "PUT", body: { text }, version }),
  };
}
