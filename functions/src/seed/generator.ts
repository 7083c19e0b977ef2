/**
 * The demo province: a deterministic (seeded), streaming generator of case events for the real
 * Dong Nai units, over the real working-day calendar. Same seed ⇒ same events, byte for byte.
 * Planted patterns and their expected signatures are documented in seed/README.md.
 */
import { type CaseEventInput, type ReasonCode, UnitCatalog, type UnitRecord, WorkingCalendar, localDateOf } from "@scorecard/shared";
import { VN_CALENDAR_DAYS } from "@scorecard/shared/data/calendar.data";
import { PROCEDURES, type Procedure, type UnitProfile, orgKey, profileOf } from "./profiles.js";
import { type DossierSummary, tierCode } from "./catalog.js";
import { Random } from "./random.js";

export interface GeneratorOptions {
  readonly seed: number;
  /** First and last local date of reception, inclusive. */
  readonly from: string;
  readonly to: string;
  /** Multiplier on per-unit volumes (1 ≈ 30 000 dossiers a year; 50 ≈ the real province). */
  readonly scale: number;
  /** Events after this instant are not emitted (the simulated "now"); default: end of `to`. */
  readonly asOf?: string;
}

/** A preset: a fixed range of reception days, or (`throughYesterday`) from `from` to the day before the generation. */
export interface PresetSpec extends Omit<GeneratorOptions, "seed" | "asOf"> {
  /** `to` follows the clock: the day before the generation date (Viet Nam time); see `seedPlan`. */
  readonly throughYesterday?: true;
}

export const PRESETS = {
  /**
   * January 2024 through yesterday: continuous up to the day it is generated. `to` reads the wall
   * clock (for callers that spread the preset); the seed takes its runtime's clock (`seedPlan`).
   */
  demo: {
    from: "2024-01-01",
    get to(): string {
      return yesterdayOf(new Date());
    },
    scale: 0.5,
    throughYesterday: true,
  },
  /** ≈ 1.5 M dossiers, ≈ 6.3 M events: Đồng Nai's real yearly volume (1.5–1.8 M dossiers). */
  "province-year": { from: "2025-01-01", to: "2025-12-31", scale: 60 },
  national: { from: "2025-01-01", to: "2025-12-31", scale: 600 },
} as const satisfies Record<string, PresetSpec>;
export type PresetName = keyof typeof PRESETS;

/** Days of reception posted through the events API as the live tail (the last days of the demo). */
export const LIVE_TAIL_DAYS = 30;

/** The local date (Asia/Ho_Chi_Minh) `n` days after `date` (n may be negative). */
export const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The day before `now`'s local date (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export const yesterdayOf = (now: Date) => addDays(localDateOf(now), -1);

/** What a seed generates at a given instant, and which part of it goes through the events API. */
export interface SeedPlan {
  readonly from: string;
  /** Last day of reception, inclusive. */
  readonly to: string;
  readonly scale: number;
  /** No event after this instant is generated. */
  readonly asOf: string;
  /**
   * The live tail: dossiers received from `from` to `to` (inclusive), posted through the events
   * API. `sameStream`: they are the last days of the range (the history stops the day before
   * `from`); otherwise a stream of its own (seed + 1) after a fixed range.
   */
  readonly tail: { readonly from: string; readonly to: string; readonly sameStream: boolean } | null;
  /** Where the generated data ends (periods that begin before it are scored): `now` with a live tail or for the demo, else `asOf`. */
  readonly dataEnd: string;
}

/**
 * The plan of a seed at `now` (the runtime's clock). A `throughYesterday` preset (the demo) runs
 * from its first day through yesterday, every event up to `now`; its last `LIVE_TAIL_DAYS` days are
 * the live tail, so no day is generated twice and none is missing. A fixed preset (or a `to`
 * override) keeps its range, and its live tail is the last 30 days before `now`, a stream of its own.
 */
export function seedPlan(name: PresetName, now: Date, options: { readonly liveTail?: boolean; readonly to?: string } = {}): SeedPlan {
  const spec: PresetSpec = PRESETS[name];
  const liveTail = options.liveTail !== false;
  if (spec.throughYesterday && options.to === undefined) {
    const to = yesterdayOf(now);
    const tail = liveTail ? { from: addDays(to, 1 - LIVE_TAIL_DAYS), to, sameStream: true } : null;
    return { from: spec.from, to, scale: spec.scale, asOf: now.toISOString(), tail, dataEnd: now.toISOString() };
  }
  const to = options.to ?? spec.to;
  const tail = liveTail ? { from: new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10), to: now.toISOString().slice(0, 10), sameStream: false } : null;
  const asOf = `${to}T23:59:59+07:00`;
  return { from: spec.from, to, scale: spec.scale, asOf, tail, dataEnd: tail ? now.toISOString() : new Date(Date.parse(asOf) + 1000).toISOString() };
}

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** An ISO instant with the +07:00 offset, as the one-stop system sends it. */
function localIso(date: string, minutes: number): string {
  return `${date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00+07:00`;
}
const instant = (iso: string) => Date.parse(iso);
const isoPlus = (iso: string, ms: number) => {
  const t = new Date(instant(iso) + ms + 7 * 3_600_000).toISOString();
  return `${t.slice(0, 19)}+07:00`;
};
const dateOf = (iso: string) => iso.slice(0, 10);

function* days(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) yield new Date(t).toISOString().slice(0, 10);
}

/** Each year's Tết break (first and last day off, compensatory days included), from the holiday data. */
const TET_BREAKS: readonly { readonly first: string; readonly last: string }[] = (() => {
  const byYear = new Map<string, { first: string; last: string }>();
  for (const d of VN_CALENDAR_DAYS) {
    if (!d.nameEn.startsWith("Lunar New Year") || d.kind === "MAKEUP_WORKDAY") continue;
    const y = d.date.slice(0, 4);
    const b = byYear.get(y);
    if (!b) byYear.set(y, { first: d.date, last: d.date });
    else {
      if (d.date < b.first) b.first = d.date;
      if (d.date > b.last) b.last = d.date;
    }
  }
  return [...byYear.values()];
})();

/**
 * Seasonal factor on the volume of a working day around Tết (the dip of the monthly volumes): a
 * rush in the week before the break (papers settled before the holiday), a slow restart in the
 * two weeks after it (offices and citizens back gradually). 1 on every other day.
 */
export function tetFactor(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  for (const b of TET_BREAKS) {
    const before = (Date.parse(`${b.first}T00:00:00Z`) - t) / DAY_MS;
    const after = (t - Date.parse(`${b.last}T00:00:00Z`)) / DAY_MS;
    if (before > 0 && before <= 7) return 1.25;
    if (after > 0 && after <= 7) return 0.45;
    if (after > 7 && after <= 14) return 0.75;
  }
  return 1;
}

const VERTICAL_ORGS = [["VERT-THUE", 0.6], ["VERT-CONGAN", 0.2], ["VERT-BHXH", 0.2]] as const;

/**
 * Reason codes (shared/src/contracts/reason-codes.ts) as the one-stop software records them: most
 * refusals on lawful grounds; a stop mostly because the documents asked for never came. About one
 * return in twenty has no code (units still on older software: UNSPECIFIED).
 */
const REFUSAL_REASONS = [["MISSING_DOCUMENT", 0.35], ["INVALID_DOCUMENT", 0.2], ["CONDITIONS_NOT_MET", 0.2], ["OUTSIDE_REMIT", 0.1], ["OTHER", 0.1], [null, 0.05]] as const;
const STOP_REASONS = [["SUPPLEMENT_NOT_PROVIDED", 0.85], ["APPLICANT_REQUEST", 0.05], ["OTHER", 0.05], [null, 0.05]] as const;
const SUPPLEMENT_REASONS = [["MISSING_DOCUMENT", 0.6], ["INVALID_DOCUMENT", 0.35], ["OTHER", 0.05]] as const;
/** What a unit claims when it returns a dossier Home Affairs later finds complete and lawful. */
const IMPROPER_CLAIMS = [["MISSING_DOCUMENT", 0.55], ["INVALID_DOCUMENT", 0.2], ["OTHER", 0.15], [null, 0.1]] as const;

const reasonCode = (code: ReasonCode | null): { reasonCode?: ReasonCode } => (code === null ? {} : { reasonCode: code });

export class DemoProvince {
  private readonly calendar = new WorkingCalendar();
  private readonly catalog = new UnitCatalog();
  private readonly profiles = new Map<string, UnitProfile>();

  constructor(private readonly options: GeneratorOptions) {}

  private profile(u: UnitRecord): UnitProfile {
    let p = this.profiles.get(u.unitId);
    if (!p) this.profiles.set(u.unitId, (p = profileOf(u)));
    return p;
  }

  /** The unit that carries on the work of `unitId` on `date` (itself, or a successor after a merger). */
  actingUnit(unitId: string, date: string): string {
    let id = unitId;
    for (let hops = 0; hops < 4; hops++) {
      const u = this.catalog.get(id);
      if (!u || u.validTo === null || u.validTo >= date) return id;
      const next = u.successorIds.map((s) => this.catalog.get(s)).find((s) => s && s.validFrom <= date && (s.validTo === null || s.validTo >= date));
      if (!next) return id;
      id = next.unitId;
    }
    return id;
  }

  private verticalOn(org: string, date: string): string | undefined {
    return this.catalog.units.find((u) => u.tier === "VERTICAL" && orgKey(u.unitId) === org && u.validFrom <= date && (u.validTo === null || u.validTo >= date))?.unitId;
  }

  /**
   * All events, day by day; within a dossier in time order. `onDossier` sees each dossier once
   * (for the complaints that refer to it).
   */
  *events(onDossier?: (d: DossierSummary) => void): Generator<CaseEventInput> {
    const { from, to, scale, seed } = this.options;
    const asOf = instant(this.options.asOf ?? `${to}T23:59:59+07:00`);
    const rng = new Random(seed);
    // The Tết season thins or adds dossiers with their own streams, so every other day's dossiers
    // stay those of the main stream (the demo outside the Tết weeks is unchanged by the season).
    const thin = new Random(seed ^ 0x7e7d1b);
    const extra = new Random(seed ^ 0x7e7ad0);
    // Reason codes and which returns are improper: a stream of their own, so every other draw (and
    // so every dossier and event) stays what the main stream always produced.
    const reasons = new Random(seed ^ 0x4ea50c0d);
    const start = Date.parse(`${from}T00:00:00Z`);
    const ranked = this.catalog.units.filter((u) => u.tier === "DEPARTMENT" || u.tier === "DISTRICT" || u.tier === "COMMUNE");
    for (const date of days(from, to)) {
      if (!this.calendar.isWorkingDay(date)) continue;
      const month = (Date.parse(`${date}T00:00:00Z`) - start) / (30.44 * DAY_MS);
      const yymmdd = date.slice(2).replace(/-/g, "");
      const season = tetFactor(date);
      for (const unit of ranked) {
        if (unit.validFrom > date || (unit.validTo !== null && unit.validTo < date)) continue;
        const profile = this.profile(unit);
        const n = rng.poisson(profile.volume * scale);
        const added = season > 1 ? extra.poisson(profile.volume * scale * (season - 1)) : 0;
        for (let i = 0; i < n + added; i++) {
          const caseId = `${unit.unitId.replace(/^(DEPT|DIST|COM)-/, "")}-${yymmdd}-${pad(i + 1, 4)}`;
          const { events, late, improperReturn } = this.dossier(i < n ? rng : extra, profile, caseId, date, month, reasons);
          if (season < 1 && !thin.chance(season)) continue;
          onDossier?.({ caseId, unitId: unit.unitId, receivedAt: (events[0] as CaseEventInput).occurredAt, late, ...(improperReturn ? { improperReturn } : {}) });
          for (const e of events) if (instant(e.occurredAt) <= asOf) yield e;
        }
      }
    }
  }

  /**
   * The events of the dossiers received before `tailFrom` (the history, yielded), while those of
   * the dossiers received on or after it (the live tail) are collected into `tail`: one stream,
   * split by reception day, so history and tail never share a dossier or an event. `onDossier`
   * sees every dossier of both, with which side it went to.
   */
  *history(tailFrom: string, tail: CaseEventInput[], onDossier?: (d: DossierSummary, inTail: boolean) => void): Generator<CaseEventInput> {
    let inTail = false;
    for (const e of this.events((d) => {
      inTail = d.receivedAt.slice(0, 10) >= tailFrom;
      onDossier?.(d, inTail);
    })) {
      if (inTail) tail.push(e);
      else yield e;
    }
  }

  private dossier(
    rng: Random,
    p: UnitProfile,
    caseId: string,
    date: string,
    month: number,
    reasons: Random,
  ): { events: CaseEventInput[]; late: boolean; improperReturn?: { unitId: string; returnedAt: string } } {
    const cal = this.calendar;
    const unitId = p.unit.unitId;
    const field = rng.weighted(p.fields);
    const proc: Procedure = rng.pick(PROCEDURES[field] ?? (PROCEDURES["GENERAL"] as readonly Procedure[]));
    const online = Math.min(0.95, 0.35 + 0.025 * month);
    const channel = rng.weighted([["ONLINE_FULL", online * 0.6], ["ONLINE_PARTIAL", online * 0.4], ["DIRECT", (1 - online) * 0.93], ["POSTAL", (1 - online) * 0.07]] as const);
    const receivedAt = localIso(date, rng.int(450, 990));
    const dueDate = cal.addWorkingDays(date, proc.days);
    const dueAt = localIso(dueDate, 17 * 60);
    const events: CaseEventInput[] = [];
    let seq = 0;
    const emit = (e: Omit<CaseEventInput, "eventId" | "caseId">) => {
      const day = dateOf(e.occurredAt);
      const target = e.targetUnitId === undefined ? {} : { targetUnitId: this.actingUnit(e.targetUnitId, day) };
      events.push({ eventId: `${caseId}-${pad(++seq)}`, caseId, ...e, unitId: this.actingUnit(e.unitId, day), ...target });
    };
    const workTime = (d: string) => localIso(d, rng.int(480, 1000));
    const afterWorkingDays = (n: number) => workTime(cal.addWorkingDays(date, n));

    emit({
      type: "RECEIVED",
      occurredAt: receivedAt,
      unitId,
      procedureCode: tierCode(proc.code, p.unit.tier),
      field,
      channel,
      dueAt,
      flags: {
        syncedToNationalPortal: rng.chance(0.94),
        digitizedDossier: rng.chance(Math.min(0.95, 0.5 + 0.02 * month)),
        reusedData: rng.chance(0.3 + 0.01 * month),
        feeBearing: proc.feeBearing,
        resultRequired: true,
      },
      applicant: { idNumber: `0${pad(rng.int(1, 99), 2)}${pad(rng.int(0, 999_999_999), 9)}`, kind: rng.chance(0.85) ? "CITIZEN" : "BUSINESS" },
    });

    if (rng.chance(0.01)) {
      emit({ type: "WITHDRAWN", occurredAt: afterWorkingDays(rng.int(1, 3)), unitId });
      return { events, late: false };
    }
    // A return: its reason from the reasons stream; an improper one claims a ground it did not have.
    const returned = (type: "REFUSED" | "STOPPED", occurredAt: string, lawful: typeof REFUSAL_REASONS | typeof STOP_REASONS) => {
      const improper = reasons.chance(p.improperReturnRate);
      emit({ type, occurredAt, unitId, ...reasonCode(reasons.weighted(improper ? IMPROPER_CLAIMS : lawful)) });
      const e = events[events.length - 1] as CaseEventInput;
      return { events, late: false, ...(improper ? { improperReturn: { unitId: e.unitId, returnedAt: e.occurredAt } } : {}) };
    };
    if (rng.chance(0.025)) return returned("REFUSED", afterWorkingDays(rng.int(0, 2)), REFUSAL_REASONS);

    // Supplement requests stop the clock; more than one makes the dossier late by rule.
    let pausedMs = 0;
    let supplements = 0;
    if (rng.chance(0.08)) {
      const rounds = rng.chance(0.15) ? 2 : 1;
      let at = afterWorkingDays(Math.min(rng.int(1, 3), Math.max(1, proc.days - 1)));
      for (let r = 0; r < rounds; r++) {
        emit({ type: "SUPPLEMENT_REQUESTED", occurredAt: at, unitId, ...reasonCode(reasons.weighted(SUPPLEMENT_REASONS)) });
        supplements++;
        if (rng.chance(0.05)) return returned("STOPPED", workTime(cal.addWorkingDays(dateOf(at), 20)), STOP_REASONS);
        const back = isoPlus(at, rng.int(2, 10) * DAY_MS);
        emit({ type: "SUPPLEMENT_RECEIVED", occurredAt: back, unitId });
        pausedMs += instant(back) - instant(at);
        at = isoPlus(back, rng.int(1, 3) * DAY_MS);
      }
    }

    // Consultation with a vertical agency (tax, police, social insurance).
    let lateByConsult = false;
    let answeredAt: string | undefined;
    if (rng.chance(p.consultRate)) {
      const org = rng.weighted(VERTICAL_ORGS);
      const askedAt = afterWorkingDays(1);
      const target = this.verticalOn(org, dateOf(askedAt));
      if (target) {
        const stepDue = cal.addWorkingDays(dateOf(askedAt), 5);
        emit({ type: "CONSULT_REQUESTED", occurredAt: askedAt, unitId, targetUnitId: target, dueAt: localIso(stepDue, 17 * 60) });
        const late = rng.chance(org === "VERT-THUE" ? p.taxConsultLate : 0.06);
        answeredAt = workTime(late ? cal.addWorkingDays(stepDue, rng.int(2, 9)) : cal.addWorkingDays(dateOf(askedAt), rng.int(1, 5)));
        emit({ type: "CONSULT_ANSWERED", occurredAt: answeredAt, unitId: target, targetUnitId: unitId });
        lateByConsult = late && rng.chance(0.75);
      }
    }

    const pLate = Math.min(0.4, Math.max(0.003, p.lateBase + p.lateDrift * month));
    const late = supplements > 1 || lateByConsult || rng.chance(pLate);
    let resolveDay: string;
    if (late) resolveDay = cal.addWorkingDays(dueDate, rng.int(1, 8));
    else if (proc.days >= 2 && rng.chance(0.7)) resolveDay = cal.addWorkingDays(date, rng.int(Math.ceil(proc.days * 0.3), proc.days - 1));
    else resolveDay = dueDate;
    let resolvedAt = isoPlus(localIso(resolveDay, late ? rng.int(480, 1000) : rng.int(480, 1000) % 1020), pausedMs);
    if (answeredAt && instant(resolvedAt) <= instant(answeredAt)) resolvedAt = isoPlus(answeredAt, 3_600_000);

    if (late && rng.chance(p.apologyRate)) emit({ type: "APOLOGY_ISSUED", occurredAt: isoPlus(dueAt, rng.int(0, 20) * 3_600_000), unitId });
    const electronic = rng.chance(Math.min(0.97, 0.55 + 0.02 * month));
    emit({ type: "RESOLVED", occurredAt: resolvedAt, unitId, flags: { digitizedResult: electronic, digitallySigned: electronic && rng.chance(0.9) } });
    if (proc.feeBearing) {
      const onlinePay = channel.startsWith("ONLINE") ? rng.chance(0.85) : rng.chance(0.15);
      emit({ type: "PAYMENT_COMPLETED", occurredAt: isoPlus(receivedAt, 3_600_000), unitId, flags: { onlinePayment: onlinePay, feeBearing: true } });
    }
    emit({ type: "RESULT_DELIVERED", occurredAt: isoPlus(resolvedAt, rng.int(1, 48) * 3_600_000), unitId });
    if (rng.chance(0.25)) {
      const satisfied = rng.chance(late ? 0.45 : 0.94);
      emit({ type: "RATED", occurredAt: isoPlus(resolvedAt, rng.int(24, 96) * 3_600_000), unitId, rating: { satisfied, progress: satisfied ? rng.int(4, 5) : rng.int(1, 3) } });
    }
    return { events, late };
  }
}
