/** A unit's indicator table as an export, with the unit, period, as-of time and methodology as context. */
import type { UnitScorecard } from "./api-types.js";
import type { Cell, ExportTable } from "./export.js";
import type { Formatters } from "./format.js";
import { type Lang, type Messages, labelOf } from "./i18n.js";
import type { PageMessages } from "./i18n-pages.js";
import { isPeriodId, parsePeriod } from "./periods.js";
import type { GroupRow, IndicatorRow } from "./scorecard-view.js";

const round = (n: number | null | undefined, d: number): number | null => (n === null || n === undefined ? null : Math.round(n * 10 ** d) / 10 ** d);

export interface IndicatorExportInput {
  readonly card: UnitScorecard;
  readonly groups: readonly GroupRow[];
  readonly responsibility: readonly IndicatorRow[];
  readonly t: Messages;
  readonly P: PageMessages;
  readonly fmt: Formatters;
  readonly lang: Lang;
  readonly exportedAt: string;
}

export function indicatorExport(i: IndicatorExportInput): ExportTable {
  const { card, t, P } = i;
  const c = P.common;
  const unitName = i.lang === "en" && card.unit.nameEn ? card.unit.nameEn : card.unit.nameVi;
  const row = (r: IndicatorRow, group: string): Cell[] => {
    const v = r.value;
    const none = !v || v.status === "no-data";
    return [
      group,
      r.code,
      r.name,
      none ? null : v.numerator,
      none ? null : v.denominator,
      none || v.ratio === null ? null : round(v.ratio, 6),
      none ? t.noData : round(v.points, 4),
      r.def?.max ?? v?.max ?? null,
      r.previous && r.previous.status !== "no-data" ? round(r.previous.points ?? r.previous.ratio, 4) : null,
    ];
  };
  const rows: Cell[][] = [
    ...i.groups.flatMap((g) => [[g.code, g.code, g.name, null, null, null, round(g.value.points, 4), g.value.max, round(g.previous?.points, 4)] as Cell[], ...g.indicators.map((r) => row(r, g.code))]),
    ...i.responsibility.map((r) => row(r, "R")),
  ];
  return {
    title: `${card.unit.unitId} ${card.period}`,
    context: [
      [P.scorecard.title, `${unitName} (${card.unit.unitId})`],
      [t.periodLabel, `${isPeriodId(card.period) ? t.period(parsePeriod(card.period)) : card.period} (${card.period})`],
      [t.tierTabsLabel, labelOf(t.tiers, card.unit.tier)],
      [c.computedAt, `${i.fmt.dateTime(card.computedAt)} (${t.vietnamTime}) — ${card.computedAt}`],
      [t.methodology, card.methodology],
      [c.previous, card.previous?.period ?? "—"],
      ["Export", i.exportedAt],
    ],
    columns: ["group", c.code, c.indicator, c.numerator, c.denominator, c.ratio, c.points, c.max, c.previous],
    rows,
  };
}
