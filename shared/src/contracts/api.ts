/**
 * Shapes of the read API (ARCHITECTURE §10). Types only: the dashboard, the handlers and the
 * tests share them. Public payloads carry aggregates only — never a case id or a person.
 */
import type { Tier } from "../units/unit.js";

export type IndicatorStatus = "ok" | "no-data";

export interface IndicatorValue {
  readonly numerator: number;
  readonly denominator: number;
  /** Unrounded; null when the denominator is 0. */
  readonly ratio: number | null;
  /** 4 decimals; null for indicators that are shown but not scored. */
  readonly points: number | null;
  readonly max: number | null;
  readonly status: IndicatorStatus;
}

export interface RankedUnit {
  readonly unitId: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly tier: Tier;
  /** Competition rank within the tier (1, 2, 2, 4); null when the unit has no data at all. */
  readonly rank: number | null;
  readonly total: number | null;
  readonly complete: boolean;
  readonly band: string | null;
  readonly indicators: Readonly<Record<string, IndicatorValue>>;
  /** Counts behind the progress indicator, for display (early, on time, late, overdue, in progress). */
  readonly counts: Readonly<Record<string, number>>;
  /** Points per indicator group (methodology §3), e.g. TDGQ: { points: 19.4, max: 20 }. */
  readonly groups?: Readonly<Record<string, { readonly points: number; readonly max: number }>>;
}

/**
 * `GET /v1/public/rankings?period=…&tier=…` takes a period id, or `latest`: the newest scored
 * period, i.e. the first of `PublicMeta.periods` (the snapshot's own `period` names it). The first
 * page asks for it together with the list of periods instead of one after the other.
 */
export type LatestPeriod = "latest";

export interface RankingSnapshot {
  readonly period: string;
  readonly tier: Tier;
  readonly methodology: string;
  /** ISO instant of the scoring run: the "as of" time shown beside every number. */
  readonly computedAt: string;
  /** Events up to this instant were included. */
  readonly dataAsOf: string;
  readonly status: "draft" | "published";
  readonly version: number | null;
  readonly engine: "sql" | "reference";
  readonly units: readonly RankedUnit[];
  /** What the scoring run read from the lake (Athena bills bytes scanned); absent in older snapshots. */
  readonly scan?: ScanMetadata;
}

/**
 * Lake bytes a scoring run read, as Athena bills them (DataScannedInBytes; locally estimated from
 * DuckDB's plan and the Parquet footers). null: the engine did not say.
 */
export interface ScanMetadata {
  /** The run's one pass over the events (staged facts), shared by `runPeriods` periods. */
  readonly runBytes: number | null;
  readonly runPeriods: number;
  /** This period's own statements (indicators, catalog, complaints, drill-down). */
  readonly periodBytes: number | null;
}

export interface PublicMeta {
  readonly methodology: string;
  /** Period ids for which snapshots exist, newest first. */
  readonly periods: readonly string[];
  readonly tiers: readonly Tier[];
  readonly computedAt: string | null;
}

/** RFC 9457 problem details with a stable machine code. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly errors?: readonly { readonly code: string; readonly field: string; readonly message: string }[];
}
