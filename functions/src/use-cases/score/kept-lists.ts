/**
 * The drill-down lists read on request from the kept case facts (issue 23, item 3; docs/adr/0023)
 * instead of written by every scoring run (./drilldown-writer.ts): a run over kept facts writes
 * only each end's pointer (`kept`), and the read API asks this for one unit's rows of an end's list
 * — the same statement the run would have unloaded (`endListSql(…, "all")`), over the same facts
 * CTE the run scored with (the end's month cut), filtered to the unit. A unit's year list is
 * ≈ 0.1–0.4 s of DuckDB on the province-year (the province's charges ≈ 1 s); the last few answers
 * are remembered per generation.
 */
import type { Period } from "@scorecard/shared";
import { stageTables, stagedFactsCte } from "@scorecard/shared/sql/case-stages.sql";
import { cutOfEnd } from "@scorecard/shared/sql/kept-facts.sql";
import { UNIT_CATALOG_LIST_SQL, partitionEndListSql } from "@scorecard/shared/sql/record-list.sql";
import { Lru } from "../../lib/lru.js";
import type { QueryEngine, Row } from "../../ports/engine.js";
import type { Lake } from "../../ports/lake.js";
import type { KeptLists } from "../../ports/read.js";
import { attachGeneration, readManifest } from "./kept-facts.js";
import { endListParams } from "./drilldown-writer.js";

/**
 * Answers remembered: the pages of one list, the lists of one unit and the province's charges of
 * an end (R7's list for every unit) read once. Few: a year's list of the largest department is
 * ≈ 70 000 rows and the province's charges ≈ 120 000 (tens of MB as objects).
 */
const REMEMBERED = 6;

export function keptLists(deps: { readonly engine: QueryEngine; readonly lake: Lake; readonly methodology: string }): KeptLists {
  const { engine, lake } = deps;
  const remembered = new Lru<string, Promise<Row[]>>(REMEMBERED);
  let attached: string | null = null;

  /** The current generation, attached in this engine (a process that has not scored yet loads it). */
  const generation = async (): Promise<string> => {
    const manifest = await readManifest(lake);
    if (manifest === null) throw new Error("no kept case facts: the lists come with the next scoring run");
    if (attached !== manifest.generation) {
      await attachGeneration(engine, manifest.generation);
      attached = manifest.generation;
    }
    return manifest.generation;
  };

  /**
   * Rows of `sql` over the current generation, remembered; once again on failure (a run may have
   * switched the generation and dropped the one this read was using).
   */
  const rows = async (key: string, run: (generation: string) => Promise<Row[]>): Promise<Row[]> => {
    for (let attempt = 0; ; attempt++) {
      const g = await generation();
      const k = `${g}|${key}`;
      let answer = remembered.get(k);
      if (answer === undefined) {
        answer = run(g);
        remembered.set(k, answer);
      }
      try {
        return await answer;
      } catch (e) {
        remembered.delete(k);
        attached = null;
        if (attempt >= 1) throw e;
      }
    }
  };

  // The partition column is not in the files' rows (it names their folder): not in these either.
  const withoutPartition = (list: readonly Row[]): Row[] =>
    list.map((r) => {
      const { unit_id: _, ...rest } = r;
      return rest;
    });

  return {
    endRows: (span: Period, partition: string) =>
      rows(`end|${span.id}|${partition}`, async (g) => {
        const params = { ...endListParams(span, deps.methodology), unit_id: partition };
        return withoutPartition((await engine.query(partitionEndListSql(stagedFactsCte(stageTables(g), cutOfEnd(span.end))), params)).rows);
      }),
    catalogRows: (span: Period, unitId: string) =>
      rows(`catalog|${span.id}|${unitId}`, async () =>
        withoutPartition((await engine.query(UNIT_CATALOG_LIST_SQL, { start_date: span.startDate, end_date: span.endDate, unit_id: unitId })).rows),
      ),
  };
}
