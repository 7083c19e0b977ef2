/**
 * What the public receives of a ranking (issue 20, item 3): the snapshot's shape with every value
 * the small-count rule withholds set to null and marked (suppression.ts; docs/suppression.md).
 * Types only and no zod: the dashboard imports them by subpath
 * (`@scorecard/shared/publish/public-ranking`).
 *
 * Backward compatible with `RankingSnapshot` for a reader: the same fields, some now nullable;
 * `suppressed` marks a withheld value (absent when nothing was withheld). A withheld value is never
 * written as 0: null plus the marker. A zero that is not withheld stays 0.
 */
import type { IndicatorStatus, RankingSnapshot } from "../contracts/api.js";

/** The smallest count a public output shows: counts from 1 to SMALL_COUNT − 1 are withheld. */
export const SMALL_COUNT = 5;

/** An indicator cell as published: `numerator`, `denominator`, `ratio` and `points` null when withheld. */
export interface PublicIndicatorValue {
  /** null: withheld (then `suppressed` is true). */
  readonly numerator: number | null;
  /** null: withheld — only when it is itself a small count or a complement of one. */
  readonly denominator: number | null;
  /** Unrounded; null when the denominator is 0, or withheld. */
  readonly ratio: number | null;
  /** 4 decimals; null for indicators shown but not scored, or withheld. */
  readonly points: number | null;
  readonly max: number | null;
  readonly status: IndicatorStatus;
  /** Present (true) when a value of this cell is withheld by the small-count rule. */
  readonly suppressed?: true;
}

/** A group's points as published: null when withheld (a complement of a withheld indicator's points). */
export interface PublicGroupPoints {
  readonly points: number | null;
  readonly max: number;
  readonly suppressed?: true;
}

export interface PublicRankedUnit {
  readonly unitId: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly tier: RankingSnapshot["tier"];
  readonly rank: number | null;
  /** null when the unit has no data at all — or, as a last resort, withheld (then listed in `suppressed`). */
  readonly total: number | null;
  readonly complete: boolean;
  /** The scored indicators without data (why `complete` is false), as the snapshot says; absent in older snapshots. */
  readonly missing?: readonly string[];
  readonly band: string | null;
  readonly indicators: Readonly<Record<string, PublicIndicatorValue>>;
  /** Counts behind the progress indicator; null when withheld. */
  readonly counts: Readonly<Record<string, number | null>>;
  readonly groups?: Readonly<Record<string, PublicGroupPoints>>;
  /**
   * Every withheld value of the row, as a path: `indicators.P1.numerator`, `indicators.P1.ratio`,
   * `indicators.P1.points`, `indicators.S1.denominator`, `counts.LATE`, `groups.TDGQ.points`,
   * `total`. Absent when nothing was withheld.
   */
  readonly suppressed?: readonly string[];
}

/** How a public ranking was protected (shown on the methodology page; docs/suppression.md). */
export interface SuppressionNote {
  /** Counts from 1 to `smallCount` − 1, and whatever derives one, are withheld. */
  readonly smallCount: number;
  /** Published versions of the same period and tier the differences were checked against. */
  readonly checkedVersions: readonly number[];
  /** Values withheld in this ranking (all units). */
  readonly withheld: number;
}

/** A ranking as the public receives it: the snapshot without scan metadata, small counts withheld. */
export interface PublicRankingSnapshot extends Omit<RankingSnapshot, "units" | "scan"> {
  readonly units: readonly PublicRankedUnit[];
  readonly suppression: SuppressionNote;
}
