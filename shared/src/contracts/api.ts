/**
 * Shapes of the public read API (ARCHITECTURE §10), shared by the handlers, the use cases and the
 * dashboard (which imports the types only). Public payloads carry aggregates only — never a case
 * id or a person.
 */
import { z } from "zod";
import { TIERS } from "../units/unit.js";
import { listOf, mapOf, named, view } from "./schema-kit.js";

export const tierSchema = z.enum(TIERS);

export const indicatorStatusSchema = z.enum(["ok", "no-data"]);
export type IndicatorStatus = z.output<typeof indicatorStatusSchema>;

export const indicatorValueSchema = named(
  "IndicatorValue",
  view({
    numerator: z.number(),
    denominator: z.number(),
    ratio: z.number().nullable().describe("Unrounded; null when the denominator is 0."),
    points: z.number().nullable().describe("4 decimals; null for indicators that are shown but not scored."),
    max: z.number().nullable(),
    status: indicatorStatusSchema,
  }),
);
export type IndicatorValue = z.output<typeof indicatorValueSchema>;

const groupPointsSchema = view({ points: z.number(), max: z.number() });

export const rankedUnitSchema = named(
  "RankedUnit",
  view({
    unitId: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    tier: tierSchema,
    rank: z.number().int().nullable().describe("Competition rank within the tier (1, 2, 2, 4); null when the unit has no data at all."),
    total: z.number().nullable(),
    complete: z.boolean(),
    missing: listOf(z.string())
      .optional()
      .describe('The scored indicators without data, in the methodology\'s order (e.g. ["D3"] until Home Affairs enters it): why `complete` is false; empty when complete. Absent in snapshots stored before it existed.'),
    band: z.string().nullable(),
    indicators: mapOf(indicatorValueSchema),
    counts: mapOf(z.number()).describe("Counts behind the progress indicator, for display (early, on time, late, overdue, in progress)."),
    groups: mapOf(groupPointsSchema).optional().describe("Points per indicator group (methodology §3), e.g. TDGQ: { points: 19.4, max: 20 }."),
  }),
);
export type RankedUnit = z.output<typeof rankedUnitSchema>;

/**
 * `GET /v1/public/rankings?period=…&tier=…` takes a period id, or `latest`: the newest scored
 * period, i.e. the first of `PublicMeta.periods` (the snapshot's own `period` names it). The first
 * page asks for it together with the list of periods instead of one after the other.
 */
export const LATEST_PERIOD = "latest";
export type LatestPeriod = typeof LATEST_PERIOD;

export const scanMetadataSchema = named(
  "ScanMetadata",
  view({
    runBytes: z.number().nullable().describe("The run's one pass over the events (staged facts), shared by `runPeriods` periods."),
    runPeriods: z.number().int(),
    periodBytes: z.number().nullable().describe("This period's own statements (indicators, catalog, complaints, drill-down)."),
  }).describe("Lake bytes a scoring run read, as Athena bills them (DataScannedInBytes; locally estimated from DuckDB's plan and the Parquet footers). null: the engine did not say."),
);
export type ScanMetadata = z.output<typeof scanMetadataSchema>;

/** The fields of a ranking snapshot, reused by the views that add to it. */
export const rankingSnapshotShape = {
  period: z.string(),
  tier: tierSchema,
  methodology: z.string(),
  computedAt: z.string().describe('ISO instant of the scoring run: the "as of" time shown beside every number.'),
  dataAsOf: z.string().describe("Events up to this instant were included."),
  status: z.enum(["draft", "published"]),
  version: z.number().int().nullable(),
  engine: z.enum(["sql", "reference"]),
  units: listOf(rankedUnitSchema),
  scan: scanMetadataSchema.optional().describe("What the scoring run read from the lake (Athena bills bytes scanned); absent in older snapshots."),
  methodologyVersion: z.string().optional().describe("The published version of `methodology` the period was scored with (in force on its start date; docs/adr/0022); absent: `methodology` itself."),
};

export const rankingSnapshotSchema = named("RankingSnapshot", view(rankingSnapshotShape));
export type RankingSnapshot = z.output<typeof rankingSnapshotSchema>;

export const publicMetaSchema = named(
  "PublicMeta",
  view({
    methodology: z.string(),
    periods: listOf(z.string()).describe("Period ids for which snapshots exist, newest first."),
    tiers: listOf(tierSchema),
    computedAt: z.string().nullable(),
    published: listOf(
      view({
        period: z.string(),
        version: z.number().int().describe("The latest published version of the period."),
        publishedAt: z.string().describe("ISO instant of that publication."),
      }),
    ).describe("The periods with a published version, newest period first: the public pages open on the first."),
  }),
);
export type PublicMeta = z.output<typeof publicMetaSchema>;

export const fieldErrorSchema = view({
  code: z.string(),
  field: z.string(),
  message: z.string(),
  row: z.number().int().optional().describe("CSV imports: the line of the file (1 = the header)."),
  column: z.string().optional(),
});

export const problemSchema = named(
  "Problem",
  view({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe("Stable machine code (docs/api-errors.md); never renamed."),
    detail: z.string().optional(),
    errors: listOf(fieldErrorSchema).optional().describe("The offending fields (or rows and columns of a CSV)."),
  }).describe("RFC 9457 problem details with a stable machine `code`."),
);
/** RFC 9457 problem details with a stable machine code. */
export type Problem = z.output<typeof problemSchema>;
