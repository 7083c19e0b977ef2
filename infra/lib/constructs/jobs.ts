import { Duration } from "aws-cdk-lib";
import { Construct } from "constructs";
import { CURATED_IMPROPER_RETURNS_PREFIX, LAKE_PREFIXES, SCORING_LOCK_KEY } from "@scorecard/shared/lake/layout";
import { DIM_TABLES } from "@scorecard/shared/lake/schema";
import type { StageConfig } from "../stage-config.js";
import type { AnalyticsCatalog } from "./analytics-catalog.js";
import type { EventStore } from "./event-store.js";
import type { Lake } from "./lake.js";
import { ScheduledJob } from "./scheduled-job.js";
import { ScoringOrchestration } from "./scoring-orchestration.js";

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

const dimPrefix = (name: string) => (DIM_TABLES.find((t) => t.name === name) as { prefix: string }).prefix;
/** Written by compaction from the ingested catalog. */
const CATALOG_DIMS = [dimPrefix("dim_procedures"), dimPrefix("dim_procedure_units")];
/** Written by the score job from shared's data before it scores. */
const DOMAIN_DIMS = [dimPrefix("dim_calendar"), dimPrefix("dim_units")];

/**
 * The two scheduled jobs (docs/adr/0007-cloud-compaction-on-athena.md). Compaction turns `raw/`
 * batches into deduplicated Parquet under `curated/events/` with Athena `INSERT INTO` and merges
 * complaint and catalog versions into JSON-lines tables (`curated/complaints/`, `dims/procedures/`);
 * it keeps its manifest and lock under `curated/_compacted/`. Scoring renders `dims/calendar/` and
 * `dims/units/` when they changed, stages the case facts of its periods once (views and CTAS
 * tables `sc_*` under `staging/`, docs/adr/0009), runs the SQL in Athena, applies the methodology
 * and writes snapshots (DynamoDB), drill-downs (UNLOAD), head ratings and the reform index
 * (`ratings/`) and the public JSON — as a state machine whose steps each stay within Lambda's
 * limit (docs/adr/0104-scoring-state-machine.md). Scoring runs after compaction each night.
 */
export class Jobs extends Construct {
  readonly compaction: ScheduledJob;
  /** Scoring: a Step Functions state machine over one function (./scoring-orchestration.ts). */
  readonly scoring: ScoringOrchestration;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const { stage } = props;
    this.compaction = new ScheduledJob(this, "Compaction", {
      stage,
      job: "compact",
      entry: props.compactEntry ?? "functions/src/handlers/compact.ts",
      description: "Scorecard compaction: raw batches to curated Parquet (Athena), complaint and catalog versions to their latest",
      schedule: stage.compactSchedule,
      timeout: Duration.minutes(15),
      // Athena does the heavy work; the function holds at most the complaint table while merging.
      memorySize: 1024,
    });
    this.compaction.function.bindLake({
      lake: props.lake,
      read: [LAKE_PREFIXES.rawComplaints, LAKE_PREFIXES.rawProcedures, LAKE_PREFIXES.curated, ...CATALOG_DIMS],
      write: [LAKE_PREFIXES.curated, ...CATALOG_DIMS],
      delete: [LAKE_PREFIXES.curated],
    });
    props.catalog.grantCompaction(this.compaction.function);

    // Each step well within Lambda's 15 minutes: the facts staged once, then the periods in groups of one end.
    this.scoring = new ScoringOrchestration(this, "Scoring", {
      stage,
      entry: props.scoreEntry ?? "functions/src/handlers/score.ts",
      schedule: stage.scoreSchedule,
    });
    // curated/improper_returns/: Home Affairs' marks of improper returns, rewritten from the table
    // (DynamoDB) by each run when they changed (functions/src/use-cases/score/improper-returns.ts).
    // drilldown/: each period's run is written (by Athena's UNLOAD, with this role), then its
    // current.json pointer is read and switched, and the previous run deleted. state/: what each
    // period was scored on, read by the next scheduled run to find the periods late events reached,
    // and the scoring lock (state/score-lock.json: created, taken over when expired, deleted).
    // snapshots/: a snapshot body too large for its DynamoDB item (one object per tier, overwritten).
    this.scoring.function
      // Reads the admin items it scores with; writes only the draft snapshots.
      .bindTable({ store: props.store, access: { actions: ["GetItem", "Query", "PutItem"], index: true } })
      .bindLake({
        lake: props.lake,
        read: [LAKE_PREFIXES.ratings, LAKE_PREFIXES.drilldown, LAKE_PREFIXES.state, ...DOMAIN_DIMS, CURATED_IMPROPER_RETURNS_PREFIX, LAKE_PREFIXES.snapshots],
        write: [LAKE_PREFIXES.public, LAKE_PREFIXES.drilldown, LAKE_PREFIXES.ratings, LAKE_PREFIXES.state, ...DOMAIN_DIMS, CURATED_IMPROPER_RETURNS_PREFIX, LAKE_PREFIXES.snapshots],
        delete: [LAKE_PREFIXES.drilldown, SCORING_LOCK_KEY],
      });
    props.catalog.grantQuery(this.scoring.function);
    props.catalog.grantStagedScoring(this.scoring.function);
  }
}
