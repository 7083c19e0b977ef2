import type { Lake } from "../../ports/lake.js";
import type { Clock } from "../../ports/runtime.js";
import { gunzipSync } from "node:zlib";
import { LAKE_PREFIXES } from "@scorecard/shared/lake/layout";
import type { ProcedureRecord } from "@scorecard/shared";

export interface ProcedureName {
  readonly nameVi: string;
  readonly nameEn: string | null;
}

/** Re-read the catalog at most this often: it changes with a catalog post, rarely. */
const TTL_MS = 5 * 60_000;

/**
 * Procedure names from the ingested catalog (the raw catalog objects under `raw-procedures/`, the
 * latest version of each code winning as compaction decides: the later raw key). Read once per
 * TTL. When the catalog cannot be read (none ingested, or no grant on it), names are absent and
 * the code is shown: a name is an aid, never a reason to fail a request.
 */
export function procedureNames(deps: { readonly lake?: Lake | undefined; readonly clock: Clock }): () => Promise<ReadonlyMap<string, ProcedureName>> {
  let cached: { at: number; names: Promise<ReadonlyMap<string, ProcedureName>> } | null = null;
  const load = async (): Promise<ReadonlyMap<string, ProcedureName>> => {
    const names = new Map<string, ProcedureName>();
    if (!deps.lake) return names;
    try {
      const keys = (await deps.lake.list(LAKE_PREFIXES.rawProcedures)).filter((k) => k.endsWith(".ndjson.gz")).sort();
      for (const key of keys) {
        const body = await deps.lake.get(key);
        if (!body) continue;
        for (const line of gunzipSync(body).toString("utf8").split("\n")) {
          if (line.trim() === "") continue;
          const p = JSON.parse(line) as ProcedureRecord;
          if (typeof p.code === "string" && typeof p.nameVi === "string") names.set(p.code, { nameVi: p.nameVi, nameEn: p.nameEn ?? null });
        }
      }
    } catch {
      return new Map();
    }
    return names;
  };
  return () => {
    const now = deps.clock.now().getTime();
    if (cached === null || now - cached.at > TTL_MS) cached = { at: now, names: load() };
    return cached.names;
  };
}
