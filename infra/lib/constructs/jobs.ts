import { Duration } from "aws-cdk-lib";
import { Construct } from "constructs";
import { LAKE_PREFIXES } from "../lake-schema.js";
import type { StageConfig } from "../stage-config.js";
import type { AnalyticsCatalog } from "./analytics-catalog.js";
import type { EventStore } from "./event-store.js";
import type { Lake } from "./lake.js";
import { ScheduledJob } from "./scheduled-job.js";

export interface JobsProps {
  readonly stage: StageConfig;
  readonly store: EventStore;
  readonly lake: Lake;
  readonly catalog: AnalyticsCatalog;
  /** @default "functions/src/handlers/compact.ts" */
  readonly compactEntry?: string;
  /** @default "functions/src/handlers/score.ts" */
  readonly scoreEntry?: string;
}

/**
 * The two scheduled jobs. Compaction turns `raw/` batches into deduplicated Parquet under
 * `curated/`; scoring runs the SQL in Athena, applies the methodology and writes snapshots
 * (DynamoDB) and the public JSON (`public/`). Scoring runs after compaction each night.
 */
export class Jobs extends Construct {
  readonly compaction: ScheduledJob;
  readonly scoring: ScheduledJob;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const { stage } = props;
    this.compaction = new ScheduledJob(this, "Compaction", {
      stage,
      job: "compact",
      entry: props.compactEntry ?? "functions/src/handlers/compact.ts",
      description: "Scorecard compaction: raw batches to curated Parquet",
      schedule: stage.compactSchedule,
      timeout: Duration.minutes(15),
      memorySize: 3008,
    });
    this.compaction.function.bindLake({
      lake: props.lake,
      read: [LAKE_PREFIXES.raw, LAKE_PREFIXES.rawComplaints, LAKE_PREFIXES.rawProcedures, LAKE_PREFIXES.curated],
      write: [LAKE_PREFIXES.curated, LAKE_PREFIXES.dims],
      delete: [LAKE_PREFIXES.curated],
    });

    this.scoring = new ScheduledJob(this, "Scoring", {
      stage,
      job: "score",
      entry: props.scoreEntry ?? "functions/src/handlers/score.ts",
      description: "Scorecard scoring: indicators in Athena, methodology, snapshots",
      schedule: stage.scoreSchedule,
      timeout: Duration.minutes(10),
      memorySize: 1024,
    });
    this.scoring.function.bindTable({ store: props.store, access: "read-write" }).bindLake({ lake: props.lake, write: [LAKE_PREFIXES.public, LAKE_PREFIXES.drilldown] });
    props.catalog.grantQuery(this.scoring.function);
  }
}
