/**
 * The form of an indicator Home Affairs enters (D3; issue 20, item 5): the counts as typed, read
 * the way a Vietnamese or English officer writes them, and the checks the server would make, done
 * before anything is sent so that the page names the field and says why in its language. Pure.
 */
import type { Lang } from "@scorecard/shared/methodology/methodology";
import type { FieldProblem } from "./admin-outcome.js";

/** The server's bound on either count (shared/src/contracts/admin-requests.ts indicatorEntrySchema). */
export const COUNT_MAX = 100_000_000;

/**
 * A count as typed: digits, optionally grouped by thousands the page's way ("1.234" in Vietnamese,
 * "1,234" in English; spaces anywhere). `null` for nothing typed, `NaN` for anything else — a
 * decimal ("1,5" / "1.5"), a sign, letters, the other language's grouping.
 *
 * @example parseCount("1.234", "vi") // 1234
 * @example parseCount("1,5", "vi") // NaN
 */
export function parseCount(text: string, lang: Lang): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, "");
  if (s === "") return null;
  if (/^\d+$/.test(s)) return Number(s);
  const group = lang === "vi" ? "." : ",";
  const grouped = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`);
  return grouped.test(s) ? Number(s.split(group).join("")) : Number.NaN;
}

/** What the form sends, once checked. */
export interface CheckedEntry {
  readonly numerator: number;
  readonly denominator: number;
  readonly evidence: string;
}

/**
 * The entry, or the fields the server would refuse and why (codes the page words: REQUIRED,
 * NOT_COUNT — not a whole number of 0 or more, OUT_OF_RANGE, ABOVE_DENOMINATOR, TOO_LONG, FORMULA).
 */
export function checkEntry(form: { readonly numerator: string; readonly denominator: string; readonly evidence: string }, lang: Lang): { readonly ok: true; readonly entry: CheckedEntry } | { readonly ok: false; readonly errors: readonly FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const count = (field: "numerator" | "denominator", text: string): number | null => {
    const n = parseCount(text, lang);
    if (n === null) errors.push({ field, code: "REQUIRED" });
    else if (!Number.isSafeInteger(n)) errors.push({ field, code: "NOT_COUNT" });
    else if (n > COUNT_MAX) errors.push({ field, code: "OUT_OF_RANGE" });
    else return n;
    return null;
  };
  const numerator = count("numerator", form.numerator);
  const denominator = count("denominator", form.denominator);
  if (numerator !== null && denominator !== null && numerator > denominator) errors.push({ field: "numerator", code: "ABOVE_DENOMINATOR" });
  const evidence = form.evidence.trim();
  if (evidence === "") errors.push({ field: "evidence", code: "REQUIRED" });
  else if (evidence.length > 500) errors.push({ field: "evidence", code: "TOO_LONG" });
  // It ends up in CSV exports: the server refuses what a spreadsheet would run as a formula.
  else if (/^[=+\-@]/.test(evidence)) errors.push({ field: "evidence", code: "FORMULA" });
  if (errors.length > 0 || numerator === null || denominator === null) return { ok: false, errors };
  return { ok: true, entry: { numerator, denominator, evidence } };
}
