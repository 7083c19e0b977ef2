/**
 * Corrective actions in the dashboard (issue 24, item 1): Home Affairs' list with its filters and
 * the open / accept / reopen writes (admin section "actions"), one unit's actions with the unit
 * officer's report (the scorecard), and the province's overdue actions (the chairman's overview).
 * Each write sends the version last seen (If-Match) and reloads the list it changed.
 */
import type { Finding } from "@scorecard/shared/contracts/admin";
import { ApiProblemError, toApiError } from "../lib/api.js";
import type { ActionCreateInput, ActionFilter, ActionsApi, CorrectiveAction, CorrectiveActionList } from "../lib/actions-api.js";
import type { ActionsMessages } from "../lib/i18n/actions.js";
import { Resource } from "./resource.svelte.js";

/** What the last write did: saved, or the problem's code and the fields it names. */
export type ActionOutcome =
  | { readonly ok: true; readonly actionId: string }
  | { readonly ok: false; readonly actionId: string | null; readonly code: string; readonly status: number; readonly errors?: readonly { readonly field: string; readonly code: string }[] | undefined };

async function attempt(actionId: string | null, write: () => Promise<CorrectiveAction>): Promise<ActionOutcome> {
  try {
    const a = await write();
    return { ok: true, actionId: a.actionId };
  } catch (e) {
    const err = toApiError(e);
    return err instanceof ApiProblemError ? { ok: false, actionId, code: err.code, status: err.status, errors: err.problem.errors } : { ok: false, actionId, code: "NETWORK", status: 0 };
  }
}

/** The outcome in words: "saved", or why not, each refused field named (never the server's English). Pure. */
export function outcomeWords(o: ActionOutcome | null, W: ActionsMessages): { kind: "ok" | "error"; text: string; fields: string[] } | null {
  if (!o) return null;
  if (o.ok) return { kind: "ok", text: W.outcome.saved, fields: [] };
  const fields = (o.errors ?? []).map((e) => `${W.fields[e.field.split(".")[0] ?? e.field] ?? e.field}: ${W.codes[e.code] ?? W.codes.INVALID_VALUE}`);
  if (o.code === "VERSION_CONFLICT" || o.code === "VERSION_MISMATCH") return { kind: "error", text: W.outcome.conflict, fields: [] };
  if (o.code === "ALREADY_EXISTS") return { kind: "error", text: W.outcome.exists, fields: [] };
  if (o.status === 404) return { kind: "error", text: W.outcome.notFound, fields: [] };
  if (o.status === 403) return { kind: "error", text: W.outcome.forbidden, fields: [] };
  if (o.status === 422 || o.status === 400) return { kind: "error", text: W.outcome.invalid, fields };
  if (o.status === 0) return { kind: "error", text: W.outcome.network, fields: [] };
  return { kind: "error", text: W.outcome.other(o.status, o.code), fields: [] };
}

/** Home Affairs' workspace section. */
export class AdminActionsModel {
  readonly list = new Resource<CorrectiveActionList>();
  /** The period's findings (the concluded ones are a basis). */
  readonly findings = new Resource<readonly Finding[]>();
  outcome = $state.raw<ActionOutcome | null>(null);
  busy = $state(false);
  filter = $state.raw<ActionFilter>({});
  #period = "";
  constructor(private readonly api: ActionsApi) {}

  load(filter: ActionFilter, period: string): Promise<void> {
    this.filter = filter;
    if (period !== this.#period) {
      this.#period = period;
      void this.findings.load((s) => this.api.findings(period, s).then((r) => r.findings.filter((f) => f.status === "CONCLUDED")));
    }
    return this.list.load((s) => this.api.list(filter, s), (d) => d.actions.length === 0);
  }

  async #write(actionId: string | null, write: () => Promise<CorrectiveAction>): Promise<ActionOutcome> {
    this.busy = true;
    try {
      this.outcome = await attempt(actionId, write);
      if (this.outcome.ok) await this.list.load((s) => this.api.list(this.filter, s), (d) => d.actions.length === 0);
      return this.outcome;
    } finally {
      this.busy = false;
    }
  }

  /**
   * The id this form's action is opened under, chosen here and kept until it is opened: sending the
   * same request again after a lost answer is a harmless double submit (200 with the stored action).
   */
  #pendingId: string | null = null;
  open = async (input: Omit<ActionCreateInput, "actionId">) => {
    this.#pendingId ??= `CA-${typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`}`;
    const actionId = this.#pendingId;
    const o = await this.#write(null, () => this.api.open({ ...input, actionId }));
    if (o.ok || o.code === "ALREADY_EXISTS") this.#pendingId = null;
    return o;
  };
  accept = (a: CorrectiveAction, note: string) => this.#write(a.actionId, () => this.api.accept(a.actionId, note ? { note } : {}, a.version));
  reopen = (a: CorrectiveAction, reason: string, deadline: string) => this.#write(a.actionId, () => this.api.reopen(a.actionId, { reason, ...(deadline ? { deadline } : {}) }, a.version));

  dispose(): void {
    this.list.dispose();
    this.findings.dispose();
  }
}

/** One unit's actions on its scorecard; its officer reports on them. */
export class UnitActionsModel {
  readonly list = new Resource<CorrectiveActionList>();
  outcome = $state.raw<ActionOutcome | null>(null);
  busy = $state(false);
  #unitId = "";
  constructor(private readonly api: ActionsApi) {}

  load(unitId: string): Promise<void> {
    this.#unitId = unitId;
    return this.list.load((s) => this.api.unitList(unitId, s), (d) => d.actions.length === 0);
  }

  async report(a: CorrectiveAction, text: string, indicator: string): Promise<ActionOutcome> {
    this.busy = true;
    try {
      this.outcome = await attempt(a.actionId, () => this.api.report(a.unitId, a.actionId, { text, ...(indicator ? { indicator } : {}) }, a.version));
      if (this.outcome.ok) await this.load(this.#unitId);
      return this.outcome;
    } finally {
      this.busy = false;
    }
  }

  dispose(): void {
    this.list.dispose();
  }
}

/** The province's overdue actions (the chairman's overview). */
export class OverdueActionsModel {
  readonly list = new Resource<CorrectiveActionList>();
  constructor(private readonly api: ActionsApi) {}
  load = (): Promise<void> => this.list.load((s) => this.api.list({ overdue: true }, s), (d) => d.actions.length === 0);
  dispose(): void {
    this.list.dispose();
  }
}
