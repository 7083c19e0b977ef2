/**
 * The ranking as a file (CSV, XLSX): the ranking's dataset (ranking-dataset.ts: every column named
 * in the reader's language with its unit, numbers as numbers, withheld values empty and flagged)
 * under context lines — period, tier, as-of and scoring times in Vietnam time, methodology,
 * publication, time of download, and on public pages the small-count note and the licence.
 */
import type { Methodology } from "@scorecard/shared/methodology/methodology";
import type { ExportTable } from "./export.js";
import { type Formatters, isoVietnam } from "./format.js";
import { type Lang, type Messages, labelOf } from "./i18n.js";
import { versionNumber } from "./methodology.js";
import { isPeriodId, parsePeriod } from "./periods.js";
import type { PublicRanking } from "./public-ranking.js";
import { rankingDataset } from "./ranking-dataset.js";

export interface RankingExportInput {
  readonly snapshot: PublicRanking;
  readonly methodology: Methodology | undefined;
  readonly t: Messages;
  readonly fmt: Formatters;
  readonly lang: Lang;
  /** Public pages withhold counts from 1 to 4; role-checked views show them. */
  readonly publicView: boolean;
  /** When the file is made (ISO). */
  readonly exportedAt: string;
}

/** "07/12/2026 13:58 (giờ Việt Nam) — 2026-12-07T13:58:00+07:00". */
const vnTime = (iso: string, t: Messages, fmt: Formatters) => `${fmt.dateTime(iso)} (${t.vietnamTime}) — ${isoVietnam(iso)}`;

/** The publication state in words: "Đã công bố — phiên bản 2, 05/01/2026", or the draft's status. */
export function publicationText(s: PublicRanking, t: Messages, fmt: Formatters): string {
  if (s.status !== "published") return t.status.draft;
  const version = s.publication?.version ?? s.version;
  const at = s.publication?.publishedAt ?? null;
  return version === null || version === undefined ? t.status.published : t.published(String(version), at ? fmt.date(at) : null);
}

export function rankingContext(s: PublicRanking, t: Messages, fmt: Formatters, exportedAt: string, publicView: boolean): [string, string][] {
  const period = isPeriodId(s.period) ? `${t.period(parsePeriod(s.period))} (${s.period})` : s.period;
  const lines: [string, string][] = [
    [t.rankingsTitle, t.appTitle],
    [t.periodLabel, period],
    [t.tierTabsLabel, labelOf(t.tiers, s.tier)],
    [t.asOf, vnTime(s.dataAsOf, t, fmt)],
    [t.fileLabels.computedAt, vnTime(s.computedAt, t, fmt)],
    [t.methodology, t.methodologyVersion(versionNumber(s.methodology))],
    [t.fileLabels.publication, publicationText(s, t, fmt)],
    [t.exportedAt, vnTime(exportedAt, t, fmt)],
  ];
  if (publicView) lines.push([t.fileLabels.privacy, `${t.suppressedNote} ${t.withheldNote}`], [t.fileLabels.licence, t.licence]);
  return lines;
}

export function rankingExport(input: RankingExportInput): ExportTable {
  const { snapshot: s, t } = input;
  const data = rankingDataset(input);
  return {
    title: `${t.rankingsTitle} ${labelOf(t.tiers, s.tier)} ${s.period}`,
    context: rankingContext(s, t, input.fmt, input.exportedAt, input.publicView),
    columns: data.columns.map((c) => c.header),
    rows: data.rows,
  };
}
