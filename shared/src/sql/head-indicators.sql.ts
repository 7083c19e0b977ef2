/**
 * Head-of-unit attribution (methodology §6: "a head is rated on the cases their unit received
 * during their tenure inside the period"): the case counts the head rating needs, per unit and per
 * LOCAL DAY OF RECEIPT, over the period's dossiers as methodology §2 scopes them for the unit —
 * received in the period, carried over into it, resolved in it (D1). A head's counts are the sum
 * of their unit's rows over the days of their tenure (`sumTenure`, shared/src/methodology/head-tenure.ts).
 *
 * Reading of §6 (docs/adr/0010-head-ratings-and-reform-index.md): the period's dossiers, each
 * charged to the head in office on the day the unit received it. A carried-over dossier counts
 * for the head who received it, and a head in office over the whole period and before it has
 * exactly the unit's case-based numbers (tested). Clipping receipts to the period instead would
 * drop the carried-over backlog — mostly the late dossiers — from every head's results: heads
 * would score systematically above their own units.
 *
 * Why per day and not a `dim_heads` table or tenure parameters: tenures are edited by Home Affairs
 * at any time (DynamoDB), so a dimension table in the lake could be stale when the statement runs —
 * a head could be rated on another head's days. Rows per (unit, day) do not depend on the roster at
 * all: the same rows serve every roster, and the join happens in tested TypeScript. The price is at
 * most units × days rows (≈ 70 000 for a year of the whole province), far below Athena's limits.
 *
 * The rows are those of the case-indicators statement (./case-indicators.sql.ts) that have a day:
 * one statement gives a period's unit counts and its head attribution, on facts computed once (the
 * 19 periods of the province-year: 15.0 s of engine time against 16.6 s for the two statements it
 * replaced, measured interleaved). Summed over
 * all days, every column is the unit's by construction; functions/test/head-indicators-sql.test.ts
 * checks the rows against an oracle built from the reference scorer's case facts.
 *
 * Columns per row, `day` = days since 1970-01-01 of the local (UTC+7) date of receipt:
 * - as the receiving unit — received in the period (withdrawn included in `received`, as for the
 *   unit): received, t4_num, o3_num, ma_num, ma_den, d2_num, d4_num, d5_num, d6a_num, r3_num
 *   (returned), r3i_num (returned and marked improper), r4_num, s3a_num; in the period's scope (received in it or carried over), status as of its end:
 *   early, on_time, late, overdue, in_progress, late_apology; resolved in the period and needing a
 *   result: d1_num, d1_den. Rows of days before the period hold carried-over or resolved cases only.
 * - as the consulted unit, by the local day of the request: consultations in the period's scope
 *   (verdict as of its end): r5_num (answered on time), r5_den (with a verdict).
 */
const OWNER_COLUMNS = [
  "received", "t4_num", "o3_num", "ma_num", "ma_den", "d2_num", "d4_num", "d5_num", "d6a_num", "r3_num", "r3i_num", "r4_num", "s3a_num",
  "early", "on_time", "late", "overdue", "in_progress", "late_apology", "d1_num", "d1_den",
] as const;
const CONSULT_COLUMNS = ["r5_num", "r5_den"] as const;
/** The columns of the day rows a head rating reads (a subset of CASE_INDICATOR_COLUMNS). */
export const HEAD_DAY_COLUMNS = [...OWNER_COLUMNS, ...CONSULT_COLUMNS] as const;
export type HeadDayColumn = (typeof HEAD_DAY_COLUMNS)[number];
