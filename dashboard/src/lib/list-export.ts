/**
 * The file of a list behind one of a unit's numbers (issue 20, item 1): every record of the list —
 * every page, not only the rows on screen — with the columns of its kind, in the page's language,
 * as the other exports write them (lib/indicator-export.ts, lib/audit-export.ts): headers and
 * words (statuses, rules, verdicts, roles, yes/no) in Vietnamese or English, instants in Vietnam
 * time (ISO 8601 with +07:00, the column saying so), counts and days as numbers, local dates as
 * YYYY-MM-DD; the unit, period, indicator, part, its definition, the scorecard's number, the run's
 * time and the methodology as context lines. Pure.
 */
import type { IndicatorList, ListRecord } from "./api-types.js";
import { procedureLabel, unitName } from "./case-view.js";
import type { Cell, ExportTable } from "./export.js";
import { fieldLabel } from "./fields.js";
import { type Formatters, isoVietnam } from "./format.js";
import { type Lang, type Messages, labelOf } from "./i18n.js";
import type { PageMessages } from "./i18n-pages.js";

export interface ListExportInput {
  /** The list's first page (kind, total, count, run) and every record of it. */
  readonly head: IndicatorList;
  readonly records: readonly ListRecord[];
  readonly unitId: string;
  /** The page's title (the file's sheet). */
  readonly title: string;
  /** The indicator's name (absent: the period's dossiers), and what its part counts in the methodology's words. */
  readonly indicatorName?: string | undefined;
  readonly definition?: string | undefined;
  readonly periodName: string;
  readonly t: Messages;
  readonly P: PageMessages;
  readonly fmt: Formatters;
  readonly lang: Lang;
  readonly exportedAt: string;
}

/** "Ngày làm việc" from "ngày làm việc" (a header). */
export const capitalised = (s: string, lang: Lang): string => s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);
const time = (iso: string | null): Cell => (iso === null ? null : isoVietnam(iso));
const vnTime = (iso: string, t: Messages, fmt: Formatters) => `${fmt.dateTime(iso)} (${t.vietnamTime}) — ${isoVietnam(iso)}`;

/** The columns and cells of one kind of record. */
function kindColumns(i: ListExportInput): { columns: string[]; row: (r: ListRecord) => Cell[] } {
  const { t, P, lang } = i;
  const C = P.cases;
  const L = C.list;
  const at = (label: string) => `${label} (${t.vietnamTime})`;
  const rule = (r: ListRecord) => labelOf(C.rules, r.rule);
  const yesNo = (v: boolean): string => (v ? L.yes : L.no);
  const unit = (id: string | null): Cell => (id === null ? null : unitName(id, lang));
  switch (i.head.kind) {
    case "complaint":
      return {
        columns: [L.complaintId, L.namedCase, at(P.scorecard.received), at(L.decided), at(L.handled), L.verdict, C.rule, L.disliked, L.reComplained],
        row: (r) =>
          r.kind !== "complaint" ? [] : [r.complaintId, r.caseId, time(r.receivedAt), time(r.acceptedAt ?? r.refusedAt), time(r.handledAt), labelOf(L.verdicts, r.verdict), rule(r), yesNo(r.disliked), yesNo(r.reComplained)],
      };
    case "consultation":
      return {
        columns: [P.scorecard.caseId, at(L.requested), at(L.stepDue), at(L.answered), L.verdict, C.rule, L.days],
        row: (r) => (r.kind !== "consultation" ? [] : [r.caseId, time(r.requestedAt), time(r.dueAt), time(r.answeredAt), labelOf(L.verdicts, r.verdict), rule(r), r.daysLate]),
      };
    case "charge":
      return {
        // The rule says why the unit was charged (one rule per role: a transferred step, a consultation, the receiving unit's rest).
        columns: [P.scorecard.caseId, L.unit, L.role, L.leadUnit, at(P.scorecard.received), L.days],
        row: (r) => (r.kind !== "charge" ? [] : [r.caseId, unit(r.chargedUnitId), rule(r), unit(r.leadUnitId), time(r.receivedAt), r.days]),
      };
    case "unit":
      return {
        columns: [L.unit, L.unitId, C.rule, L.days],
        row: (r) => (r.kind !== "unit" ? [] : [unitName(r.unitId, lang), r.unitId, rule(r), r.days]),
      };
    case "procedure": {
      const online = i.records.some((r) => r.kind === "procedure" && r.lastOnlineAt !== null);
      const paid = i.records.some((r) => r.kind === "procedure" && r.lastPaidAt !== null);
      return {
        columns: [L.procedureCode, L.name, L.onlineLevel, L.decision, L.effective, L.published, C.rule, ...(online ? [at(L.lastOnline)] : []), ...(paid ? [at(L.lastPaid)] : [])],
        row: (r) =>
          r.kind !== "procedure"
            ? []
            : [
                r.code,
                (lang === "en" ? (r.nameEn ?? r.nameVi) : r.nameVi) ?? null,
                r.onlineLevel === null ? null : labelOf(L.onlineLevels, r.onlineLevel),
                r.decisionDate,
                r.legalEffectiveDate,
                r.publicDate,
                rule(r),
                ...(online ? [time(r.lastOnlineAt)] : []),
                ...(paid ? [time(r.lastPaidAt)] : []),
              ],
      };
    }
    default:
      // Dossiers (an indicator's, or the period's without one).
      return {
        columns: [P.scorecard.caseId, L.procedureCode, C.procedure, P.scorecard.field, L.channel, C.status, C.rule, at(P.scorecard.received), at(P.scorecard.due), at(C.end), C.daysLate, C.supplements],
        row: (r) =>
          r.kind !== "dossier"
            ? []
            : [
                r.caseId,
                r.procedureCode,
                r.procedureNameVi === null && r.procedureNameEn === null ? null : procedureLabel(r, lang),
                r.field === null ? null : fieldLabel(r.field, lang),
                r.channel === null ? null : labelOf(C.timeline.channels, r.channel),
                labelOf(C.statuses, r.status),
                rule(r),
                time(r.receivedAt),
                time(r.dueAt),
                time(r.endAt),
                r.overrunDays,
                r.supplementRequests,
              ],
      };
  }
}

/** What a list's values count ("ngày làm việc"), by its indicator. */
export const valueUnitOf = (P: PageMessages, code: string | null): string => (code === null ? P.cases.list.value : (P.cases.list.valueOf[code] ?? P.cases.list.value));

/** The list's number as the page states it: "42 hồ sơ", "1.830 ngày làm việc, cộng trên 60 hồ sơ". */
export function listNumberText(head: IndicatorList, P: PageMessages, fmt: Formatters): string {
  const L = P.cases.list;
  const count = L.countOf(head.kind ?? "dossier", head.count, fmt.integer(head.count));
  if (head.aggregate === "sum" && head.total !== null) return L.sumOf(fmt.max(head.total), valueUnitOf(P, head.indicator), count);
  return count;
}

export function listExport(i: ListExportInput): ExportTable {
  const { head, t, P, fmt } = i;
  const C = P.cases;
  const L = C.list;
  const { columns, row } = kindColumns(i);
  // A sum's values are a column of their own for dossiers (P2's working days, R6's agencies); the other kinds' values are their days late, a column already.
  const summing = head.aggregate === "sum" && (head.kind === "dossier" || head.kind === null);
  const inNumerator = i.records.some((r) => r.inNumerator !== null);
  const part = head.part;
  const context: [string, string][] = [
    [P.common.unit, `${unitName(i.unitId, i.lang)} (${i.unitId})`],
    [t.periodLabel, `${i.periodName} (${head.period})`],
  ];
  if (head.indicator !== null && part !== null) {
    context.push([L.indicatorLabel, `${i.indicatorName ?? head.indicator} (${head.indicator})`], [L.partLabel, L.parts[part]]);
    if (i.definition) context.push([L.definition(part, head.indicator), i.definition]);
    if (head.total !== null) context.push([L.numberLabel, listNumberText(head, P, fmt)]);
  } else {
    context.push([C.statusFilter, head.status === null ? C.all : labelOf(C.statuses, head.status)], [L.recordsLabel, L.countOf("dossier", head.count, fmt.integer(head.count))]);
  }
  if (head.computedAt) context.push([L.computedAt, vnTime(head.computedAt, t, fmt)]);
  context.push([t.methodology, head.methodology], [t.exportedAt, vnTime(i.exportedAt, t, fmt)]);
  return {
    title: i.title,
    context,
    columns: [...columns, ...(summing ? [capitalised(valueUnitOf(P, head.indicator), i.lang)] : []), ...(inNumerator ? [L.inNumerator] : [])],
    rows: i.records.map((r) => [...row(r), ...(summing ? [r.value] : []), ...(inNumerator ? [r.inNumerator === null ? null : r.inNumerator ? L.yes : L.no] : [])]),
  };
}
