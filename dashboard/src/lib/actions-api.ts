/**
 * Corrective actions (issue 24, item 1; docs/api-admin.md "Corrective actions"): a client of its
 * own beside `createApiClient` (as the indicators' is), with the same error semantics —
 * ApiProblemError for a problem answer, NetworkError otherwise, 401 → onUnauthorized. Writes send
 * the version last seen as If-Match.
 */
import type {
  ActionAcceptInput,
  ActionCreateInput,
  ActionReopenInput,
  ActionReportInput,
  ActionStatus,
  CorrectiveAction,
  CorrectiveActionList,
} from "@scorecard/shared/contracts/corrective-actions";
import type { Finding } from "@scorecard/shared/contracts/admin";
import { type ApiClientOptions, createAuthedJson } from "./api.js";

export type { ActionCreateInput, ActionStatus, CorrectiveAction, CorrectiveActionList, Finding };

export interface ActionFilter {
  readonly period?: string | undefined;
  readonly unitId?: string | undefined;
  readonly status?: ActionStatus | undefined;
  readonly overdue?: boolean | undefined;
}

export interface ActionsApi {
  list(filter: ActionFilter, signal?: AbortSignal): Promise<CorrectiveActionList>;
  unitList(unitId: string, signal?: AbortSignal): Promise<CorrectiveActionList>;
  open(body: ActionCreateInput): Promise<CorrectiveAction>;
  accept(actionId: string, body: ActionAcceptInput, version: number): Promise<CorrectiveAction>;
  reopen(actionId: string, body: ActionReopenInput, version: number): Promise<CorrectiveAction>;
  report(unitId: string, actionId: string, body: ActionReportInput, version: number): Promise<CorrectiveAction>;
  /** The concluded findings of a period, to open an action from (GET /v1/admin/findings). */
  findings(period: string, signal?: AbortSignal): Promise<{ findings: readonly Finding[] }>;
}

export function createActionsApi(options: Partial<ApiClientOptions> = {}): ActionsApi {
  const json = createAuthedJson(options);
  const seg = encodeURIComponent;
  const query = (f: ActionFilter) => {
    const q = new URLSearchParams();
    if (f.period) q.set("period", f.period);
    if (f.unitId) q.set("unitId", f.unitId);
    if (f.status) q.set("status", f.status);
    if (f.overdue !== undefined) q.set("overdue", String(f.overdue));
    const s = q.toString();
    return s ? `?${s}` : "";
  };
  return {
    list: (f, signal) => json(`/v1/admin/actions${query(f)}`, "actions", { signal }),
    unitList: (unitId, signal) => json(`/v1/units/${seg(unitId)}/actions`, "actions", { signal }),
    open: (body) => json("/v1/admin/actions", "actionId", { method: "POST", body }),
    accept: (id, body, version) => json(`/v1/admin/actions/${seg(id)}/accept`, "actionId", { method: "POST", body, version }),
    reopen: (id, body, version) => json(`/v1/admin/actions/${seg(id)}/reopen`, "actionId", { method: "POST", body, version }),
    report: (unitId, id, body, version) => json(`/v1/units/${seg(unitId)}/actions/${seg(id)}/report`, "actionId", { method: "POST", body, version }),
    findings: (period, signal) => json(`/v1/admin/findings?period=${seg(period)}`, "findings", { signal }),
  };
}
