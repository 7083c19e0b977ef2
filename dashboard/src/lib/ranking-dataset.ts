/**
 * A ranking as a table of data, for every file the dashboard writes (the ranking's CSV/XLSX, the
 * open-data CSV and JSON) and for the data dictionary: one column list with, for each column, a
 * stable id, its header in the reader's language, its unit and what it means (issue 19, items 5, 7).
 *
 * Conventions, the same in every file: numbers are numbers, in the unit the header names (a
 * percentage as 97.1 under "… (%)", days under "… (ngày làm việc)"); a value withheld to protect
 * people (a count from 1 to 4, or what the server withheld) is an empty cell, and the row's last
 * column names what was withheld. Pure.
 */
import { MEASURE_UNIT_LABELS, groupLabel, indicatorLabel, indicatorOf } from "@scorecard/shared/methodology/labels";
import type { Methodology } from "@scorecard/shared/methodology/methodology";
import type { Cell } from "./export.js";
import type { Formatters } from "./format.js";
import { type Lang, type Messages, labelOf } from "./i18n.js";
import { DATA_MESSAGES } from "./i18n/data.js";
import { exportMeasure, kindOf, unitWords } from "./measure.js";
import { type PublicRankedUnit, type PublicRanking, cellWithheld, publicNumber, unitName, withheld } from "./public-ranking.js";
import { groupPoints, orderedIndicatorCodes } from "./ranking-columns.js";
import { countKeys, rankedRows } from "./ranking-view.js";

export interface DatasetColumn {
  /** Stable, ASCII: the JSON key (e.g. `P1_value`, `group_TDGQ_points`, `count_LATE`). */
  readonly id: string;
  /** The CSV header in the reader's language, with the unit. */
  readonly header: string;
  /** The unit in words ("" for text columns). */
  readonly unit: string;
  readonly meaning: string;
  readonly type: "number" | "text";
}

export interface Dataset {
  readonly columns: readonly DatasetColumn[];
  readonly rows: readonly (readonly Cell[])[];
}


const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

export interface DatasetInput {
  readonly snapshot: PublicRanking;
  readonly methodology: Methodology | undefined;
  readonly lang: Lang;
  readonly t: Messages;
  readonly fmt: Formatters;
  /** Public pages withhold counts from 1 to 4 (and whatever the server withheld); role-checked views do not. */
  readonly publicView: boolean;
}

/**
 * The columns of a ranking's dataset (without its rows): the data dictionary. The indicator and
 * count columns are those of `units`, or `codes` and `counts` when given (the dictionary of every
 * column a file may have).
 */
export function datasetColumns(
  i: Omit<DatasetInput, "snapshot"> & { readonly units: readonly PublicRankedUnit[]; readonly codes?: readonly string[]; readonly counts?: readonly string[] },
): DatasetColumn[] {
  const { methodology: m, lang, t, fmt } = i;
  const D = DATA_MESSAGES[lang];
  const maxTotal = m?.maxTotal ?? null;
  const cols: DatasetColumn[] = [
    { id: "rank", header: t.col.rank, unit: "", meaning: D.rank, type: "number" },
    { id: "unit_id", header: D.unitIdHeader, unit: "", meaning: D.unitId, type: "text" },
    { id: "unit_name", header: t.col.unit, unit: "", meaning: D.unitName, type: "text" },
    { id: "total", header: maxTotal === null ? `${t.col.total} (${D.pointsUnit})` : `${t.col.total} (${D.pointsUnit}, ${D.maxOf(fmt.max(maxTotal))})`, unit: D.pointsUnit, meaning: D.total, type: "number" },
    { id: "band", header: t.col.band, unit: "", meaning: D.band(m ? m.bands.map((b) => `${lang === "en" ? b.nameEn : b.nameVi} ≥ ${fmt.max(b.min)}`).join("; ") : ""), type: "text" },
    { id: "complete", header: D.completeHeader, unit: "", meaning: D.complete, type: "text" },
  ];
  for (const g of m?.groups ?? []) {
    const name = groupLabel(m as Methodology, g.code, lang, "long");
    cols.push({ id: `group_${g.code}_points`, header: `${name} (${D.pointsUnit}, ${D.maxOf(fmt.max(g.max))})`, unit: D.pointsUnit, meaning: D.group(name, g.formula?.[lang] ?? null), type: "number" });
  }
  for (const code of i.codes ?? orderedIndicatorCodes(m, i.units)) {
    const d = m ? indicatorOf(m, code) : undefined;
    const kind = kindOf(d?.unitOfMeasure);
    const name = m ? indicatorLabel(m, code, lang, "long") : code;
    const unit = d ? MEASURE_UNIT_LABELS[d.unitOfMeasure][lang] : D.plainNumber;
    const shown = unitWords(kind, lang) || D.plainNumber;
    cols.push({
      id: `${code}_value`,
      header: `${name} (${code}), ${shown}`,
      unit,
      meaning: d ? D.ratio(d.numerator[lang], d.denominator[lang], d.direction === "lowerIsBetter") : D.unknownIndicator,
      type: "number",
    });
    if (d?.max !== null && d?.max !== undefined) {
      cols.push({ id: `${code}_points`, header: `${name} (${code}), ${D.pointsUnit} (${D.maxOf(fmt.max(d.max))})`, unit: D.pointsUnit, meaning: D.points(fmt.max(d.max), fmt.percent(d.target)), type: "number" });
    }
  }
  for (const k of i.counts ?? countKeys(i.units)) {
    cols.push({ id: `count_${k}`, header: `${t.countsGroup}: ${labelOf(t.counts, k)}`, unit: D.dossiersUnit, meaning: D.count(labelOf(t.counts, k)), type: "number" });
  }
  if (i.publicView) cols.push({ id: "withheld", header: D.withheldHeader, unit: "", meaning: D.withheld, type: "text" });
  return cols;
}

/** A ranking as a dataset: the columns of `datasetColumns`, one row per unit in rank order. */
export function rankingDataset(i: DatasetInput): Dataset {
  const { snapshot: s, methodology: m, lang, t } = i;
  const D = DATA_MESSAGES[lang];
  const units = rankedRows(s.units);
  const columns = datasetColumns({ ...i, units });
  const codes = orderedIndicatorCodes(m, units);
  const keys = countKeys(units);
  const rows = units.map((u): Cell[] => {
    const flags: string[] = [];
    const num = (n: number | null | undefined, what: string): number | null => {
      if (!i.publicView) return n ?? null;
      const p = publicNumber(n);
      if (p.kind === "value") return p.value;
      flags.push(what);
      return null;
    };
    const total = u.total === null ? null : round(u.total, 2);
    if (u.total === null && withheld(u, "total")) flags.push(t.col.total);
    const row: Cell[] = [
      u.rank,
      u.unitId,
      unitName(u, lang).text,
      total,
      u.band === null ? t.noBand : labelOf(t.bands, u.band),
      u.complete ? D.yes : D.no,
    ];
    for (const g of m?.groups ?? []) {
      const p = groupPoints(u, g, m as Methodology);
      if (p.withheld) flags.push(groupLabel(m as Methodology, g.code, lang, "short"));
      row.push(p.points === null ? null : round(p.points, 2));
    }
    for (const code of codes) {
      const v = u.indicators[code];
      const d = m ? indicatorOf(m, code) : undefined;
      const ok = v !== undefined && v.status !== "no-data" && v.ratio !== null;
      if (v && !ok && (cellWithheld(v) || withheld(u, `indicators.${code}.ratio`))) flags.push(`${code} (${D.valueWord})`);
      row.push(ok ? exportMeasure(kindOf(d?.unitOfMeasure), v.ratio as number) : null);
      if (d?.max !== null && d?.max !== undefined) {
        if (v && v.points === null && v.status !== "no-data" && cellWithheld(v)) flags.push(`${code} (${D.pointsWord})`);
        row.push(v && v.points !== null && v.status !== "no-data" ? round(v.points, 2) : null);
      }
    }
    for (const k of keys) row.push(num(u.counts[k], labelOf(t.counts, k)));
    if (i.publicView) row.push(flags.join("; "));
    return row;
  });
  return { columns, rows };
}
