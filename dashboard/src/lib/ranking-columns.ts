/**
 * The ranking table's columns and cells, named by the snapshot's methodology (issue 19, items 2–3):
 * every group and indicator by its short name with its unit ("Đúng hạn · %", "Thời gian giải quyết ·
 * ngày làm việc"), the code second; the long name, unit and direction in the header's title. Three
 * sets, so that nobody has to read 45 columns: the summary (groups, on time, handling time), every
 * indicator, the dossier counts. Columns still come from the data: an indicator the methodology
 * does not know gets a column headed by its code, its values as plain numbers. Pure.
 */
import { DIRECTION_LABELS, MEASURE_UNIT_LABELS, groupLabel, indicatorLabel, indicatorOf } from "@scorecard/shared/methodology/labels";
import type { GroupDefinition, Methodology } from "@scorecard/shared/methodology/methodology";
import type { Formatters } from "./format.js";
import { type Lang, type Messages, labelOf } from "./i18n.js";
import { formatMeasure, formatMeasureFull, kindOf, unitWords } from "./measure.js";
import { type PublicRankedUnit, cellWithheld, publicNumber, withheld } from "./public-ranking.js";
import { COUNT_ORDER, countKeys, indicatorCodes } from "./ranking-view.js";

export const COLUMN_SETS = ["summary", "indicators", "counts"] as const;
export type ColumnSet = (typeof COLUMN_SETS)[number];
export const isColumnSet = (v: unknown): v is ColumnSet => (COLUMN_SETS as readonly unknown[]).includes(v);

/** The indicators the summary shows beside the groups: on time (P1) and handling time (P2). */
export const SUMMARY_INDICATORS: readonly string[] = ["P1", "P2"];

export interface RankingColumn {
  /** "group:TDGQ", "indicator:P1", "count:LATE". */
  readonly id: string;
  readonly kind: "group" | "indicator" | "count";
  readonly code: string;
  /** The header's name: a short name, or the code when the methodology does not know it. */
  readonly name: string;
  /** The unit written under the name: "%", "ngày làm việc", "/ 20" (a group's maximum), "" for counts. */
  readonly unit: string;
  /** The code shown second (indicators and groups); "" when the name is already the code. */
  readonly codeShown: string;
  /** Long name, unit and direction, for the header's title (and screen readers). */
  readonly description: string;
  /** An indicator's cells show its points under its value (not in the summary: the group shows them). */
  readonly withPoints: boolean;
}

export interface CellView {
  readonly text: string;
  /** A second line (an indicator's points). */
  readonly sub: string;
  /** What a screen reader hears instead of `text` ("" when the text says it all). */
  readonly spoken: string;
  readonly state: "value" | "none" | "small" | "withheld";
  readonly alert: boolean;
}

interface Ctx {
  readonly m: Methodology | undefined;
  readonly lang: Lang;
  readonly t: Messages;
  readonly fmt: Formatters;
}

/** The indicator codes in the methodology's order, then the codes it does not know (alphabetically). */
export function orderedIndicatorCodes(m: Methodology | undefined, units: readonly PublicRankedUnit[]): string[] {
  const present = new Set(indicatorCodes(units));
  const known = (m?.indicators ?? []).map((d) => d.code).filter((c) => present.has(c));
  const rest = [...present].filter((c) => !known.includes(c));
  return [...known, ...rest];
}

function indicatorColumn(code: string, c: Ctx, withPoints: boolean): RankingColumn {
  const d = c.m ? indicatorOf(c.m, code) : undefined;
  const kind = kindOf(d?.unitOfMeasure);
  const name = c.m ? indicatorLabel(c.m, code, c.lang, "short") : code;
  const long = c.m ? indicatorLabel(c.m, code, c.lang, "long") : code;
  const unit = unitWords(kind, c.lang);
  const direction = d ? DIRECTION_LABELS[d.direction][c.lang] : "";
  return {
    id: `indicator:${code}`,
    kind: "indicator",
    code,
    name,
    unit,
    codeShown: name === code ? "" : code,
    description: [`${long} (${code})`, d ? MEASURE_UNIT_LABELS[d.unitOfMeasure][c.lang] : "", direction].filter(Boolean).join(" — "),
    withPoints,
  };
}

function groupColumn(g: GroupDefinition, c: Ctx): RankingColumn {
  const m = c.m as Methodology;
  return {
    id: `group:${g.code}`,
    kind: "group",
    code: g.code,
    name: groupLabel(m, g.code, c.lang, "short"),
    unit: `/ ${c.fmt.max(g.max)}`,
    codeShown: "",
    description: `${groupLabel(m, g.code, c.lang, "long")} — ${c.t.maxPoints(c.fmt.max(g.max))}`,
    withPoints: false,
  };
}

function countColumn(key: string, c: Ctx): RankingColumn {
  const name = labelOf(c.t.counts, key);
  return { id: `count:${key}`, kind: "count", code: key, name, unit: "", codeShown: "", description: `${c.t.countsGroup}: ${name}`, withPoints: false };
}

/** The columns of a set, from the data and the methodology. */
export function rankingColumns(set: ColumnSet, units: readonly PublicRankedUnit[], c: Ctx): RankingColumn[] {
  if (set === "counts") return countKeys(units).map((k) => countColumn(k, c));
  const codes = orderedIndicatorCodes(c.m, units);
  if (set === "indicators") return codes.map((code) => indicatorColumn(code, c, true));
  const groups = c.m ? c.m.groups.map((g) => groupColumn(g, c)) : [];
  return [...groups, ...SUMMARY_INDICATORS.filter((code) => codes.includes(code)).map((code) => indicatorColumn(code, c, false))];
}

const NONE = (t: Messages): CellView => ({ text: "—", sub: "", spoken: t.noData, state: "none", alert: false });
const WITHHELD = (t: Messages): CellView => ({ text: t.withheld, sub: "", spoken: t.withheldLabel, state: "withheld", alert: false });

/**
 * A group's points for a row: the server's, else the sum of its indicators' points capped at the
 * group's maximum; withheld when the server withheld them or any of their indicators' points.
 */
export function groupPoints(unit: PublicRankedUnit, g: GroupDefinition, m: Methodology): { readonly points: number | null; readonly withheld: boolean } {
  const sent = unit.groups?.[g.code];
  if (sent) return { points: sent.points, withheld: sent.points === null && (sent.suppressed === true || withheld(unit, `groups.${g.code}.points`)) };
  const values = m.indicators.filter((d) => d.group === g.code && d.max !== null).map((d) => unit.indicators[d.code]);
  if (values.some((v) => v !== undefined && v.points === null && cellWithheld(v))) return { points: null, withheld: true };
  const pts = values.flatMap((v) => (v && v.points !== null ? [v.points] : []));
  return { points: pts.length === 0 ? null : Math.min(g.max, pts.reduce((a, b) => a + b, 0)), withheld: false };
}

function indicatorCell(unit: PublicRankedUnit, code: string, c: Ctx, withPoints: boolean): CellView {
  const v = unit.indicators[code];
  if (!v) return NONE(c.t);
  if (v.ratio === null) return cellWithheld(v) || withheld(unit, `indicators.${code}.ratio`) ? WITHHELD(c.t) : NONE(c.t);
  if (v.status === "no-data") return NONE(c.t);
  const d = c.m ? indicatorOf(c.m, code) : undefined;
  const kind = kindOf(d?.unitOfMeasure);
  const text = formatMeasure(kind, v.ratio, c.lang);
  const sub = !withPoints ? "" : v.points !== null && v.max !== null ? c.t.points(c.fmt.score(v.points), c.fmt.max(v.max)) : v.max !== null && cellWithheld(v) ? c.t.withheld : "";
  const full = formatMeasureFull(kind, v.ratio, c.lang);
  return { text, sub, spoken: full === text ? "" : `${full}${sub ? `, ${sub}` : ""}`, state: "value", alert: false };
}

function countCell(unit: PublicRankedUnit, key: string, c: Ctx, publicView: boolean): CellView {
  const raw = unit.counts[key];
  const n = publicView ? publicNumber(raw) : raw === null ? ({ kind: "withheld" } as const) : ({ kind: "value", value: raw ?? 0 } as const);
  if (n.kind === "withheld") return WITHHELD(c.t);
  if (n.kind === "small") return { text: "<5", sub: "", spoken: c.t.suppressedLabel, state: "small", alert: false };
  return { text: c.fmt.integer(n.value), sub: "", spoken: "", state: "value", alert: (key === "LATE" || key === "OVERDUE") && n.value > 0 };
}

/** The cell of a row in a column. */
export function cellOf(unit: PublicRankedUnit, col: RankingColumn, c: Ctx & { readonly publicView: boolean }): CellView {
  if (col.kind === "count") return countCell(unit, col.code, c, c.publicView);
  if (col.kind === "indicator") return indicatorCell(unit, col.code, c, col.withPoints);
  const g = c.m?.groups.find((x) => x.code === col.code);
  if (!g || !c.m) return NONE(c.t);
  const p = groupPoints(unit, g, c.m);
  if (p.withheld) return WITHHELD(c.t);
  return p.points === null ? NONE(c.t) : { text: c.fmt.score(p.points), sub: "", spoken: "", state: "value", alert: false };
}

export { COUNT_ORDER };
