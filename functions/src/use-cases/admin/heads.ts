import type { Actor, HeadRoster as StoredRoster, StoredHead } from "../../ports/admin.js";
import type { Head } from "@scorecard/shared";
import type { HeadRoster } from "@scorecard/shared/contracts/admin";
import type { HeadInput } from "@scorecard/shared/contracts/admin-requests";
import { type AdminDeps, AdminError, auditEntry, flushAudit, invalid, isLocalDate } from "./common.js";

const rosterView = (unitId: string, r: StoredRoster | undefined): HeadRoster => ({
  unitId,
  version: r?.version ?? 0,
  heads: [...(r?.heads ?? [])].sort((a, b) => (a.tenureFrom < b.tenureFrom ? -1 : 1)).map((h) => ({ ...h, unitId })),
});

/** Tenures are inclusive date ranges; two heads of one unit never serve on the same day. */
function checkTenures(heads: readonly StoredHead[], changed: StoredHead): void {
  if (!isLocalDate(changed.tenureFrom)) throw invalid("tenureFrom", "a date YYYY-MM-DD");
  if (changed.tenureTo !== null && !isLocalDate(changed.tenureTo)) throw invalid("tenureTo", "a date YYYY-MM-DD or null (still in office)");
  if (changed.tenureTo !== null && changed.tenureTo < changed.tenureFrom) throw invalid("tenureTo", "not before tenureFrom", "OUT_OF_RANGE");
  const end = (h: StoredHead) => h.tenureTo ?? "9999-12-31";
  const clash = heads.find((h) => h.headId !== changed.headId && h.tenureFrom <= end(changed) && changed.tenureFrom <= end(h));
  if (clash) throw invalid("tenureFrom", `the tenure overlaps that of ${clash.headId} (${clash.tenureFrom} – ${clash.tenureTo ?? "now"})`, "TENURE_OVERLAP");
}

function checkUnit(deps: AdminDeps, unitId: string) {
  if (!deps.catalog.get(unitId)) throw new AdminError("NOT_FOUND", `No unit ${unitId}.`);
}

export const listAllHeads = (deps: AdminDeps) => async (): Promise<HeadRoster[]> =>
  (await deps.stores.heads.list()).map((r) => rosterView(r.unitId, r)).sort((a, b) => (a.unitId < b.unitId ? -1 : 1));

export const getUnitHeads = (deps: AdminDeps) => async (unitId: string): Promise<HeadRoster> => {
  checkUnit(deps, unitId);
  return rosterView(unitId, await deps.stores.heads.get(unitId));
};

/** Write a new roster at `expectedVersion`; false when the condition refused it (someone else wrote first). */
async function writeRoster(deps: AdminDeps, actor: Actor, action: string, unitId: string, current: StoredRoster | undefined, heads: StoredHead[]): Promise<StoredRoster | undefined> {
  const version = (current?.version ?? 0) + 1;
  const entry = auditEntry(deps, actor, action, "heads", unitId, version, current ? current.heads : null, heads);
  const next: StoredRoster = { unitId, heads, version, updatedAt: deps.clock.now().toISOString(), lastAudit: entry };
  if ((await deps.stores.heads.put(next, current?.version ?? 0)) !== "ok") return undefined;
  await deps.stores.audit.append(entry);
  return next;
}

/**
 * Add a head to a unit. The roster of the unit is one item, so "no two heads on the same day" is
 * checked against the roster and written with one conditional put; a concurrent change makes the
 * put fail and the check run again on the fresh roster.
 */
export const addHead =
  (deps: AdminDeps) =>
  async (actor: Actor, unitId: string, input: HeadInput): Promise<{ roster: HeadRoster; headId: string }> => {
    checkUnit(deps, unitId);
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await deps.stores.heads.get(unitId);
      await flushAudit(deps, current);
      const heads = [...(current?.heads ?? [])];
      const n = Math.max(0, ...heads.map((h) => Number(/-(\d+)$/.exec(h.headId)?.[1] ?? 0))) + 1;
      const head: StoredHead = { headId: `HEAD-${unitId}-${n}`, name: input.name, title: input.title, tenureFrom: input.tenureFrom, tenureTo: input.tenureTo, demo: false };
      checkTenures(heads, head);
      const next = await writeRoster(deps, actor, "head.create", unitId, current, [...heads, head]);
      if (next) return { roster: rosterView(unitId, next), headId: head.headId };
    }
    throw new AdminError("CONCURRENT_CHANGE", `The heads of ${unitId} keep changing: try again.`);
  };

/** Edit one head (name, title, tenure) at the roster version the caller saw. */
export const updateHead =
  (deps: AdminDeps) =>
  async (actor: Actor, unitId: string, headId: string, expectedVersion: number, input: HeadInput): Promise<HeadRoster> => {
    checkUnit(deps, unitId);
    const current = await deps.stores.heads.get(unitId);
    await flushAudit(deps, current);
    const old = current?.heads.find((h) => h.headId === headId);
    if (!current || !old) throw new AdminError("NOT_FOUND", `No head ${headId} in ${unitId}.`);
    if (current.version !== expectedVersion) throw new AdminError("VERSION_CONFLICT", `The heads of ${unitId} are at version ${current.version}, not ${expectedVersion}: reload and edit again.`);
    const head: StoredHead = { ...old, name: input.name, title: input.title, tenureFrom: input.tenureFrom, tenureTo: input.tenureTo };
    checkTenures(current.heads, head);
    const next = await writeRoster(deps, actor, "head.update", unitId, current, current.heads.map((h) => (h.headId === headId ? head : h)));
    if (!next) throw new AdminError("VERSION_CONFLICT", `The heads of ${unitId} changed meanwhile: reload and edit again.`);
    return rosterView(unitId, next);
  };

export const SEED_ACTOR: Actor = { sub: "seed", role: "system" };

/** Store the demo heads of units that have no roster yet (idempotent: a second run writes nothing). */
export const seedHeads =
  (deps: AdminDeps) =>
  async (heads: readonly Head[]): Promise<number> => {
    const byUnit = new Map<string, StoredHead[]>();
    for (const h of heads) {
      let list = byUnit.get(h.unitId);
      if (!list) byUnit.set(h.unitId, (list = []));
      list.push({ headId: h.headId, name: h.name, title: h.title, tenureFrom: h.tenureFrom, tenureTo: h.tenureTo, demo: h.demo });
    }
    let written = 0;
    for (const [unitId, list] of byUnit) {
      if (await writeRoster(deps, SEED_ACTOR, "heads.seed", unitId, undefined, list)) written++;
    }
    return written;
  };
