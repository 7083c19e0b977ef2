/**
 * Which period the public pages open on, and which periods are not over (issue 19, item 4). Pure:
 * the clock is a parameter.
 *
 * - The default is the newest **published** period (`/v1/public/meta` lists them); when none is, the newest **complete**
 *   one (its end has passed in Viet Nam time) — never the month that is still running, where every
 *   unit looks weak because most of its dossiers are not due yet.
 * - A period the reader asks for by name is shown even when it is not over, labelled provisional
 *   with the time its figures run to (`isProvisional`).
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import { isPeriodId, parsePeriod } from "./periods.js";

/** The public meta: the scored periods, and those with a published version (newest first). */
export type PublicMetaView = PublicMeta;

/** The periods the meta says are published. */
export function publishedPeriods(meta: PublicMetaView | null | undefined): ReadonlySet<string> {
  return new Set((meta?.published ?? []).map((p) => p.period));
}

/** True when the period has ended at `now` (midnight Viet Nam time after its last day). */
export function isComplete(periodId: string, now: Date): boolean {
  return isPeriodId(periodId) && Date.parse(parsePeriod(periodId).end) <= now.getTime();
}

/**
 * True when a snapshot's figures stop before the period's end: the period was not over when they
 * were counted, so the ranking is provisional (late dossiers are not due yet).
 */
export function isProvisional(periodId: string, dataAsOf: string): boolean {
  if (!isPeriodId(periodId)) return false;
  const asOf = Date.parse(dataAsOf);
  return Number.isNaN(asOf) || asOf < Date.parse(parsePeriod(periodId).end);
}

/**
 * The period a public page opens on: the newest published one in the meta's order, else the newest
 * complete one; null when every listed period is still running (or none is listed). `keep`: only
 * among these periods (e.g. those a reorganised unit existed in).
 * @example defaultPublicPeriod({ periods: ["2026-12", "2026-11"], … }, new Date("2026-12-07")) === "2026-11"
 */
export function defaultPublicPeriod(meta: PublicMetaView | null | undefined, now: Date, keep: (period: string) => boolean = () => true): string | null {
  const periods = (meta?.periods ?? []).filter(keep);
  const published = publishedPeriods(meta);
  return periods.find((p) => published.has(p)) ?? periods.find((p) => isComplete(p, now)) ?? null;
}

/**
 * The period a public page shows for what the URL asks: the period asked for when the meta lists
 * it (complete or not), else the default.
 */
export function choosePublicPeriod(meta: PublicMetaView | null | undefined, asked: string | undefined, now: Date): string | null {
  return asked !== undefined && (meta?.periods ?? []).includes(asked) ? asked : defaultPublicPeriod(meta, now);
}

/** The month before `now`'s month in Viet Nam time: the period most likely to be the default (asked for before the meta arrives). */
export function lastCompleteMonth(now: Date): string {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth(); // 0-based: the previous month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, "0")}`;
}
