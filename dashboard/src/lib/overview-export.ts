/**
 * The overview's file (issue 19, item 10): exactly the overview's ranking table — the same rows in
 * the same order, the same columns (rank, unit, total, band, the summary's groups and indicators,
 * the change against the previous period and what it was compared with) — with headers in the
 * reader's language and the unit in each numeric header, numbers as numbers (a percentage as 97.1
 * under "… %", days under "… ngày làm việc"), times in Vietnam time and the period's state
 * (provisional or over) among the context lines.
 */
import type { Methodology } from "@scorecard/shared/methodology/methodology";
import type { Cell, ExportTable } from "./export.js";
import { type Formatters, isoVietnam } from "./format.js";
import { type Lang, type Messages, labelOf } from "./i18n.js";
import type { PageMessages } from "./i18n-pages.js";
import { DATA_MESSAGES } from "./i18n/data.js";
import { exportMeasure, kindOf } from "./measure.js";
import type { UnitChange, Unit } from "./overview-view.js";
import { type PublicRanking, unitName } from "./public-ranking.js";
import { type RankingColumn, groupPoints } from "./ranking-columns.js";
import { rankingContext } from "./ranking-export.js";

export interface OverviewExportInput {
  readonly snapshot: PublicRanking;
  /** The table's rows, in its order. */
  readonly rows: readonly Unit[];
  /** The table's columns after rank, unit, total and band. */
  readonly columns: readonly RankingColumn[];
  readonly changes: ReadonlyMap<string, UnitChange>;
  readonly methodology: Methodology | undefined;
  readonly provisional: boolean;
  readonly t: Messages;
  readonly P: PageMessages;
  readonly fmt: Formatters;
  readonly lang: Lang;
  readonly exportedAt: string;
}

const round = (n: number | null | undefined, d = 2): number | null => (n === null || n === undefined ? null : Math.round(n * 10 ** d) / 10 ** d);

/** A column's header with its unit: "Đúng hạn (P1), %", "Công khai, minh bạch (điểm, tối đa 18)". */
function header(col: RankingColumn, i: OverviewExportInput): string {
  const D = DATA_MESSAGES[i.lang];
  if (col.kind === "group") {
    const max = i.methodology?.groups.find((g) => g.code === col.code)?.max;
    return `${col.name} (${D.pointsUnit}${max === undefined ? "" : `, ${D.maxOf(i.fmt.max(max))}`})`;
  }
  if (col.kind === "count") return `${i.t.countsGroup}: ${col.name} (${D.dossiersUnit})`;
  const code = col.codeShown ? ` (${col.code})` : "";
  return `${col.name}${code}, ${col.unit || D.plainNumber}`;
}

function cell(unit: Unit, col: RankingColumn, i: OverviewExportInput): Cell {
  if (col.kind === "count") return unit.counts[col.code] ?? null;
  if (col.kind === "group") {
    const g = i.methodology?.groups.find((x) => x.code === col.code);
    return g && i.methodology ? round(groupPoints(unit, g, i.methodology).points) : null;
  }
  const v = unit.indicators[col.code];
  if (!v || v.status === "no-data" || v.ratio === null) return null;
  return exportMeasure(kindOf(i.methodology?.indicators.find((d) => d.code === col.code)?.unitOfMeasure), v.ratio);
}

export function overviewExport(i: OverviewExportInput): ExportTable {
  const { t, P, lang, snapshot: s } = i;
  const O = P.overview;
  const D = DATA_MESSAGES[lang];
  const maxTotal = i.methodology?.maxTotal ?? null;
  const columns = [
    t.col.rank,
    O.file.unitId,
    t.col.unit,
    maxTotal === null ? `${t.col.total} (${D.pointsUnit})` : `${t.col.total} (${D.pointsUnit}, ${D.maxOf(i.fmt.max(maxTotal))})`,
    t.col.band,
    ...i.columns.map((c) => header(c, i)),
    O.file.totalChange,
    O.file.rankChange,
    O.file.comparedWith,
  ];
  const rows = i.rows.map((u): Cell[] => {
    const change = i.changes.get(u.unitId);
    const compared = change?.kind === "compared" ? change : null;
    const with_ =
      !change || change.kind === "none" ? O.file.none : change.kind === "merged" ? O.file.merged : change.via ? O.viaPredecessorOf(`${unitName(change.via, lang).text} (${change.via.unitId})`) : O.file.itself;
    return [
      u.rank,
      u.unitId,
      unitName(u, lang).text,
      round(u.total),
      u.band === null ? t.noBand : labelOf(t.bands, u.band),
      ...i.columns.map((c) => cell(u, c, i)),
      compared?.total ? round(compared.total.delta) : null,
      // Rank change in places, positive when the unit climbed (its rank number fell).
      compared?.rank ? compared.rank.delta : null,
      with_,
    ];
  });
  const asOf = `${i.fmt.dateTime(s.dataAsOf)} (${t.vietnamTime}) — ${isoVietnam(s.dataAsOf)}`;
  const context = rankingContext(s, t, i.fmt, i.exportedAt, false);
  context.splice(2, 0, [O.file.provisional, i.provisional ? O.file.provisionalYes(asOf) : O.file.provisionalNo]);
  return { title: `${O.exportTitle} ${labelOf(t.tiers, s.tier)} ${s.period}`, context: [[O.title, t.appTitle], ...context.slice(1)], columns, rows };
}
