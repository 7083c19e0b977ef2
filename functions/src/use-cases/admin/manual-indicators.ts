/**
 * The service-index indicators Home Affairs enters (issue 20, item 5; docs/api-admin.md): the
 * methodology's indicators of source MANUAL — D3 "certified electronic copies" (2 points, group
 * SHHS) in dn-2026.1 and dn-2026.2. Without them every unit's total is incomplete and reaches at
 * most 98 of 100.
 *
 * What is entered: the period's two counts of the national indicator — the requests to certify a
 * copy from the original done as electronic copies, over all such requests — with an evidence
 * reference. The indicator stays a ratio, scored by the methodology's rule like a computed one
 * (points = max × min(1, ratio ÷ target); a denominator of 0 is "no data").
 *
 * Stored as a criterion item of the indicator's code (ports/admin.ts StoredCriterion, with
 * `numerator` and `denominator`), so that everything the manual criteria have holds for them
 * alike: the optimistic version, the audit entry carried by the item (the outbox of one), and the
 * lock — a concluded finding naming the indicator puts its token on the item first, and an entry
 * is written only where no token is (the storage condition; docs/adr/0005).
 *
 * After an entry the period's draft rankings are scored again from their snapshots with the
 * entries of now (no SQL; use-cases/score/manual-indicators.ts), then its public JSON (a published
 * period's stays the published body) and its ratings; every later scoring run reads the entries too.
 */
import type { Actor, StoredCriterion } from "../../ports/admin.js";
import { type IndicatorDefinition, type Methodology, indicatorPoints, isPeriodId, parsePeriod } from "@scorecard/shared";
import type { ManualIndicator } from "@scorecard/shared/contracts/admin";
import type { IndicatorEntryInput } from "@scorecard/shared/contracts/admin-requests";
import { syncPublicJson } from "../publish/published-rankings.js";
import { refreshAfterChange } from "../ratings/ratings.js";
import { manualIndicatorDefs, manualValuesOf, rescoreSnapshot } from "../score/manual-indicators.js";
import { methodologyInForce } from "./rules.js";
import { SCORED_TIERS } from "../score/score-period.js";
import { type AdminDeps, AdminError, auditEntry, auditRefusal, flushAudit, invalid } from "./common.js";
import { clearAbandoned, liveLocks } from "./criteria.js";

/** Where a refresh that failed after a committed entry is reported (the handler's logger; as ./rerate.ts Warn). */
export type Warn = (message: string, context: Readonly<Record<string, unknown>>) => void;

/** How the audit log names an entry: entity `indicator`, id `<unitId>/<period>/<code>`. */
const ENTITY = "indicator";

/**
 * What a finding may name, and so lock: a criterion of the reform-index template, or an indicator
 * Home Affairs enters (D3) — with the maximum its deduction may reach. Undefined for any other code.
 */
export function lockableCriterion(m: Methodology, code: string): { readonly code: string; readonly max: number } | undefined {
  const criterion = m.reformIndex.criteria.find((c) => c.code === code);
  if (criterion) return { code, max: criterion.max };
  const indicator = manualIndicatorDefs(m).find((d) => d.code === code && d.max !== null);
  return indicator ? { code, max: indicator.max as number } : undefined;
}

/** The codes a finding may name, for its error message. */
export const lockableCodes = (m: Methodology): string[] => [...m.reformIndex.criteria.map((c) => c.code), ...manualIndicatorDefs(m).filter((d) => d.max !== null).map((d) => d.code)];

async function checkTarget(deps: AdminDeps, unitId: string, periodId: string, code: string) {
  if (!isPeriodId(periodId)) throw invalid("period", "a period id such as 2024-03, 2024-Q1, 2024-H1 or 2024");
  // The version the period is scored with (rules as data: a published version may make an indicator entered by hand).
  const m = await methodologyInForce(deps, periodId);
  const defs = manualIndicatorDefs(m);
  const def = defs.find((d) => d.code === code);
  if (!def) {
    const computed = m.indicators.some((d) => d.code === code);
    throw invalid(
      "indicator",
      computed ? `${code} is computed from the dossiers, procedures or complaints, not entered by hand (entered: ${defs.map((d) => d.code).join(", ")})` : `one of ${defs.map((d) => d.code).join(", ")}`,
      computed ? "NOT_MANUAL" : "UNKNOWN_INDICATOR",
    );
  }
  if (!deps.catalog.get(unitId)) throw new AdminError("NOT_FOUND", `No unit ${unitId}.`);
  return { def, period: parsePeriod(periodId) };
}

const findingOf = (token: string) => token.slice(0, token.lastIndexOf("#"));

/** An entry as the API shows it, with the ratio and points scoring gives its counts. */
function view(unitId: string, periodId: string, def: IndicatorDefinition, c: StoredCriterion | undefined, live: readonly string[]): ManualIndicator {
  const numerator = c?.numerator ?? null;
  const denominator = c?.denominator ?? null;
  const ratio = numerator !== null && denominator !== null && denominator > 0 ? numerator / denominator : null;
  return {
    unitId,
    period: periodId,
    indicator: def.code,
    group: def.group,
    max: def.max,
    target: def.target,
    numerator,
    denominator,
    ratio,
    points: ratio === null || def.max === null ? null : indicatorPoints(def, ratio),
    evidence: c?.evidence ?? null,
    version: c?.version ?? 0,
    lockedBy: live.map(findingOf),
    locked: live.length > 0,
    updatedAt: c?.updatedAt ?? null,
    // The item carries the audit entry of its last change (a lock does not replace it): its actor made the entry.
    updatedBy: c?.lastAudit?.action === "indicator.enter" ? c.lastAudit.actor : null,
  };
}

export const getManualIndicator = (deps: AdminDeps) => async (unitId: string, periodId: string, code: string): Promise<ManualIndicator> => {
  const { def, period } = await checkTarget(deps, unitId, periodId, code);
  const c = await deps.stores.criteria.get(unitId, period.id, code);
  return view(unitId, period.id, def, c, c ? (await liveLocks(deps, c)).live : []);
};

/** Every indicator Home Affairs enters, for a unit and period, entered or not. */
export const listManualIndicators = (deps: AdminDeps) => async (unitId: string, periodId: string): Promise<ManualIndicator[]> => {
  if (!isPeriodId(periodId)) throw invalid("period", "a period id such as 2024-03, 2024-Q1, 2024-H1 or 2024");
  const m = await methodologyInForce(deps, periodId);
  const defs = manualIndicatorDefs(m);
  if (!deps.catalog.get(unitId)) throw new AdminError("NOT_FOUND", `No unit ${unitId}.`);
  const p = parsePeriod(periodId).id;
  const stored = new Map((await deps.stores.criteria.list(unitId, p)).map((c) => [c.criterion, c]));
  const out: ManualIndicator[] = [];
  for (const def of defs) {
    const c = stored.get(def.code);
    out.push(view(unitId, p, def, c, c ? (await liveLocks(deps, c)).live : []));
  }
  return out;
};

/**
 * Enter an indicator's counts for a unit and period at `expectedVersion` (0 for the first entry).
 * Refused: a unit not scored in the period (422), numerator above denominator (422), a stale
 * version (409 VERSION_CONFLICT), and — by the storage condition — an indicator a concluded finding
 * names for that unit and period (409 CRITERION_LOCKED). Audited, refusals too.
 */
export const enterManualIndicator =
  (deps: AdminDeps) =>
  async (actor: Actor, unitId: string, periodId: string, code: string, expectedVersion: number, input: IndicatorEntryInput): Promise<ManualIndicator> => {
    const { def, period } = await checkTarget(deps, unitId, periodId, code);
    const p = period.id;
    const unit = deps.catalog.get(unitId);
    if (!unit || unit.tier === "PROVINCE" || deps.catalog.validIn(unit.tier, period.startDate, period.endDate).every((u) => u.unitId !== unitId)) {
      throw invalid("unitId", `${unitId} is not scored in ${p} (not in the catalog then)`, "UNKNOWN_UNIT");
    }
    if (input.numerator > input.denominator) throw invalid("numerator", `at most the denominator (${input.denominator})`, "OUT_OF_RANGE");
    const entityId = `${unitId}/${p}/${code}`;
    const shown = (c: { numerator?: number | null | undefined; denominator?: number | null | undefined; evidence: string | null; version: number }) => ({
      numerator: c.numerator ?? null,
      denominator: c.denominator ?? null,
      evidence: c.evidence,
      version: c.version,
    });
    for (let attempt = 0; ; attempt++) {
      const current = await deps.stores.criteria.get(unitId, p, code);
      await flushAudit(deps, current);
      const next: StoredCriterion = {
        unitId,
        periodId: p,
        criterion: code,
        points: null,
        numerator: input.numerator,
        denominator: input.denominator,
        evidence: input.evidence,
        lockedBy: [],
        version: expectedVersion + 1,
        updatedAt: deps.clock.now().toISOString(),
        lastAudit: null,
      };
      const before = current && current.version > 0 ? shown(current) : null;
      const entry = auditEntry(deps, actor, "indicator.enter", ENTITY, entityId, next.version, before, shown(next));
      if ((await deps.stores.criteria.appraise({ ...next, lastAudit: entry }, expectedVersion)) === "ok") {
        await deps.stores.audit.append(entry);
        return view(unitId, p, def, { ...next, lastAudit: entry }, []);
      }
      const now = await deps.stores.criteria.get(unitId, p, code);
      if (now && now.lockedBy.length > 0) {
        const { live, abandoned } = await liveLocks(deps, now);
        const concluded = [...live.map(findingOf), ...(attempt === 0 ? await clearAbandoned(deps, now, abandoned) : abandoned)];
        if (concluded.length > 0 || attempt > 0) {
          await auditRefusal(deps, actor, "indicator.enter.refused", ENTITY, entityId, input, "CRITERION_LOCKED");
          throw new AdminError("CRITERION_LOCKED", `${code} of ${unitId} for ${p} is covered by concluded finding(s) ${concluded.join(", ") || "(a conclusion in progress)"}: the inspection result stands.`);
        }
        continue; // only abandoned tokens were in the way and are gone now: try once more
      }
      await auditRefusal(deps, actor, "indicator.enter.refused", ENTITY, entityId, input, "VERSION_CONFLICT");
      throw new AdminError("VERSION_CONFLICT", `${code} of ${unitId} for ${p} is at version ${now?.version ?? 0}, not ${expectedVersion}: reload and enter it again.`);
    }
  };

/**
 * Score a period's draft rankings again with its entries of now (no SQL), then write its public
 * JSON (a published period keeps the published body: syncPublicJson) and re-rate it (the head
 * ratings and the reform index read the snapshots). `unitId`: the unit whose entry just changed,
 * read consistently (the period's listing may not show the write yet). Returns the tiers refreshed
 * (none when the period was never scored: its first scoring run reads the entries).
 */
export const refreshScoresAfterEntry =
  (deps: AdminDeps) =>
  async (periodId: string, unitId?: string): Promise<string[]> => {
    // The version the period was scored with (rules as data: a published version in force on its start date).
    const m = await methodologyInForce(deps, periodId);
    const p = parsePeriod(periodId).id;
    const [listed, fresh] = await Promise.all([deps.stores.criteria.listByPeriod(p), unitId === undefined ? [] : deps.stores.criteria.list(unitId, p)]);
    const manual = manualValuesOf(m, unitId === undefined ? listed : [...listed.filter((c) => c.unitId !== unitId), ...fresh]);
    const tiers: string[] = [];
    for (const tier of SCORED_TIERS) {
      const draft = await deps.snapshots.get(deps.methodology, p, tier);
      if (!draft) continue;
      const next = rescoreSnapshot(m, draft, manual);
      await deps.snapshots.putDraft(next);
      await syncPublicJson(deps, deps.methodology, p, tier, next);
      tiers.push(tier);
    }
    if (tiers.length > 0) await refreshAfterChange(deps)([p], unitId === undefined ? {} : { unitId });
    return tiers;
  };

/**
 * `PUT /v1/admin/indicators/…`: the entry, committed first, then its period refreshed. A refresh
 * that fails is reported (`warn`) and healed by the next scoring run, never turned into a failed
 * request (as the ratings after the other Home Affairs changes: ./rerate.ts).
 */
export function enteredIndicators(deps: AdminDeps, warn: Warn) {
  return {
    enter: async (actor: Actor, unitId: string, periodId: string, code: string, expectedVersion: number, input: IndicatorEntryInput): Promise<ManualIndicator> => {
      const e = await enterManualIndicator(deps)(actor, unitId, periodId, code, expectedVersion, input);
      try {
        await refreshScoresAfterEntry(deps)(e.period, unitId);
      } catch (err) {
        warn("rankings not refreshed after a manual indicator entry", { period: e.period, unitId, indicator: code, error: (err as Error).message });
      }
      return e;
    },
  };
}
