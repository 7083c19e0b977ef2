/**
 * Proposals on heads (D8) and the report submission (D10) — issue 24, items 2 and 3. Writes carry
 * the version last seen; the server's refusals are kept as codes and fields (the components word
 * them), and the data is reloaded after every write.
 */
import { type Outcome, attempt } from "../lib/admin-outcome.js";
import type { Narrative, Proposal, ProposalInput, ProposalsApi, ReportDeadline, SubmissionTracker, SubmissionsApi } from "../lib/proposals-api.js";
import { Resource } from "./resource.svelte.js";

const required = (field: string): Outcome => ({ ok: false, code: "INVALID_CONTENT", status: 422, errors: [{ field, code: "REQUIRED" }] });

/** The half-year or year a period's report belongs to: itself, or the half-year holding a month or quarter. */
export function reportPeriodOf(periodId: string): string | null {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/.exec(periodId);
  if (!m) return null;
  if (m[2] === undefined && m[3] === undefined) return periodId;
  const month = m[2] !== undefined ? Number(m[2]) : (Number(m[3]) - 1) * 3 + 1;
  return `${m[1]}-H${month <= 6 ? 1 : 2}`;
}

export class ProposalsModel {
  readonly list = new Resource<readonly Proposal[]>();
  outcome = $state.raw<Outcome | null>(null);
  /** Which proposal the outcome is about (null: the new-proposal form). */
  outcomeFor = $state<string | null>(null);
  busy = $state(false);
  constructor(private readonly api: ProposalsApi) {}

  load(): Promise<void> {
    return this.list.load(async (signal) => (await this.api.list(undefined, signal)).proposals, (d) => d.length === 0);
  }

  /** Refused before any request when the form misses a head or a basis. */
  create(input: Omit<ProposalInput, "headId"> & { headId: string | null }): Promise<Outcome> {
    if (!input.headId) return this.#set(required("headId"), null);
    if (input.basis.length === 0) return this.#set(required("basis"), null);
    if (!input.reason.trim()) return this.#set(required("reason"), null);
    const body: ProposalInput = { ...input, headId: input.headId, reason: input.reason.trim() };
    return this.#write(null, () => this.api.create(body));
  }

  decide(p: Proposal, d: { decisionNumber: string; decisionDate: string; outcome: string }): Promise<Outcome> {
    return this.#write(p.proposalId, () => this.api.decide(p.proposalId, d, p.version));
  }

  withdraw(p: Proposal, reason: string): Promise<Outcome> {
    return this.#write(p.proposalId, () => this.api.withdraw(p.proposalId, { reason }, p.version));
  }

  async #set(o: Outcome, id: string | null): Promise<Outcome> {
    this.outcome = o;
    this.outcomeFor = id;
    return o;
  }

  async #write(id: string | null, w: () => Promise<unknown>): Promise<Outcome> {
    this.busy = true;
    const outcome = await attempt(w);
    this.outcome = outcome;
    this.outcomeFor = id;
    this.busy = false;
    await this.load();
    return outcome;
  }

  dispose(): void {
    this.list.dispose();
  }
}

/** Home Affairs' and the chairman's tracker of one report period (one tier at a time), and its deadline. */
export class SubmissionsModel {
  readonly deadline = new Resource<ReportDeadline>();
  readonly tracker = new Resource<SubmissionTracker>();
  outcome = $state.raw<Outcome | null>(null);
  busy = $state(false);
  #period = "";
  #tier = "";
  constructor(private readonly api: SubmissionsApi) {}

  async load(period: string, tier: string): Promise<void> {
    if (period !== this.#period) this.outcome = null;
    this.#period = period;
    this.#tier = tier;
    await Promise.all([
      this.deadline.load((signal) => this.api.deadline(period, signal)),
      this.tracker.load((signal) => this.api.tracker(period, tier, signal), (d) => d.units.length === 0),
    ]);
  }

  async setDeadline(deadline: string, note: string): Promise<Outcome> {
    if (!deadline) {
      this.outcome = required("deadline");
      return this.outcome;
    }
    this.busy = true;
    const version = this.deadline.data?.version ?? 0;
    this.outcome = await attempt(() => this.api.setDeadline(this.#period, { deadline, ...(note.trim() ? { note: note.trim() } : {}) }, version));
    this.busy = false;
    await this.load(this.#period, this.#tier);
    return this.outcome;
  }

  dispose(): void {
    this.deadline.dispose();
    this.tracker.dispose();
  }
}

/** A unit's narrative for a report period: read by its officer, the chairman and Home Affairs; submitted by its officer. */
export class NarrativeModel {
  readonly narrative = new Resource<Narrative>();
  outcome = $state.raw<Outcome | null>(null);
  busy = $state(false);
  #unitId = "";
  #period = "";
  constructor(private readonly api: SubmissionsApi) {}

  load(unitId: string, period: string): Promise<void> {
    if (unitId !== this.#unitId || period !== this.#period) this.outcome = null;
    this.#unitId = unitId;
    this.#period = period;
    return this.narrative.load((signal) => this.api.narrative(unitId, period, signal));
  }

  async submit(text: string): Promise<Outcome> {
    if (!text.trim()) {
      this.outcome = required("text");
      return this.outcome;
    }
    this.busy = true;
    const version = this.narrative.data?.version ?? 0;
    this.outcome = await attempt(() => this.api.submit(this.#unitId, this.#period, text.trim(), version));
    this.busy = false;
    await this.load(this.#unitId, this.#period);
    return this.outcome;
  }

  dispose(): void {
    this.narrative.dispose();
  }
}
