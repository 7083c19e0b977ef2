/**
 * The ranking table as an export: the same rows and columns as the page, with the context
 * (period, tier, as-of time, methodology version, status) as header lines. On public views the
 * dossier counts are suppressed below 5, exactly as on screen.
 */
import type { RankedUnit, RankingSnapshot } from "@scorecard/shared/contracts/api";
import type { Cell, ExportTable } from "./export.js";
import type { Formatters } from "./format.js";
import { type Lang, type Messages, labelOf } from "./i18n.js";
import { isPeriodId, parsePeriod } from "./periods.js";
import { publicCell } from "./suppress.js";

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

export interface RankingExportInput {
  readonly snapshot: RankingSnapshot;
  readonly rows: readonly RankedUnit[];
  readonly indicatorCodes: readonly string[];
  readonly countKeys: readonly string[];
  readonly t: Messages;
  readonly fmt: Formatters;
  readonly lang: Lang;
  /** Public pages suppress counts below 5; role-checked views show them. */
  readonly publicView: boolean;
  /** When the file is made (ISO). */
  readonly exportedAt: string;
}

export function rankingContext(s: RankingSnapshot, t: Messages, fmt: Formatters, exportedAt: string, publicView: boolean): [string, string][] {
  const period = isPeriodId(s.period) ? `${t.period(parsePeriod(s.period))} (${s.period})` : s.period;
  const lines: [string, string][] = [
    [t.rankingsTitle, t.appTitle],
    [t.periodLabel, period],
    [t.tierTabsLabel, `${labelOf(t.tiers, s.tier)} (${s.tier})`],
    [t.asOf, `${fmt.dateTime(s.dataAsOf)} (${t.vietnamTime}) — ${s.dataAsOf}`],
    [t.computedAt, `${fmt.dateTime(s.computedAt)} — ${s.computedAt}`],
    [t.methodology, s.methodology],
    [t.status[s.status], s.version === null ? "—" : `v${s.version}`],
    ["Export", exportedAt],
  ];
  if (publicView) lines.push(["<5", t.suppressedNote]);
  return lines;
}

export function rankingExport(input: RankingExportInput): ExportTable {
  const { snapshot: s, t, lang } = input;
  const columns = [
    t.col.rank,
    t.col.unit,
    "unitId",
    t.col.total,
    t.col.band,
    ...input.indicatorCodes.flatMap((c) => [`${c} ${labelOf(t.indicators, c)} (%)`, `${c} (${lang === "en" ? "points" : "điểm"})`]),
    ...input.countKeys.map((k) => `${t.countsGroup}: ${labelOf(t.counts, k)}`),
  ];
  const rows: Cell[][] = input.rows.map((u) => [
    u.rank,
    lang === "en" && u.nameEn ? u.nameEn : u.nameVi,
    u.unitId,
    u.total === null ? null : round(u.total, 2),
    u.band === null ? t.noBand : labelOf(t.bands, u.band),
    ...input.indicatorCodes.flatMap((c): Cell[] => {
      const v = u.indicators[c];
      if (!v || v.ratio === null || v.status === "no-data") return [null, null];
      return [round(v.ratio * 100, 1), v.points === null ? null : round(v.points, 2)];
    }),
    ...input.countKeys.map((k) => {
      const n = u.counts[k] ?? 0;
      return input.publicView ? publicCell(n) : n;
    }),
  ]);
  return {
    title: `${t.rankingsTitle} ${s.tier} ${s.period}`,
    context: rankingContext(s, t, input.fmt, input.exportedAt, input.publicView),
    columns,
    rows,
  };
}
