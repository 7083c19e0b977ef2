/**
 * Open data (issue 19, item 5): the published rankings as files anyone may reuse — CSV (header on
 * the first line, one row per unit, the period, tier and publication on every row) and JSON (the
 * same rows as objects, with the data dictionary and the licence) — and the dictionary itself.
 * Built in the browser from the public API: the same payload, the same withheld values, as the
 * pages. Pure.
 */
import type { Methodology } from "@scorecard/shared/methodology/methodology";
import { type Cell, type ExportTable, toCsv } from "./export.js";
import { type Formatters, isoVietnam } from "./format.js";
import { type Lang, type Messages, labelOf } from "./i18n.js";
import { DATA_MESSAGES, OPEN_DATA_FILE_MESSAGES } from "./i18n/data.js";
import { isPeriodId, parsePeriod } from "./periods.js";
import type { PublicRanking } from "./public-ranking.js";
import { type DatasetColumn, datasetColumns, rankingDataset } from "./ranking-dataset.js";
import { COUNT_ORDER } from "./ranking-view.js";

/** The licence every file carries. */
export const LICENCE = { id: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/" } as const;

export interface OpenDataInput {
  readonly snapshot: PublicRanking;
  readonly methodology: Methodology | undefined;
  readonly lang: Lang;
  readonly t: Messages;
  readonly fmt: Formatters;
  /** When the file is made (ISO). */
  readonly generatedAt: string;
}

/** The columns every open-data row starts with: which ranking it belongs to. */
function contextColumns(t: Messages, lang: Lang): DatasetColumn[] {
  const O = OPEN_DATA_FILE_MESSAGES[lang];
  return [
    { id: "period", header: t.periodLabel, unit: "", meaning: O.period, type: "text" },
    { id: "tier", header: t.tierTabsLabel, unit: "", meaning: O.tier, type: "text" },
    { id: "published_version", header: O.versionHeader, unit: "", meaning: O.version, type: "number" },
    { id: "methodology", header: t.methodology, unit: "", meaning: O.methodology, type: "text" },
  ];
}

const contextCells = (s: PublicRanking, t: Messages): Cell[] => [
  s.period,
  labelOf(t.tiers, s.tier),
  s.status === "published" ? (s.publication?.version ?? s.version ?? null) : null,
  s.methodology,
];

/** The open-data table of one ranking: context columns, then the ranking's dataset. */
export function openDataTable(i: OpenDataInput): { columns: DatasetColumn[]; rows: Cell[][] } {
  const data = rankingDataset({ snapshot: i.snapshot, methodology: i.methodology, lang: i.lang, t: i.t, fmt: i.fmt, publicView: true });
  return {
    columns: [...contextColumns(i.t, i.lang), ...data.columns],
    rows: data.rows.map((r) => [...contextCells(i.snapshot, i.t), ...r]),
  };
}

/** CSV: UTF-8 with BOM, the header on the first line (no context lines: a machine reads it as is). */
export function openDataCsv(i: OpenDataInput): string {
  const { columns, rows } = openDataTable(i);
  const table: ExportTable = { title: "", context: [], columns: columns.map((c) => c.header), rows };
  return toCsv(table);
}

/** JSON: what the rows are (period, tier, publication, times in Vietnam time), the licence, the dictionary and the rows as objects. */
export function openDataJson(i: OpenDataInput): string {
  const { snapshot: s, t } = i;
  const { columns, rows } = openDataTable(i);
  const doc = {
    title: `${t.rankingsTitle} — ${labelOf(t.tiers, s.tier)} — ${isPeriodId(s.period) ? t.period(parsePeriod(s.period)) : s.period}`,
    publisher: t.province,
    licence: { ...LICENCE, text: t.licence },
    language: i.lang,
    period: s.period,
    tier: s.tier,
    methodology: s.methodology,
    status: s.status,
    version: s.status === "published" ? (s.publication?.version ?? s.version ?? null) : null,
    publishedAt: s.publication?.publishedAt ? isoVietnam(s.publication.publishedAt) : null,
    dataAsOf: isoVietnam(s.dataAsOf),
    computedAt: isoVietnam(s.computedAt),
    generatedAt: isoVietnam(i.generatedAt),
    withheld: DATA_MESSAGES[i.lang].withheld,
    dictionary: columns,
    rows: rows.map((r) => Object.fromEntries(columns.map((c, j) => [c.id, r[j] ?? null]))),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Every column an open-data file of this methodology may have, for the page and its CSV. */
export function dictionary(m: Methodology | undefined, lang: Lang, t: Messages, fmt: Formatters): DatasetColumn[] {
  const codes = (m?.indicators ?? []).map((d) => d.code);
  return [...contextColumns(t, lang), ...datasetColumns({ units: [], codes, counts: COUNT_ORDER, methodology: m, lang, t, fmt, publicView: true })];
}

export function dictionaryCsv(columns: readonly DatasetColumn[], lang: Lang): string {
  const O = OPEN_DATA_FILE_MESSAGES[lang];
  return toCsv({ title: "", context: [], columns: [O.columnId, O.columnHeader, O.columnUnit, O.columnMeaning], rows: columns.map((c) => [c.id, c.header, c.unit, c.meaning]) });
}
