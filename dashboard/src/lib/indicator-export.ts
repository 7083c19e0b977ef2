/**
 * A unit's indicator table as a file (the scorecard and the public unit page): one row per group
 * and indicator, every header in the reader's language, the value as a number in its unit (a
 * percentage as 97.1, days as days) with the unit in the next column — the same convention as the
 * rankings' files — and the unit, period, times in Vietnam time and methodology as context lines.
 * On public pages a value withheld to protect people is an empty cell, named in the last column.
 */
import type { UnitScorecard } from "./api-types.js";
import type { Cell, ExportTable } from "./export.js";
import { type Formatters, isoVietnam } from "./format.js";
import { type Lang, type Messages, labelOf } from "./i18n.js";
import type { PublicUnitPageMessages } from "./i18n/public-unit.js";
import { DATA_MESSAGES } from "./i18n/data.js";
import { exportMeasure, kindOf, unitWords } from "./measure.js";
import { versionNumber } from "./methodology.js";
import { isPeriodId, parsePeriod } from "./periods.js";
import { type PublicRanking, publicNumber } from "./public-ranking.js";
import { publicationText } from "./ranking-export.js";
import type { GroupRow, IndicatorCell, IndicatorRow } from "./scorecard-view.js";

const round = (n: number | null | undefined, d: number): number | null => (n === null || n === undefined ? null : Math.round(n * 10 ** d) / 10 ** d);
const vnTime = (iso: string, t: Messages, fmt: Formatters) => `${fmt.dateTime(iso)} (${t.vietnamTime}) — ${isoVietnam(iso)}`;

interface RowsInput {
  readonly groups: readonly GroupRow[];
  readonly responsibility: readonly IndicatorRow[];
  readonly counts?: Readonly<Record<string, number | null>>;
  readonly t: Messages;
  readonly P: PublicUnitPageMessages;
  readonly lang: Lang;
  readonly publicView: boolean;
}

/** The columns and rows of a unit's indicators (shared by both pages' files). */
function indicatorRows(i: RowsInput): { columns: string[]; rows: Cell[][] } {
  const { t, P, lang } = i;
  const D = DATA_MESSAGES[lang];
  const c = P.common;
  const U = P.publicUnit.file;
  const columns = [U.group, c.code, c.indicator, c.numerator, c.denominator, c.value, U.unit, c.points, c.max, U.previousValue, U.previousPoints, ...(i.publicView ? [D.withheldHeader] : [])];
  const row = (r: IndicatorRow, group: string): Cell[] => {
    const flags: string[] = [];
    const count = (n: number | null, what: string): number | null => {
      const p = i.publicView ? publicNumber(n) : n === null ? ({ kind: "withheld" } as const) : ({ kind: "value", value: n } as const);
      if (p.kind === "value") return p.value;
      flags.push(`${r.code} (${what})`);
      return null;
    };
    const kind = kindOf(r.def?.unitOfMeasure);
    const v: IndicatorCell | undefined = r.value;
    const none = !v || v.status === "no-data";
    const value = (x: IndicatorCell | undefined) => (x && x.status !== "no-data" && x.ratio !== null ? exportMeasure(kind, x.ratio) : null);
    if (v && !none && v.ratio === null && v.suppressed) flags.push(`${r.code} (${D.valueWord})`);
    if (v && !none && v.points === null && v.max !== null && v.suppressed) flags.push(`${r.code} (${D.pointsWord})`);
    const cells: Cell[] = [
      group,
      r.code,
      r.name,
      none ? null : count(v.numerator, c.numerator),
      none ? null : count(v.denominator, c.denominator),
      value(v),
      unitWords(kind, lang) || D.plainNumber,
      none ? null : round(v.points, 2),
      r.def?.max ?? v?.max ?? null,
      value(r.previous),
      r.previous && r.previous.status !== "no-data" ? round(r.previous.points, 2) : null,
    ];
    return i.publicView ? [...cells, flags.join("; ")] : cells;
  };
  const groupRow = (g: GroupRow): Cell[] => {
    const cells: Cell[] = [g.code, g.code, g.name, null, null, null, D.pointsUnit, round(g.value.points, 2), g.value.max, null, round(g.previous?.points, 2)];
    return i.publicView ? [...cells, g.withheld ? g.name : ""] : cells;
  };
  const rows: Cell[][] = [
    ...i.groups.flatMap((g) => [groupRow(g), ...g.indicators.map((r) => row(r, g.code))]),
    ...i.responsibility.map((r) => row(r, U.responsibilityGroup)),
  ];
  for (const [k, n] of Object.entries(i.counts ?? {})) {
    const flags: string[] = [];
    const p = i.publicView ? publicNumber(n) : n === null ? ({ kind: "withheld" } as const) : ({ kind: "value", value: n } as const);
    if (p.kind !== "value") flags.push(labelOf(t.counts, k));
    const cells: Cell[] = [t.countsGroup, k, labelOf(t.counts, k), p.kind === "value" ? p.value : null, null, null, D.dossiersUnit, null, null, null, null];
    rows.push(i.publicView ? [...cells, flags.join("; ")] : cells);
  }
  return { columns, rows };
}

export interface IndicatorExportInput {
  readonly card: UnitScorecard;
  readonly groups: readonly GroupRow[];
  readonly responsibility: readonly IndicatorRow[];
  readonly t: Messages;
  readonly P: PublicUnitPageMessages;
  readonly fmt: Formatters;
  readonly lang: Lang;
  readonly exportedAt: string;
}

/** The signed-in scorecard's file: exact values. */
export function indicatorExport(i: IndicatorExportInput): ExportTable {
  const { card, t, P } = i;
  const c = P.common;
  const unitName = i.lang === "en" && card.unit.nameEn ? card.unit.nameEn : card.unit.nameVi;
  const { columns, rows } = indicatorRows({ groups: i.groups, responsibility: i.responsibility, t, P, lang: i.lang, publicView: false });
  return {
    title: `${card.unit.unitId} ${card.period}`,
    context: [
      [P.scorecard.title, `${unitName} (${card.unit.unitId})`],
      [t.periodLabel, `${isPeriodId(card.period) ? t.period(parsePeriod(card.period)) : card.period} (${card.period})`],
      [t.tierTabsLabel, labelOf(t.tiers, card.unit.tier)],
      [c.computedAt, vnTime(card.computedAt, t, i.fmt)],
      [t.methodology, t.methodologyVersion(versionNumber(card.methodology))],
      [c.previous, card.previous?.period ?? "—"],
      [t.exportedAt, vnTime(i.exportedAt, t, i.fmt)],
    ],
    columns,
    rows,
  };
}

export interface PublicUnitExportInput {
  readonly snapshot: PublicRanking;
  readonly unit: { readonly unitId: string; readonly tier: string; readonly counts: Readonly<Record<string, number | null>> };
  readonly unitName: string;
  readonly previousPeriod: string | null;
  readonly groups: readonly GroupRow[];
  readonly responsibility: readonly IndicatorRow[];
  readonly t: Messages;
  readonly P: PublicUnitPageMessages;
  readonly fmt: Formatters;
  readonly lang: Lang;
  readonly exportedAt: string;
}

/** The public unit page's file: small counts withheld, as on screen. */
export function publicUnitExport(i: PublicUnitExportInput): ExportTable {
  const { snapshot: s, t, P, fmt } = i;
  const { columns, rows } = indicatorRows({ groups: i.groups, responsibility: i.responsibility, counts: i.unit.counts, t, P, lang: i.lang, publicView: true });
  return {
    title: `${i.unit.unitId} ${s.period}`,
    context: [
      [P.common.unit, i.unitName],
      [DATA_MESSAGES[i.lang].unitIdHeader, i.unit.unitId],
      [t.periodLabel, `${isPeriodId(s.period) ? t.period(parsePeriod(s.period)) : s.period} (${s.period})`],
      [t.tierTabsLabel, labelOf(t.tiers, i.unit.tier)],
      [t.asOf, vnTime(s.dataAsOf, t, fmt)],
      [t.fileLabels.computedAt, vnTime(s.computedAt, t, fmt)],
      [t.methodology, t.methodologyVersion(versionNumber(s.methodology))],
      [t.fileLabels.publication, publicationText(s, t, fmt)],
      [P.common.previous, i.previousPeriod && isPeriodId(i.previousPeriod) ? t.period(parsePeriod(i.previousPeriod)) : "—"],
      [t.exportedAt, vnTime(i.exportedAt, t, fmt)],
      [t.fileLabels.privacy, `${t.suppressedNote} ${t.withheldNote}`],
      [t.fileLabels.licence, t.licence],
    ],
    columns,
    rows,
  };
}
