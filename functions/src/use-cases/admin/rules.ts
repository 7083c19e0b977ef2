/**
 * Rules as data (issue 24, item 4; docs/adr/0022-rules-as-data.md): Home Affairs records a year's
 * holidays and unit changes (new unit, merger, rename, dissolution) without a release. The compiled
 * calendar and catalog are version 0 of each kind; each change is a new version of its kind, one
 * conditional write at the version the caller saw, carrying its audit entry (the outbox of one,
 * ./common.ts). Scoring reads the rules in force through a RulesSource (`storedRules`), never the
 * compiled data directly: the SQL's dims and the reference scorer are built from what is stored.
 *
 * What keeps old periods reproducible: a year before the current one (Viet Nam time) is closed, and
 * a unit change takes effect from a date no earlier than the first day of the current month; a
 * change only ever closes units the day before its date. So re-scoring a period that ended before
 * then gives the numbers it had (and published versions are frozen anyway).
 */
import type { Actor } from "../../ports/admin.js";
import type { HolidayYearVersion, MethodologyVersionRecord, RulesInForce, RulesSource, RulesStore, StoredHolidayRules, StoredMethodologyRules, StoredUnitRules, UnitChangeVersion } from "../../ports/rules.js";
import { type CalendarDay, type Methodology, UnitCatalog, WorkingCalendar, isPeriodId, localDateOf, parsePeriod } from "@scorecard/shared";
import { methodologyById } from "@scorecard/shared/methodology/registry";
import { type MethodologyChange, deriveMethodology, deriveVersions, methodologyOn, previewTier } from "@scorecard/shared/rules/methodology-versions";
import { VN_CALENDAR_DAYS } from "@scorecard/shared/data/calendar.data";
import { DONG_NAI_UNITS } from "@scorecard/shared/data/units.data";
import type { HolidayYearInput, MethodologyPreview, MethodologyVersionInput, RulesView, UnitChangeInput } from "@scorecard/shared/contracts/rules";
import { composeCalendarDays, coveredYears, holidayYearErrors } from "@scorecard/shared/rules/holidays";
import { composeUnits, unitChangeErrors } from "@scorecard/shared/rules/unit-changes";
import { type AdminDeps, AdminError, type FieldError, auditEntry, auditRefusal, flushAudit } from "./common.js";

const ENTITY = "rules";

/** The stored years in force: the last version of each year. */
function storedYears(h: StoredHolidayRules | undefined): Record<string, readonly CalendarDay[]> {
  const years: Record<string, readonly CalendarDay[]> = {};
  for (const v of h?.versions ?? []) years[String(v.year)] = v.days;
  return years;
}

const calendarDaysOf = (h: StoredHolidayRules | undefined) => composeCalendarDays(VN_CALENDAR_DAYS, storedYears(h));
const unitsOf = (u: StoredUnitRules | undefined) => composeUnits(DONG_NAI_UNITS, (u?.versions ?? []).map((v) => v.change));

/** The published versions of each series, derived from its compiled version in the order published. */
function methodologiesOf(m: StoredMethodologyRules | undefined): Record<string, Methodology[]> {
  const bySeries: Record<string, MethodologyVersionRecord[]> = {};
  for (const v of m?.versions ?? []) (bySeries[v.series] ??= []).push(v);
  const out: Record<string, Methodology[]> = {};
  for (const [series, records] of Object.entries(bySeries)) {
    const base = methodologyById(series);
    if (base) out[series] = deriveVersions(base, records);
  }
  return out;
}

/** The rules in force: the compiled data (version 0) with every stored version applied. */
export async function rulesInForce(store: RulesStore): Promise<RulesInForce> {
  const [h, u, m] = await Promise.all([store.holidays(), store.units(), store.methodology()]);
  return {
    calendar: new WorkingCalendar(calendarDaysOf(h)),
    catalog: new UnitCatalog(unitsOf(u)),
    methodologies: methodologiesOf(m),
    versions: { holidays: h?.version ?? 0, units: u?.version ?? 0, methodology: m?.version ?? 0 },
  };
}

/** The scoring run's source of rules: the store, read at the start of each run. */
export const storedRules = (store: RulesStore): RulesSource => ({ load: () => rulesInForce(store) });

/** Each kind's versions and what is in force (reads: any staff role). */
export const readRules = (deps: AdminDeps) => (): Promise<RulesView> => rulesView(deps.stores.rules, deps.methodology);

/**
 * The same, for anyone (`GET /v1/public/rules`: the compiled data were public): who recorded each
 * version is named by role only.
 */
export async function publicRulesView(store: RulesStore, methodology: string): Promise<RulesView> {
  const v = await rulesView(store, methodology);
  const anonymous = <T extends { by: { sub?: string | undefined; role: string } }>(x: T): T => ({ ...x, by: { role: x.by.role } });
  return {
    holidays: { ...v.holidays, versions: v.holidays.versions.map(anonymous) },
    units: { ...v.units, versions: v.units.versions.map(anonymous) },
    methodology: { ...v.methodology, versions: v.methodology.versions.map(anonymous) },
  };
}

async function rulesView(store: RulesStore, methodology: string): Promise<RulesView> {
  const deps = { methodology };
  const [h, u, m] = await Promise.all([store.holidays(), store.units(), store.methodology()]);
  const days = calendarDaysOf(h);
  const { first, last } = coveredYears(days);
  const stored = new Set((h?.versions ?? []).map((v) => v.year));
  const years = [];
  for (let y = first; y <= last; y++) years.push({ year: y, source: stored.has(y) ? ("STORED" as const) : ("COMPILED" as const), days: days.filter((d) => d.date.startsWith(`${y}-`)) });
  return {
    holidays: {
      version: h?.version ?? 0,
      firstYear: first,
      lastYear: last,
      years,
      versions: (h?.versions ?? []).map((v) => ({ version: v.version, year: v.year, effectiveFrom: `${v.year}-01-01`, basis: v.basis, at: v.at, by: v.by, added: v.added, removed: v.removed })),
    },
    units: { version: u?.version ?? 0, count: unitsOf(u).length, versions: u?.versions ?? [] },
    methodology: { series: deps.methodology, version: m?.version ?? 0, versions: (m?.versions ?? []).filter((v) => v.series === deps.methodology) },
  };
};

const refused = (errors: readonly { field: string; code: string; message: string }[]): AdminError =>
  new AdminError("INVALID", errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors.map((e): FieldError => ({ code: e.code, field: e.field, message: e.message })));

async function conflict(deps: AdminDeps, actor: Actor, kind: string, now: number, expected: number, attempted: unknown, action: string): Promise<AdminError> {
  await auditRefusal(deps, actor, action, ENTITY, kind, attempted, "VERSION_CONFLICT");
  return new AdminError("VERSION_CONFLICT", `The ${kind} rules are at version ${now}, not ${expected}: reload and try again.`);
}

/**
 * Record `input.year`'s holidays at `expectedVersion` of the holiday rules: the year's list replaces
 * the compiled one (or the year's previous version), or extends the calendar by a year.
 */
export const recordHolidayYear =
  (deps: AdminDeps) =>
  async (actor: Actor, expectedVersion: number, input: HolidayYearInput): Promise<RulesView["holidays"]> => {
    const current = await deps.stores.rules.holidays();
    await flushAudit(deps, current);
    const days = calendarDaysOf(current);
    const thisYear = Number(localDateOf(deps.clock.now()).slice(0, 4));
    const errors = holidayYearErrors(input.year, input.days, coveredYears(days));
    if (errors.length === 0 && input.year < thisYear) errors.push({ field: "year", code: "YEAR_CLOSED", message: `${input.year} is over: its periods are scored and may be published; a year from ${thisYear} on` });
    if (errors.length > 0) throw refused(errors);
    if ((current?.version ?? 0) !== expectedVersion) throw await conflict(deps, actor, "holidays", current?.version ?? 0, expectedVersion, input, "rules.holidays.refused");
    const before = days.filter((d) => d.date.startsWith(`${input.year}-`));
    const key = (d: CalendarDay) => `${d.date}|${d.kind}`;
    const had = new Set(before.map(key));
    const has = new Set(input.days.map(key));
    const sorted = [...input.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const version: HolidayYearVersion = {
      version: expectedVersion + 1,
      year: input.year,
      days: sorted,
      basis: input.basis,
      at: deps.clock.now().toISOString(),
      by: actor,
      added: [...has].filter((k) => !had.has(k)).length,
      removed: [...had].filter((k) => !has.has(k)).length,
    };
    const entry = auditEntry(deps, actor, "rules.holidays.record", ENTITY, "holidays", version.version, { year: input.year, days: before }, { year: input.year, days: sorted, basis: input.basis });
    const next: StoredHolidayRules = { version: version.version, versions: [...(current?.versions ?? []), version], lastAudit: entry };
    if ((await deps.stores.rules.putHolidays(next, expectedVersion)) !== "ok") {
      const now = await deps.stores.rules.holidays();
      throw await conflict(deps, actor, "holidays", now?.version ?? 0, expectedVersion, input, "rules.holidays.refused");
    }
    await deps.stores.audit.append(entry);
    return (await readRules(deps)()).holidays;
  };

/** The first day of the current month in Viet Nam: the earliest date a unit change may take effect from. */
export const earliestEffectiveDate = (now: Date): string => `${localDateOf(now).slice(0, 7)}-01`;

/** Record a unit change at `expectedVersion` of the unit rules, checked against the catalog in force. */
export const recordUnitChange =
  (deps: AdminDeps) =>
  async (actor: Actor, expectedVersion: number, input: UnitChangeInput): Promise<RulesView["units"]> => {
    const current = await deps.stores.rules.units();
    await flushAudit(deps, current);
    const units = unitsOf(current);
    const errors = unitChangeErrors(units, input.change);
    const earliest = earliestEffectiveDate(deps.clock.now());
    if (input.change.effectiveFrom < earliest) {
      errors.unshift({ field: "change.effectiveFrom", code: "EFFECTIVE_DATE_PAST", message: `from ${earliest} on: an earlier date would change periods already scored` });
    }
    if (errors.length > 0) throw refused(errors.map((e) => (e.field.startsWith("change.") ? e : { ...e, field: `change.${e.field}` })));
    if ((current?.version ?? 0) !== expectedVersion) throw await conflict(deps, actor, "units", current?.version ?? 0, expectedVersion, input, "rules.units.refused");
    const version: UnitChangeVersion = { version: expectedVersion + 1, change: input.change, basis: input.basis, at: deps.clock.now().toISOString(), by: actor };
    const entry = auditEntry(deps, actor, "rules.units.record", ENTITY, "units", version.version, null, { change: input.change, basis: input.basis });
    const next: StoredUnitRules = { version: version.version, versions: [...(current?.versions ?? []), version], lastAudit: entry };
    if ((await deps.stores.rules.putUnits(next, expectedVersion)) !== "ok") {
      const now = await deps.stores.rules.units();
      throw await conflict(deps, actor, "units", now?.version ?? 0, expectedVersion, input, "rules.units.refused");
    }
    await deps.stores.audit.append(entry);
    return (await readRules(deps)()).units;
  };

// ——— methodology versions ———

const monthStart = (d: string) => /^\d{4}-\d{2}-01$/.test(d);

/** The version a new one changes (the last published of the series, else the compiled one), and the checks of `input` against it. */
async function derive(deps: AdminDeps, input: MethodologyVersionInput) {
  const stored = await deps.stores.rules.methodology();
  const series = methodologyById(deps.methodology);
  if (!series) throw new Error(`unknown methodology ${deps.methodology}`);
  const mine = (stored?.versions ?? []).filter((v) => v.series === deps.methodology);
  const base = deriveVersions(series, mine).at(-1) ?? series;
  const { basis: _basis, ...change } = input;
  const { methodology, errors } = deriveMethodology(base, change as MethodologyChange);
  const today = localDateOf(deps.clock.now());
  const ids = new Set([...(stored?.versions ?? []).map((v) => v.id)]);
  if (methodologyById(input.id) || ids.has(input.id)) errors.unshift({ field: "id", code: "DUPLICATE_ID", message: `${input.id} is already a version: a new version takes a new id` });
  if (!monthStart(input.effectiveFrom) || input.effectiveFrom <= today) {
    errors.unshift({ field: "effectiveFrom", code: "EFFECTIVE_DATE_NOT_FUTURE", message: `the first day of a month after today (${today}): periods already scored keep their version` });
  } else if (mine.length > 0 && input.effectiveFrom <= (mine.at(-1) as MethodologyVersionRecord).effectiveFrom) {
    errors.unshift({ field: "effectiveFrom", code: "NOT_AFTER_LAST", message: `after ${(mine.at(-1) as MethodologyVersionRecord).effectiveFrom}, when ${base.id} takes effect` });
  }
  return { stored, base, methodology, errors };
}

/**
 * What the last scored period ending before `input.effectiveFrom` would rank like under the
 * version (nothing is written): each tier's snapshot counts scored again with it, beside the
 * numbers published or drafted. Invalid versions answer their errors (and no tiers).
 */
export const previewMethodologyVersion =
  (deps: AdminDeps) =>
  async (input: MethodologyVersionInput): Promise<MethodologyPreview> => {
    const { methodology, errors } = await derive(deps, input);
    const scored = (await deps.snapshots.periods(deps.methodology)).filter((p) => isPeriodId(p) && parsePeriod(p).endDate < input.effectiveFrom);
    // The latest end, and of periods ending together the longest (a year before its half-year, quarter, month).
    const rankOf = (id: string) => [parsePeriod(id).endDate, -Date.parse(parsePeriod(id).start)] as const;
    const period = scored.sort((a, b) => {
      const [ea, sa] = rankOf(a);
      const [eb, sb] = rankOf(b);
      return ea < eb ? 1 : ea > eb ? -1 : sb - sa;
    })[0] ?? null;
    const tiers = [];
    if (errors.length === 0 && period !== null) {
      for (const tier of methodology.rankedTiers) {
        const snap = await deps.snapshots.get(deps.methodology, period, tier);
        if (snap) tiers.push({ tier, units: previewTier(methodology, period, snap.units) });
      }
    }
    return { valid: errors.length === 0, errors, period, tiers };
  };

/** Publish a version of the methodology in use at `expectedVersion` of the methodology rules, after the checks of the preview. */
export const publishMethodologyVersion =
  (deps: AdminDeps) =>
  async (actor: Actor, expectedVersion: number, input: MethodologyVersionInput): Promise<RulesView["methodology"]> => {
    const { stored, base, errors } = await derive(deps, input);
    await flushAudit(deps, stored);
    if (errors.length > 0) throw refused(errors);
    if ((stored?.version ?? 0) !== expectedVersion) throw await conflict(deps, actor, "methodology", stored?.version ?? 0, expectedVersion, input, "rules.methodology.refused");
    const record: MethodologyVersionRecord = { ...input, version: expectedVersion + 1, series: deps.methodology, basedOn: base.id, at: deps.clock.now().toISOString(), by: actor };
    const entry = auditEntry(deps, actor, "rules.methodology.publish", ENTITY, "methodology", record.version, null, record);
    const next: StoredMethodologyRules = { version: record.version, versions: [...(stored?.versions ?? []), record], lastAudit: entry };
    if ((await deps.stores.rules.putMethodology(next, expectedVersion)) !== "ok") {
      const now = await deps.stores.rules.methodology();
      throw await conflict(deps, actor, "methodology", now?.version ?? 0, expectedVersion, input, "rules.methodology.refused");
    }
    await deps.stores.audit.append(entry);
    return (await readRules(deps)()).methodology;
  };

/**
 * The methodology a period is scored with (the version of the series in force on its start date),
 * for the admin use cases that score a snapshot again (a manual indicator entered): the same rule
 * as the scoring run's (../score/score-period.ts `methodologyFor`).
 */
export async function methodologyInForce(deps: AdminDeps, periodId: string): Promise<Methodology> {
  const series = methodologyById(deps.methodology);
  if (!series) throw new Error(`unknown methodology ${deps.methodology}`);
  const versions = methodologiesOf(await deps.stores.rules.methodology())[deps.methodology] ?? [];
  return methodologyOn(series, versions, parsePeriod(periodId).startDate);
}

/**
 * The unit catalog in force for a long-lived process that reads it synchronously (the cloud's read,
 * ingest and admin functions: per container): the compiled catalog until the store's first answer
 * (asked at once, on the container's start), then read again in the background when older than
 * `maxAgeMs`, so a unit change recorded by Home Affairs reaches them within that time. A failed
 * read keeps the catalog it had and is tried again at the next access.
 */
export function liveCatalog(store: RulesStore, now: () => number, maxAgeMs = 5 * 60_000): { readonly current: UnitCatalog; readonly loaded: () => Promise<void> } {
  let catalog = new UnitCatalog(DONG_NAI_UNITS);
  let loadedAt = Number.NEGATIVE_INFINITY;
  let refreshing: Promise<void> | null = null;
  const refresh = () =>
    (refreshing ??= rulesInForce(store)
      .then((r) => {
        catalog = r.catalog;
        loadedAt = now();
      })
      .catch(() => undefined)
      .finally(() => {
        refreshing = null;
      }));
  void refresh();
  return {
    get current() {
      if (now() - loadedAt > maxAgeMs) void refresh();
      return catalog;
    },
    loaded: () => refreshing ?? Promise.resolve(),
  };
}
