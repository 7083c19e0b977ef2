/**
 * The Home Affairs workspace (docs/api-admin.md): findings with their locked state, manual
 * criteria, heads and tenures, publication with the difference list, and the audit log. Writes
 * carry the version last seen (If-Match); a stale or locked write is reported and the data reloaded.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { type ApiClient, ApiProblemError, toApiError } from "../lib/api.js";
import type { AuditEntry, Criterion, Finding, FindingInput, HeadRoster, Publications, PublishResult } from "../lib/api-types.js";
import { Resource } from "./resource.svelte.js";

/** What happened to the last write: "saved", or a problem code the page translates. */
export type Outcome = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly status: number; readonly detail: string | undefined };

async function attempt(write: () => Promise<unknown>): Promise<Outcome> {
  try {
    await write();
    return { ok: true };
  } catch (e) {
    const err = toApiError(e);
    return err instanceof ApiProblemError
      ? { ok: false, code: err.code, status: err.status, detail: err.problem.detail }
      : { ok: false, code: "NETWORK", status: 0, detail: err.message };
  }
}

export class FindingsModel {
  readonly list = new Resource<readonly Finding[]>();
  outcome = $state.raw<Outcome | null>(null);
  busy = $state(false);
  #period = "";
  constructor(private readonly api: ApiClient) {}

  load(period: string): Promise<void> {
    this.#period = period;
    return this.list.load(async (signal) => (await this.api.findings(period, undefined, signal)).findings, (d) => d.length === 0);
  }

  async create(input: FindingInput): Promise<Outcome> {
    return this.#write(() => this.api.createFinding(input));
  }

  async conclude(f: Finding, notice: { noticeNumber: string; noticeDate: string }): Promise<Outcome> {
    return this.#write(() => this.api.concludeFinding(f.findingId, notice, f.version));
  }

  async #write(w: () => Promise<unknown>): Promise<Outcome> {
    this.busy = true;
    const outcome = await attempt(w);
    this.outcome = outcome;
    this.busy = false;
    await this.load(this.#period);
    return outcome;
  }

  dispose(): void {
    this.list.dispose();
  }
}

export class CriteriaModel {
  readonly list = new Resource<readonly Criterion[]>();
  outcome = $state.raw<Outcome | null>(null);
  #unitId = "";
  #period = "";
  constructor(private readonly api: ApiClient) {}

  load(unitId: string, period: string): Promise<void> {
    this.#unitId = unitId;
    this.#period = period;
    return this.list.load(async (signal) => (await this.api.criteria(unitId, period, signal)).criteria, (d) => d.length === 0);
  }

  async save(c: Criterion, points: number, evidence: string): Promise<Outcome> {
    const outcome = await attempt(() => this.api.putCriterion(c.unitId, c.period, c.criterion, { points, evidence }, c.version));
    this.outcome = outcome;
    await this.load(this.#unitId, this.#period);
    return outcome;
  }

  dispose(): void {
    this.list.dispose();
  }
}

export class HeadsModel {
  readonly list = new Resource<readonly HeadRoster[]>();
  outcome = $state.raw<Outcome | null>(null);
  constructor(private readonly api: ApiClient) {}

  load(): Promise<void> {
    return this.list.load(async (signal) => (await this.api.heads(signal)).units, (d) => d.length === 0);
  }

  async add(roster: HeadRoster, head: { name: string; title: string; tenureFrom: string; tenureTo: string | null }): Promise<Outcome> {
    const outcome = await attempt(() => this.api.addHead(roster.unitId, head, roster.version));
    this.outcome = outcome;
    await this.load();
    return outcome;
  }

  dispose(): void {
    this.list.dispose();
  }
}

export class PublishModel {
  readonly publications = new Resource<Publications>();
  outcome = $state.raw<Outcome | null>(null);
  result = $state.raw<PublishResult | null>(null);
  busy = $state(false);
  #period = "";
  constructor(private readonly api: ApiClient) {}

  load(period: string): Promise<void> {
    this.#period = period;
    return this.publications.load((signal) => this.api.publications(period, signal));
  }

  async publish(): Promise<Outcome> {
    this.busy = true;
    this.result = null;
    const outcome = await attempt(async () => {
      this.result = await this.api.publish(this.#period);
    });
    this.outcome = outcome;
    this.busy = false;
    await this.load(this.#period);
    return outcome;
  }

  dispose(): void {
    this.publications.dispose();
  }
}

export class AuditModel {
  readonly first = new Resource<{ entries: readonly AuditEntry[]; next: string | null }>();
  more = $state.raw<readonly AuditEntry[]>([]);
  next = $state<string | null>(null);
  readonly entries: readonly AuditEntry[] = $derived([...(this.first.data?.entries ?? []), ...this.more]);
  constructor(private readonly api: ApiClient) {}

  async load(): Promise<void> {
    this.more = [];
    await this.first.load((signal) => this.api.audit({ limit: 50 }, signal), (d) => d.entries.length === 0);
    this.next = this.first.data?.next ?? null;
  }

  async loadMore(): Promise<void> {
    if (!this.next) return;
    const page = await this.api.audit({ limit: 50, cursor: this.next });
    this.more = [...this.more, ...page.entries];
    this.next = page.next;
  }

  csv(): Promise<string> {
    return this.api.auditCsv();
  }

  dispose(): void {
    this.first.dispose();
  }
}

/** The periods the workspace offers (the scored ones, newest first). */
export async function periodsOf(meta: () => Promise<PublicMeta>): Promise<readonly string[]> {
  try {
    return (await meta()).periods;
  } catch {
    return [];
  }
}
