/**
 * What the dossier pages show, computed from the API's answers (pure: no Svelte, no fetch):
 * unit names from the unit catalog, a dossier's days late on the working-day calendar, where a
 * dossier waited, the segments of its timeline bar. Imported by the lazy chunks of the cases and
 * timeline pages only (the catalog and the calendar stay out of the first page).
 */
import type { CaseTimeline } from "@scorecard/shared/contracts/case-timeline";
import type { CaseRow } from "@scorecard/shared/contracts/read-api";
import { localDateOf, parsePeriod } from "@scorecard/shared/time/period";
import { WorkingCalendar } from "@scorecard/shared/time/working-days";
import { UnitCatalog } from "@scorecard/shared/units/unit";
import type { Lang } from "./i18n.js";
import { chartLabel } from "./unit-names.js";

const catalog = new UnitCatalog();
const calendar = new WorkingCalendar();

/** A unit's name in the reader's language, the province dropped ("Sở Tư pháp"); the id when the catalog does not know it. */
export function unitName(unitId: string, lang: Lang, known?: Readonly<Record<string, { readonly nameVi: string; readonly nameEn: string }>>): string {
  const u = known?.[unitId] ?? catalog.get(unitId);
  if (!u) return unitId;
  return chartLabel(lang === "en" && u.nameEn ? u.nameEn : u.nameVi);
}

/** The procedure as a reader names it: its catalog name in the reader's language (Vietnamese when there is no English), else its code. */
export function procedureLabel(p: { readonly procedureCode: string | null; readonly procedureNameVi: string | null; readonly procedureNameEn: string | null }, lang: Lang): string {
  return (lang === "en" ? (p.procedureNameEn ?? p.procedureNameVi) : p.procedureNameVi) ?? p.procedureCode ?? "—";
}

/** The date itself when the working-day calendar covers its year, else null (no count is made outside it). */
const clampDay = (date: string) => {
  const y = Number(date.slice(0, 4));
  return y < calendar.firstYear || y > calendar.lastYear ? null : date;
};

/**
 * Working days a drill-down dossier is late by, as the facts count them (methodology §2): the
 * working days after the local date of its effective due date up to and including the day it
 * ended (LATE) — or, still open (OVERDUE), the period's last day, or today while the period runs.
 * Null when the dossier is not late by dates (a dossier late only because of a second supplement
 * request counts 0 days).
 */
export function daysLate(row: Pick<CaseRow, "status" | "dueAt" | "endAt">, periodId: string, now: Date): number | null {
  if ((row.status !== "LATE" && row.status !== "OVERDUE") || row.dueAt === null) return null;
  const due = clampDay(localDateOf(row.dueAt));
  let judged: string;
  if (row.status === "LATE" && row.endAt !== null) judged = localDateOf(row.endAt);
  else {
    const today = localDateOf(now);
    const last = parsePeriod(periodId).endDate;
    judged = today < last ? today : last;
  }
  const to = clampDay(judged);
  if (due === null || to === null) return null;
  return calendar.workingDaysBetween(due, to);
}

export interface Waited {
  /** The unit that held the dossier longest, with its working days (null: nothing held yet). */
  readonly longest: { readonly unitId: string; readonly days: number } | null;
  /** The unit that holds it now (null once it ended). */
  readonly holder: string | null;
  /** Who its lateness is charged to (R7), most first. */
  readonly charged: readonly { readonly unitId: string; readonly days: number }[];
}

/** Where a dossier waited: the longest hold (a unit's holds summed), the holder now, the units charged for its lateness. */
export function waited(t: CaseTimeline): Waited {
  const byUnit = new Map<string, number>();
  for (const h of t.holds) byUnit.set(h.unitId, (byUnit.get(h.unitId) ?? 0) + h.workingDays);
  let longest: Waited["longest"] = null;
  for (const [unitId, days] of byUnit) if (longest === null || days > longest.days) longest = { unitId, days };
  const charged = new Map<string, number>();
  for (const c of t.charges) charged.set(c.unitId, (charged.get(c.unitId) ?? 0) + c.overrunWorkingDays);
  return {
    longest,
    holder: t.holder,
    charged: [...charged].map(([unitId, days]) => ({ unitId, days })).sort((a, b) => b.days - a.days || a.unitId.localeCompare(b.unitId)),
  };
}

export interface BarSegment {
  readonly unitId: string;
  readonly role: "LEAD" | "TRANSFER";
  readonly days: number;
  /** Share of the bar, 0..1 (a hold of 0 working days still gets a sliver). */
  readonly share: number;
  readonly current: boolean;
}

/** The holds as segments of one bar, in order, sized by working days. */
export function holdSegments(t: CaseTimeline): BarSegment[] {
  const weight = (d: number) => Math.max(d, 0.35);
  const total = t.holds.reduce((s, h) => s + weight(h.workingDays), 0);
  return t.holds.map((h) => ({ unitId: h.unitId, role: h.role, days: h.workingDays, share: total === 0 ? 0 : weight(h.workingDays) / total, current: h.to === null && t.holder === h.unitId }));
}

/** Hours of a pause, one decimal at most. */
export const pauseHours = (ms: number): number => Math.round(ms / 360_000) / 10;
