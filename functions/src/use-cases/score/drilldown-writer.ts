/**
 * The drill-down lists a scoring run writes (methodology §7; keys: shared/src/lake/layout.ts,
 * `drilldown/`), read back by the read API (use-cases/read/read-rankings.ts).
 */
import type { NewId } from "../../ports/runtime.js";
import type { QueryEngine, SqlValue } from "../../ports/engine.js";
import type { Lake } from "../../ports/lake.js";
import { type Period, longestPeriodEndingWith, periodsOfYear } from "@scorecard/shared";
import { LIST_FORMAT } from "@scorecard/shared/facts/indicator-lists";
import { type DrilldownPointer, catalogListPrefix, drilldownPrefix, drilldownRoot, drilldownRunKey, finishedListPrefix } from "@scorecard/shared/lake/layout";
import { getMethodology } from "@scorecard/shared/methodology/registry";
import { caseListSql } from "@scorecard/shared/sql/case-list.sql";
import { CATALOG_LIST_SQL, endListSql } from "@scorecard/shared/sql/record-list.sql";
import { type FactsSource, plus, sqlTimestamp } from "./staged-facts.js";

/** The `run` of an end's pointer when the run scored over kept facts (no list folder: `kept`). */
export const KEPT_RUN = "kept";

/** The parameters of an end's list statement (`endListSql`) for the longest period `span` of the end, under `methodology`. */
export function endListParams(span: Period, methodology: string) {
  const { acceptWithinWorkingDays, handleWithinWorkingDays } = getMethodology(methodology).complaints;
  return {
    period_start: sqlTimestamp(span.start),
    period_end: sqlTimestamp(span.end),
    month_to: span.endDate.slice(0, 7),
    accept_days: acceptWithinWorkingDays,
    handle_days: handleWithinWorkingDays,
  };
}

/** Hand over a clean-up the run does not wait for now (awaited at the end of the run). */
export type Defer = (cleanup: Promise<void>) => void;

/** What the writer needs of the scoring run's dependencies. */
export interface DrilldownDeps {
  readonly engine: QueryEngine;
  readonly lake: Lake;
  readonly methodology: string;
  readonly newId: NewId;
}

/**
 * The dossiers behind each unit's numbers (methodology §7). The verdicts depend on a period's end
 * only, so one case list serves every period with that end: the list of the longest of them
 * (`longestPeriodEndingWith`: the year for December, ...), from which the reader keeps a shorter
 * period's rows (`caseInList`). And a finished case's row is the same at every end after its last
 * event, so a staged run writes its finished cases once (`finishedListPrefix`, with `last_t`) and
 * each end's list only the cases open at that end; the end's pointer names both. Lists are written
 * under new run folders of the private lake (never under public/), one folder per unit, then the
 * pointer switched to them and the previous run removed; at the end of the run, the finished lists
 * no pointer names any more. The rows stay in the engine, which unloads them (DuckDB COPY …
 * PARTITION_BY, Athena UNLOAD): a year's 1.5 M cases never become JS objects. A run writing every
 * period of a year writes 1.4 M finished rows and 12 lists of the open ones (≈ 2 M rows; one list
 * per period would be 6 M).
 *
 * Beside each end's dossiers, in the same unload, the records behind the other indicators (issue
 * 20, item 1; docs/adr/0016): the consultations, delay charges and complaints, per unit (and the
 * province's delay charges under `_province`); and once per run the units' catalog entries
 * (`catalogListPrefix`), which no end changes — so that every computed indicator's numerator and
 * denominator lead to their records (shared/src/facts/indicator-lists.ts).
 */
/** The run-wide lists (finished cases, catalog entries) as one invocation wrote them, for the run's later invocations. */
export interface SharedLists {
  readonly finished: string | null;
  readonly catalog: string;
}

export class DrilldownWriter {
  private readonly written = new Set<string>();
  private finished: Promise<{ readonly run: string; readonly bytes: number | null }> | undefined;
  private catalog: Promise<{ readonly run: string; readonly bytes: number | null }> | undefined;
  /** The run's span: from the earliest start of the lists it writes (the longest period of each end) to its last end. */
  private readonly span: { readonly startDate: string; readonly endDate: string } | null;

  constructor(
    private readonly deps: DrilldownDeps,
    private readonly facts: FactsSource,
    private readonly defer: Defer,
    periods: readonly Period[] = [],
    /** The run's finished and catalog lists, already written (a later invocation of a run: their bytes counted there). */
    shared?: SharedLists,
  ) {
    if (shared) {
      if (shared.finished !== null) this.finished = Promise.resolve({ run: shared.finished, bytes: 0 });
      this.catalog = Promise.resolve({ run: shared.catalog, bytes: 0 });
    }
    const spans = periods.map(longestPeriodEndingWith);
    this.span =
      spans.length === 0
        ? null
        : { startDate: spans.reduce((a, p) => (p.startDate < a ? p.startDate : a), spans[0]!.startDate), endDate: spans.reduce((a, p) => (p.endDate > a ? p.endDate : a), spans[0]!.endDate) };
  }

  /** Write the list of `span`'s end unless this run already has; returns the bytes scanned (the run's finished list counts with the first). */
  async write(span: Period, computedAt: string): Promise<number | null> {
    if (this.written.has(span.id)) return 0;
    this.written.add(span.id);
    const { deps, facts } = this;
    const m = deps.methodology;
    // Over kept facts the lists are read on request (./kept-lists.ts): only the end's pointer.
    if (facts.kept !== undefined) {
      await this.point(span, { run: KEPT_RUN, computedAt, from: span.start, lists: LIST_FORMAT, kept: facts.kept });
      return 0;
    }
    let bytes: number | null = 0;
    let finished: string | undefined;
    if (facts.finishedList) {
      const { cte, params } = facts.finishedList;
      const first = this.finished === undefined;
      this.finished ??= (async () => {
        const run = this.runId(computedAt);
        return { run, bytes: await this.unload(caseListSql(cte, "finished"), params, `${finishedListPrefix(m)}${run}`) };
      })();
      const f = await this.finished;
      finished = f.run;
      if (first) bytes = f.bytes;
    }
    // The catalog entries, once per run (over the run's span; over this end's when the run did not say).
    const firstCatalog = this.catalog === undefined;
    this.catalog ??= (async () => {
      const run = this.runId(computedAt);
      const range = this.span ?? { startDate: span.startDate, endDate: span.endDate };
      return { run, bytes: await this.unload(CATALOG_LIST_SQL, { start_date: range.startDate, end_date: range.endDate }, `${catalogListPrefix(m)}${run}`) };
    })();
    const catalog = await this.catalog;
    if (firstCatalog) bytes = plus(bytes, catalog.bytes);
    const run = this.runId(computedAt);
    // The end's dossiers (not the run's finished ones) and the records behind the other indicators, in one unload.
    bytes = plus(bytes, await this.unload(endListSql(facts.cte(span), finished === undefined ? "all" : "open"), endListParams(span, m), `${drilldownPrefix(m, span.id)}${run}`));
    await this.point(span, { run, computedAt, from: span.start, ...(finished === undefined ? {} : { finished }), lists: LIST_FORMAT, catalog: catalog.run });
    return bytes;
  }

  /** Switch `span`'s pointer to `current`, then remove what no reader follows any more. */
  private async point(span: Period, current: DrilldownPointer): Promise<void> {
    const { deps } = this;
    const m = deps.methodology;
    const pointer = drilldownRunKey(m, span.id);
    const previous = await deps.lake.get(pointer);
    await deps.lake.put(pointer, JSON.stringify(current), "application/json");
    if (previous) {
      const old = (JSON.parse(new TextDecoder().decode(previous)) as { run?: unknown }).run;
      // No reader follows the old run any more: it is removed while the run goes on.
      if (typeof old === "string" && old !== current.run) this.defer(deps.lake.removePrefix(`${drilldownPrefix(m, span.id)}${old}/`));
    }
    // The lists of the shorter periods of this end, kept from before the periods of an end shared
    // one (each served its own period): the reader takes the shared list now, so none is read any more.
    for (const p of periodsOfYear(span.year)) {
      if (p.end !== span.end || p.id === span.id) continue;
      if ((await deps.lake.get(drilldownRunKey(m, p.id))) !== undefined) this.defer(deps.lake.removePrefix(drilldownPrefix(m, p.id)));
    }
  }

  /**
   * Write the run-wide lists now (the finished cases, when the facts have them, and the catalog
   * entries) so that the run's other invocations name them (`shared`). Returns them and the bytes scanned.
   */
  async writeShared(computedAt: string): Promise<SharedLists & { readonly bytes: number | null }> {
    const { deps, facts } = this;
    const m = deps.methodology;
    const fl = facts.finishedList;
    if (fl && this.finished === undefined) {
      const run = this.runId(computedAt);
      this.finished = this.unload(caseListSql(fl.cte, "finished"), fl.params, `${finishedListPrefix(m)}${run}`).then((bytes) => ({ run, bytes }));
    }
    if (this.catalog === undefined) {
      if (this.span === null) throw new Error("the run-wide lists need the run's periods");
      const run = this.runId(computedAt);
      const range = this.span;
      this.catalog = this.unload(CATALOG_LIST_SQL, { start_date: range.startDate, end_date: range.endDate }, `${catalogListPrefix(m)}${run}`).then((bytes) => ({ run, bytes }));
    }
    const finished = this.finished === undefined ? null : await this.finished;
    const catalog = await this.catalog;
    return { finished: finished?.run ?? null, catalog: catalog.run, bytes: plus(finished?.bytes ?? 0, catalog.bytes) };
  }

  /** A run folder's name: when it was computed, then a new id (two runs may share an instant). */
  private runId(computedAt: string): string {
    return `${computedAt.replace(/[-:.]/g, "")}-${this.deps.newId().replace(/[^0-9a-z]/gi, "").slice(0, 12)}`;
  }

  /** Remove the finished and catalog lists that no end's pointer names (the run's own, if it wrote no list naming it). */
  async collect(): Promise<void> {
    const { lake, methodology: m } = this.deps;
    const keys = await lake.list(drilldownRoot(m));
    const named = { finished: new Set<string>(), catalog: new Set<string>() };
    for (const key of keys.filter((k) => k.endsWith("/current.json"))) {
      const body = await lake.get(key);
      const p = body === undefined ? undefined : (JSON.parse(new TextDecoder().decode(body)) as DrilldownPointer);
      if (p?.finished !== undefined) named.finished.add(p.finished);
      if (p?.catalog !== undefined) named.catalog.add(p.catalog);
    }
    for (const [prefix, keep] of [[finishedListPrefix(m), named.finished], [catalogListPrefix(m), named.catalog]] as const) {
      const runs = new Set(keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split("/")[0] as string));
      for (const run of runs) if (!keep.has(run)) await lake.removePrefix(`${prefix}${run}/`);
    }
  }

  /** One list, per unit, under `prefix`; returns the bytes scanned. */
  private async unload(sql: string, params: Readonly<Record<string, SqlValue>>, prefix: string): Promise<number | null> {
    return (await this.deps.engine.unload(sql, params, prefix, "unit_id")).bytesScanned;
  }
}
