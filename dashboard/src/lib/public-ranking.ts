/**
 * A ranking as the public pages receive it. Two shapes reach them and both are handled:
 * - today's exact snapshot (every count a number; pages hide counts from 1 to 4 themselves);
 * - the server's public view (shared/src/publish/public-ranking.ts): withheld values `null`, marked
 *   `suppressed` on the cell and listed on the row; and `publication` (version, date).
 * A withheld value is never shown or exported as a number, nor as 0.
 */
import type { PublicationInfo } from "@scorecard/shared/admin/publication";
import type { PublicIndicatorValue, PublicRankedUnit, PublicRankingSnapshot, SuppressionNote } from "@scorecard/shared/publish/public-ranking";
import { isSuppressed } from "./suppress.js";

export type { PublicIndicatorValue, PublicRankedUnit, PublicationInfo };

/** What a public page reads: the public snapshot, where `suppression` and `publication` may be absent (older servers). */
export type PublicRanking = Omit<PublicRankingSnapshot, "suppression" | "units"> & {
  readonly units: readonly PublicRankedUnit[];
  readonly suppression?: SuppressionNote;
  readonly publication?: PublicationInfo;
  readonly scan?: unknown;
};

/** A count or an indicator field as a public page may show it. */
export type PublicNumber =
  | { readonly kind: "value"; readonly value: number }
  /** 1–4, known here (today's exact payload): shown as "<5", exported empty and flagged. */
  | { readonly kind: "small" }
  /** withheld by the server (null, marked): shown as withheld, exported empty and flagged. */
  | { readonly kind: "withheld" };

/** A count of a public page: the number, "<5" for 1–4, or withheld when the server sent null. */
export function publicNumber(n: number | null | undefined): PublicNumber {
  if (n === null) return { kind: "withheld" };
  const v = n ?? 0;
  return isSuppressed(v) ? { kind: "small" } : { kind: "value", value: v };
}

/** True when the server withheld something of this row at that path (e.g. `indicators.P1.ratio`, `counts.LATE`, `total`). */
export const withheld = (unit: PublicRankedUnit, path: string): boolean => unit.suppressed?.includes(path) ?? false;

/** True when an indicator cell had a value withheld (its `suppressed` marker). */
export const cellWithheld = (v: PublicIndicatorValue | undefined): boolean => v?.suppressed === true;

/** The unit's name in the reader's language (the Vietnamese one when there is no English), and whether it fell back. */
export function unitName(u: { readonly nameVi: string; readonly nameEn: string }, lang: "vi" | "en"): { readonly text: string; readonly lang: "vi" | "en" } {
  return lang === "en" && u.nameEn ? { text: u.nameEn, lang: "en" } : { text: u.nameVi, lang: "vi" };
}
