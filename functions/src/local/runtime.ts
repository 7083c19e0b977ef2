import { type Clock, systemClock } from "../ports/runtime.js";
import type { IdempotencyStore } from "../ports/ingest.js";
import { serial } from "../lib/serial.js";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { UnitCatalog, type WorkingCalendar } from "@scorecard/shared";
import { DynamoDbEventStore } from "../adapters/dynamodb/dynamodb-event-store.js";
import { DynamoDbSnapshotStore } from "../adapters/dynamodb/dynamodb-snapshot-store.js";
import { ensureTable } from "../adapters/dynamodb/table.js";
import { backfillCriterionIndex } from "../adapters/dynamodb/criterion-index-backfill.js";
import { backfillOpenCaseIndex } from "../adapters/dynamodb/open-case-index-backfill.js";
import { backfillCaseLists } from "../adapters/dynamodb/case-lists-backfill.js";
import { dynamoDbAdminStores } from "../adapters/dynamodb/dynamodb-admin-stores.js";
import { storedRules } from "../use-cases/admin/rules.js";
import type { RulesInForce, RulesSource, RulesStore } from "../ports/rules.js";
import type { ConditionalWrite } from "../ports/admin.js";
import { DynamoDbPublicationStore } from "../adapters/dynamodb/dynamodb-publication-store.js";
import type { AdminDeps } from "../use-cases/admin/common.js";
import { HmacHasher } from "../adapters/local/file-hasher.js";
import { CachedPublicationStore, CachedSnapshotStore } from "../adapters/local/cached-stores.js";
import { FolderLake } from "../adapters/local/folder-lake.js";
import { lockFolder } from "../adapters/local/folder-lock.js";
import { startDynaliteThread } from "./dynalite-thread.js";
import { LocalIdentity, type LocalOidcOptions, oidcFromEnv } from "../adapters/local/local-identity.js";
import { DuckDbQueryEngine } from "../adapters/local/duckdb-engine.js";
import { DynamoDbIdempotencyStore } from "../adapters/dynamodb/dynamodb-idempotency-store.js";
import type { IngestDeps } from "../use-cases/ingest/ingest-events.js";
import { OutboxDrainer } from "../use-cases/ingest/outbox-drainer.js";
import { reconcileLake } from "../use-cases/ingest/reconcile-lake.js";
import type { OpenCaseIndex } from "../ports/read.js";
import { parseSourceScopes, type SourceScopes } from "@scorecard/shared/contracts/source-scope";
import type { RecordDeps } from "../use-cases/ingest/ingest-records.js";
import { DynamoDbRecordStore } from "../adapters/dynamodb/dynamodb-record-store.js";
import type { ReadDeps } from "../use-cases/read/read-rankings.js";
import { keptLists } from "../use-cases/score/kept-lists.js";
import { DEFAULT_METHODOLOGY, type ScoreDeps } from "../use-cases/score/score-period.js";

export const TABLE_NAME = "scorecard-local";

export interface RuntimeOptions {
  readonly dataDir: string;
  /** Keep DynamoDB on disk (default) or in memory (tests). */
  readonly persist?: boolean;
  readonly clock?: Clock;
  readonly sourceToken?: string;
  /** What each source may post; default `SCORECARD_SOURCE_SCOPES` (JSON), else the demo's (DEMO_SOURCE_SCOPES). */
  readonly sourceScopes?: SourceScopes;
  /**
   * An OpenID provider to sign staff in with (served in /config.json) and whose tokens the API
   * accepts, as a stand-in for Cognito; null: the demo login only. Default: from the environment
   * (SCORECARD_OIDC_ISSUER and the rest, local-identity.ts `oidcFromEnv`).
   */
  readonly oidc?: LocalOidcOptions | null;
}

/**
 * The embedded runtime's parts: dynalite (persisted under <data>/dynamodb), the folder lake,
 * DuckDB, the local pseudonymisation key — the same adapters and use cases as in AWS, pointed at
 * local counterparts.
 */
export class LocalRuntime {
  private constructor(
    readonly dataDir: string,
    readonly lake: FolderLake,
    readonly engine: DuckDbQueryEngine,
    readonly catalog: UnitCatalog,
    readonly ingest: IngestDeps & RecordDeps & { idempotency: IdempotencyStore; scopes: SourceScopes },
    readonly read: ReadDeps,
    readonly score: ScoreDeps,
    /** Bearer tokens of the source systems, by source name (the local stand-in for Cognito M2M clients). */
    readonly sourceTokens: Readonly<Record<string, string>>,
    readonly identity: LocalIdentity,
    private readonly dynamo: { close: () => Promise<void>; client: DynamoDBClient; outbox: OutboxDrainer },
    /** The Home Affairs workspace (issue 6): findings, criteria, survey, heads, publications, audit. */
    readonly admin: AdminDeps,
  ) {}

  static async start(options: RuntimeOptions): Promise<LocalRuntime> {
    const dataDir = resolve(options.dataDir);
    mkdirSync(join(dataDir, "lake"), { recursive: true });
    const clock = options.clock ?? systemClock;
    // One runtime per persisted data folder (the CLI's lake-only commands run beside it).
    const release = options.persist === false ? () => {} : lockFolder(dataDir);
    try {
      return await LocalRuntime.open(dataDir, options, clock, release);
    } catch (e) {
      release();
      throw e;
    }
  }

  private static async open(dataDir: string, options: RuntimeOptions, clock: Clock, release: () => void): Promise<LocalRuntime> {
    const dynamo = await startDynaliteThread(options.persist === false ? {} : { path: join(dataDir, "dynamodb") });
    const { port } = dynamo;
    const client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      maxAttempts: 5,
    });
    await ensureTable(client, TABLE_NAME);
    const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    // Data folders written before criteria were indexed by period (once per folder; AWS had no deployment then).
    await backfillCriterionIndex(db, TABLE_NAME);

    const lake = new FolderLake(join(dataDir, "lake"));
    // DuckDB's share of the process's memory (the rest: Node, dynalite); spills to disk beyond it.
    // 1.35 GB: the scoring run of a province-year peaks at the end of its staging with DuckDB at its
    // cap; the process then stays under 2 GB (1.69–1.71 GB measured; 1.82–2.12 GB with 1.5 GB).
    // SCORECARD_KEPT_FACTS_FILE=1: the kept case facts in a database file of their own (compressed;
    // docs/adr/0023 point 8: 0.9 GB at peak instead of 1.6–1.7 GB on a province-year, the nightly
    // refresh 2.5× slower), made anew at each start from their Parquet (the folder lock keeps other
    // processes out). Default: in memory.
    const keptFile = ["1", "true"].includes(process.env["SCORECARD_KEPT_FACTS_FILE"] ?? "") ? join(dataDir, "duckdb", "kept.duckdb") : undefined;
    if (keptFile !== undefined) {
      mkdirSync(join(dataDir, "duckdb"), { recursive: true });
      for (const f of [keptFile, `${keptFile}.wal`]) rmSync(f, { force: true });
    }
    const engine = await DuckDbQueryEngine.open(lake.root, {
      memoryLimit: process.env["SCORECARD_DUCKDB_MEMORY"] ?? "1.35GB",
      tempDirectory: join(dataDir, "duckdb-tmp"),
      ...(keptFile === undefined ? {} : { keptFile }),
    });
    const catalog = new UnitCatalog();
    const hasher = HmacHasher.fromFile(join(dataDir, "keys", "pseudonym.key"));
    const methodology = DEFAULT_METHODOLOGY;
    // One process writes (the CLI's writing commands refuse to run beside the server): read-through caches, dropped on write.
    const snapshots = new CachedSnapshotStore(new DynamoDbSnapshotStore(db, TABLE_NAME, { lake }));
    // The folder lock makes this process the table's only writer: eventIds are claimed in batches.
    const eventStore = new DynamoDbEventStore(db, TABLE_NAME, { writers: "single-process" });
    const outbox = new OutboxDrainer(eventStore, (e) => console.error(`[outbox] drain failed: ${(e as Error).message}`));
    // Early warnings wait for the drain passes already asked for: a read after a batch's answer sees its cases.
    const openCases: OpenCaseIndex = {
      openCasesDueBefore: async (unitId, before) => (await outbox.idle(), eventStore.openCasesDueBefore(unitId, before)),
      pausedCases: async (unitId) => (await outbox.idle(), eventStore.pausedCases(unitId)),
      caseEvents: (caseId) => eventStore.caseEvents(caseId),
    };
    // Data folders written before each case listed its eventIds (the drain reads the lists), then
    // those whose open-case index has one item per case (before holders and consultations were indexed).
    await backfillCaseLists(db, TABLE_NAME, eventStore);
    await backfillOpenCaseIndex(db, TABLE_NAME, eventStore);
    const publications = new CachedPublicationStore(new DynamoDbPublicationStore(db, TABLE_NAME));
    const adminStores = dynamoDbAdminStores(db, TABLE_NAME, { now: () => clock.now().getTime() });
    // The holiday calendar and unit catalog in force (rules as data, issue 24 item 4): each scoring
    // run reads them from the store; DuckDB's dims are reloaded when a version changed.
    // The read API, the admin workspace and ingestion see the catalog in force too (`live`), from
    // the last load: at start, at each run, after each change recorded here (watchedRules).
    const live: { catalog: UnitCatalog; calendar: WorkingCalendar | undefined } = { catalog, calendar: undefined };
    const rules = localRules(storedRules(adminStores.rules), engine, (r) => {
      live.catalog = r.catalog;
      live.calendar = r.calendar;
    });
    await rules.load();
    // A batch cut short by a crash: its claimed events reach the lake and its cases the outbox.
    const reconciled = await reconcileLake({ store: eventStore, lake, clock })(0);
    if (reconciled.written > 0) console.log(`reconciled: ${reconciled.events} stored events written to the lake (${reconciled.written} raw objects of batches cut short)`);
    outbox.kick();
    const sourceTokens = loadOrCreateTokens(join(dataDir, "keys", "source-tokens.json"), options.sourceToken ?? process.env["SCORECARD_SOURCE_TOKEN"]);

    return new LocalRuntime(
      dataDir,
      lake,
      engine,
      catalog,
      {
        store: eventStore,
        lake,
        hasher,
        clock,
        isKnownUnit: (u, d) => live.catalog.isValidOn(u, d),
        idempotency: new DynamoDbIdempotencyStore(db, TABLE_NAME, clock),
        records: new DynamoDbRecordStore(db, TABLE_NAME),
        newId: randomUUID,
        onStored: () => outbox.kick(),
        scopes: options.sourceScopes ?? (process.env["SCORECARD_SOURCE_SCOPES"] ? parseSourceScopes(process.env["SCORECARD_SOURCE_SCOPES"], "SCORECARD_SOURCE_SCOPES") : DEMO_SOURCE_SCOPES),
      },
      {
        snapshots,
        get catalog() {
          return live.catalog;
        },
        lake,
        methodology,
        publications,
        openCases,
        clock,
        rules: adminStores.rules,
        // The drill-down lists of runs over the kept facts, read on request (docs/adr/0023).
        keptLists: keptLists({ engine, lake, methodology }),
      },
      // improperReturns: each scoring run writes Home Affairs' marks to the lake (R3 of dn-2026.2);
      // manualIndicators: it scores the indicators Home Affairs enters (D3) from the criterion items.
      {
        engine,
        snapshots,
        lake,
        // The last rules loaded, for callers that score without a run (scoreUnitsOf); a run reads `rules` afresh.
        get catalog() {
          return live.catalog;
        },
        get calendar() {
          return live.calendar;
        },
        clock,
        methodology,
        publications,
        newId: randomUUID,
        // The case facts kept in the lake between runs (docs/adr/0023).
        keptFacts: true,
        oneRunAtATime: serial(),
        improperReturns: adminStores.improperReturns,
        manualIndicators: adminStores.criteria,
        rules,
      },
      sourceTokens,
      await LocalIdentity.fromFile(join(dataDir, "keys", "jwt-signing.jwk"), { oidc: options.oidc === undefined ? oidcFromEnv(process.env) : options.oidc }),
      {
        client,
        outbox,
        close: async () => {
          await dynamo.close();
          release();
        },
      },
      {
        stores: { ...adminStores, rules: watchedRules(adminStores.rules, () => rules.load()) },
        publications,
        snapshots,
        lake,
        get catalog() {
          return live.catalog;
        },
        clock,
        methodology,
        newId: randomUUID,
      },
    );
  }

  /** The one-stop system's token: the one printed at start and used by the examples. */
  get sourceToken(): string {
    return this.sourceTokens[PRIMARY_SOURCE] as string;
  }

  /** The pseudonymisation key's file (the bulk import's worker threads load the same key). */
  get pseudonymKeyFile(): string {
    return join(this.dataDir, "keys", "pseudonym.key");
  }

  /** The DynamoDB client of this runtime's table (for tests and maintenance scripts that scan it). */
  get dynamoClient(): DynamoDBClient {
    return this.dynamo.client;
  }

  /** Resolves when the case-state outbox has no drain pass running (tests and tools that read warnings). */
  outboxIdle(): Promise<void> {
    return this.dynamo.outbox.idle();
  }

  async stop(): Promise<void> {
    await this.dynamo.outbox.idle();
    // No scoring run may be using the engine when it closes (DuckDB then never lets the process exit).
    await this.score.oneRunAtATime(async () => undefined);
    this.engine.close();
    this.dynamo.client.destroy();
    await this.dynamo.close();
  }
}

/**
 * The demo sources' scopes: the one-stop system posts every unit's dossier events and the procedure
 * catalog; the national public-service portal's sync posts the events of the dossiers filed online;
 * the 1022 hotline posts complaints. Each may date its events at most 45 days back (a day's outage
 * and a month-end's late entries, with margin); older history goes through `scorecard import`.
 */
export const DEMO_SOURCE_SCOPES: SourceScopes = {
  "one-stop": { kinds: ["events", "procedures"], units: ["*"], maxAgeDays: 45 },
  "national-portal": { kinds: ["events"], units: ["*"], maxAgeDays: 45 },
  "hotline-1022": { kinds: ["complaints"], units: ["*"], maxAgeDays: 45 },
};

/** The source systems that post events: the one-stop system, the national-portal sync, the 1022 hotline. */
export const SOURCE_SYSTEMS = ["one-stop", "national-portal", "hotline-1022"] as const;

/**
 * The signing identity and the primary source token of a data folder, without opening the
 * database: `npm run scorecard -- token` works beside a running `npm start` (dynalite holds a lock).
 */
export async function localCredentials(dataDir: string): Promise<{ identity: LocalIdentity; sourceToken: string }> {
  const identity = await LocalIdentity.fromFile(join(dataDir, "keys", "jwt-signing.jwk"));
  const tokens = loadOrCreateTokens(join(dataDir, "keys", "source-tokens.json"), process.env["SCORECARD_SOURCE_TOKEN"]);
  return { identity, sourceToken: tokens[PRIMARY_SOURCE] as string };
}
const PRIMARY_SOURCE = "one-stop";

function loadOrCreateTokens(path: string, override: string | undefined): Record<string, string> {
  let tokens: Record<string, string> = {};
  if (existsSync(path)) tokens = JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
  let changed = false;
  for (const s of SOURCE_SYSTEMS) {
    if (!tokens[s]) {
      tokens[s] = `src_${randomBytes(24).toString("base64url")}`;
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, JSON.stringify(tokens, null, 2), { mode: 0o600 });
  }
  return override ? { ...tokens, [PRIMARY_SOURCE]: override } : tokens;
}

/** The store's rules, with DuckDB's dim_calendar and dim_units reloaded whenever their versions change (the engine opens with the compiled ones). */
function localRules(source: RulesSource, engine: DuckDbQueryEngine, onLoad: (r: RulesInForce) => void): RulesSource {
  let loaded = "0:0";
  return {
    load: async () => {
      const r = await source.load();
      onLoad(r);
      const key = `${r.versions.holidays}:${r.versions.units}`; // the methodology versions need no dims
      if (key !== loaded) {
        await engine.loadDims(r.calendar, r.catalog);
        loaded = key;
      }
      return r;
    },
  };
}

/** The rules store, with the runtime's rules reloaded after each change it records (one process writes: docs/adr/0022). */
function watchedRules(store: RulesStore, reload: () => Promise<unknown>): RulesStore {
  const after = async (w: ConditionalWrite) => {
    if (w === "ok") await reload();
    return w;
  };
  return {
    holidays: () => store.holidays(),
    units: () => store.units(),
    putHolidays: async (doc, expected) => after(await store.putHolidays(doc, expected)),
    putUnits: async (doc, expected) => after(await store.putUnits(doc, expected)),
    methodology: () => store.methodology(),
    putMethodology: async (doc, expected) => after(await store.putMethodology(doc, expected)),
  };
}
