/**
 * `npm run scorecard -- <command>`: the command-line tool over the same data folder as `npm start`
 * (ARCHITECTURE §10). Stop `npm start` first: the embedded DynamoDB keeps a lock on its folder.
 */
import { readHeadRatings } from "../use-cases/read/read-ratings.js";
import { scoreAndRate } from "../use-cases/jobs/score-run.js";
import { createReadStream, createWriteStream, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import { METHODOLOGIES, RANKED_TIERS, UnitCatalog, parsePeriod } from "@scorecard/shared";
import { AdmitPool } from "../adapters/local/admit-pool.js";
import { compactLake } from "../adapters/local/duckdb-compactor.js";
import { compactRecords } from "../adapters/local/duckdb-record-compactor.js";
import { DEMO_USERS } from "../adapters/local/local-identity.js";
import { PRESETS, type PresetName } from "../seed/generator.js";
import { importNdjson } from "../use-cases/ingest/import-events.js";
import { cloudImportDeps } from "./cloud-import.js";
import { FolderInUseError } from "../adapters/local/folder-lock.js";
import { LocalRuntime, localCredentials } from "./runtime.js";
import { createLocalServer, listen } from "./server.js";
import { seedRuntime } from "./seed.js";
import { printReportPdf, reportWorkbook } from "./report-files.js";
import { buildReport } from "../use-cases/admin/reports.js";
import { AdminError } from "../use-cases/admin/common.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const dataDir = process.env["SCORECARD_DATA_DIR"] ?? join(repoRoot, ".data");

const USAGE = `usage: npm run scorecard -- <command>
  seed [--preset demo|province-year|national] [--seed N]
  import <file.ndjson[.gz] | folder> [--target local|aws --bucket <LakeBucket> --secret <pseudonym key ARN> [--region R]]
  compact
  score --period <P> [--tier DEPARTMENT|DISTRICT|COMMUNE|VERTICAL] [--engine sql|reference] [--methodology <id>] [--format json|table|csv]
  report --period <half-year|year> [--unit <unitId>] [--format pdf|xlsx] [--lang vi|en] --out file   (the six-monthly or annual report: A4 PDF printed by Chromium, or XLSX)
  report --period <P> --tier DEPARTMENT --out file.pdf   (the public ranking's A4 page)
  token --role chairman|home-affairs|unit-officer|source-system [--unit <unitId>]`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/**
 * `import` and `compact` touch only the lake, so they run beside `npm start` with an in-memory
 * DynamoDB; the other commands need the persisted one and refuse while the server holds it.
 */
async function openRuntime(options: { lakeOnly?: boolean } = {}): Promise<LocalRuntime> {
  try {
    return await LocalRuntime.start({ dataDir, ...(options.lakeOnly ? { persist: false } : {}) });
  } catch (e) {
    if (e instanceof FolderInUseError) fail(`The data folder ${dataDir} is in use: stop \`npm start\` first.`);
    throw e;
  }
}

/** An NDJSON file's bytes as read (decompressed when it ends in .gz), in large pieces: the import cuts them into blocks of lines. */
function bytesOf(file: string): AsyncIterable<Uint8Array> {
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
  return file.endsWith(".gz") ? input.pipe(createGunzip({ chunkSize: 256 * 1024 })) : input;
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case "seed": {
    const { values } = parseArgs({ args: rest, options: { preset: { type: "string", default: "demo" }, seed: { type: "string", default: "2024" } } });
    if (!(values.preset in PRESETS)) fail(`--preset: one of ${Object.keys(PRESETS).join(", ")}`);
    const rt = await openRuntime();
    await seedRuntime(rt, { preset: values.preset as PresetName, seed: Number(values.seed), log: (l) => console.log(l) });
    await rt.stop();
    break;
  }
  case "import": {
    const { values: opts, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { target: { type: "string", default: "local" }, bucket: { type: "string" }, secret: { type: "string" }, region: { type: "string" } },
    });
    const target = positionals[0] ? resolve(positionals[0]) : fail(USAGE);
    if (opts.target !== "local" && opts.target !== "aws") fail("--target: local | aws");
    if (opts.target === "aws" && (!opts.bucket || !opts.secret)) fail("--target aws needs --bucket <the stack's LakeBucket output> and --secret <the pseudonym key's ARN> (infra/README.md, first load)");
    const files = statSync(target).isDirectory()
      ? readdirSync(target).filter((f) => /\.ndjson(\.gz)?$/.test(f)).map((f) => join(target, f)).sort()
      : [target];
    // SCORECARD_IMPORT_WORKERS: worker threads validating lines (default: up to 4, one per core); 0 = this thread.
    // The workers load their modules while the runtime opens (it creates the key file they read).
    // --target aws: the deployed key stays in memory, so validation runs on this thread.
    const workers = opts.target === "aws" ? 0 : process.env["SCORECARD_IMPORT_WORKERS"] === undefined ? undefined : Number(process.env["SCORECARD_IMPORT_WORKERS"]);
    const opening =
      opts.target === "aws"
        ? cloudImportDeps({ bucket: opts.bucket!, secretId: opts.secret!, ...(opts.region ? { region: opts.region } : {}) }).then((deps) => ({ ingest: deps, lake: deps.lake, pseudonymKeyFile: "", stop: async () => {} }))
        : openRuntime({ lakeOnly: true });
    const admitter = workers === 0 ? undefined : new AdmitPool({ keyFile: opening.then((rt) => rt.pseudonymKeyFile), ...(workers ? { workers } : {}) });
    const rt = await opening.catch(async (e: unknown) => {
      await admitter?.close();
      throw e;
    });
    if (opts.target === "aws") console.log(`importing into s3://${opts.bucket}/raw/ with the key of ${opts.secret}`);
    let totals = { read: 0, accepted: 0, rejected: 0 };
    const importing = performance.now();
    for (const file of files) {
      const rejectsPath = `${file.replace(/\.ndjson(\.gz)?$/, "")}.rejects.ndjson`;
      const rejects = createWriteStream(rejectsPath);
      let lastShown = 0;
      const summary = await importNdjson({
        ...rt.ingest,
        lake: rt.lake,
        admitter,
        onReject: (line, code, message) => rejects.write(`${JSON.stringify({ line, code, message })}\n`),
        onProgress: (p) => {
          if (p.read - lastShown >= 100_000) {
            lastShown = p.read;
            process.stderr.write(`\r${file}: ${p.read.toLocaleString("en")} lines, ${p.accepted.toLocaleString("en")} accepted, ${p.rejected} rejected`);
          }
        },
      })(bytesOf(file));
      await new Promise((ok) => rejects.end(ok));
      process.stderr.write("\n");
      console.log(`${file}: ${summary.accepted} accepted, ${summary.rejected} rejected${summary.rejected ? ` (reasons in ${rejectsPath})` : ""}`);
      totals = { read: totals.read + summary.read, accepted: totals.accepted + summary.accepted, rejected: totals.rejected + summary.rejected };
    }
    const seconds = (performance.now() - importing) / 1000;
    console.log(`total: ${totals.accepted} accepted, ${totals.rejected} rejected; duplicates are removed by \`compact\``);
    console.log(`imported in ${seconds.toFixed(2)} s (${Math.round(totals.read / seconds).toLocaleString("en")} lines/s), ${(performance.now() / 1000).toFixed(2)} s since the process started`);
    await admitter?.close();
    await rt.stop();
    break;
  }
  case "compact": {
    const rt = await openRuntime({ lakeOnly: true });
    const r = await compactLake(rt.engine, rt.lake.root);
    const records = await compactRecords(rt.engine, rt.lake.root);
    console.log(`compacted ${r.newRawObjects} new of ${r.rawObjects} raw objects into ${r.months} months: ${r.events} distinct events; ${records.complaints} complaints, ${records.procedures} procedures`);
    await rt.stop();
    break;
  }
  case "score": {
    const { values } = parseArgs({
      args: rest,
      options: { period: { type: "string" }, tier: { type: "string" }, format: { type: "string", default: "table" }, engine: { type: "string", default: "sql" }, methodology: { type: "string" } },
    });
    if (!values.period) fail(USAGE);
    const period = parsePeriod(values.period);
    if (values.tier && !(RANKED_TIERS as readonly string[]).includes(values.tier)) fail(`--tier: one of ${RANKED_TIERS.join(", ")}`);
    if (values.engine !== "sql" && values.engine !== "reference") fail("--engine: sql | reference");
    if (values.methodology !== undefined && !(values.methodology in METHODOLOGIES)) fail(`--methodology: one of ${Object.keys(METHODOLOGIES).join(", ")}`);
    const rt = await openRuntime();
    const deps = values.methodology === undefined ? rt.score : { ...rt.score, methodology: values.methodology };
    const started = Date.now();
    // Scoring, then the head-of-unit ratings and (half-years, years) the reform index of the period.
    const snapshots = (await scoreAndRate(deps, { ...rt.admin, methodology: deps.methodology })(period, { engine: values.engine })).filter((s) => !values.tier || s.tier === values.tier);
    if (values.format !== "json") {
      const heads = (await readHeadRatings({ lake: rt.lake, methodology: deps.methodology })(period.id))?.heads ?? [];
      console.error(`scored ${period.id} with the ${values.engine} engine in ${((Date.now() - started) / 1000).toFixed(2)} s; heads of unit: ${heads.filter((h) => h.status === "RATED").length} rated, ${heads.filter((h) => h.status === "PENDING").length} pending, ${heads.filter((h) => h.status === "NOT_RATED").length} not rated (short tenure)`);
    }
    // ARCHITECTURE §10: one array, one object per unit.
    const rows = snapshots.flatMap((s) =>
      s.units.map((u) => ({
        unitId: u.unitId,
        tier: u.tier,
        period: s.period,
        methodology: s.methodology,
        indicators: u.indicators,
        groups: u.groups ?? {},
        total: u.total,
        complete: u.complete,
        band: u.band,
        rank: u.rank,
      })),
    );
    if (values.format === "json") console.log(JSON.stringify(rows, null, 2));
    else if (values.format === "csv") {
      console.log("tier,rank,unitId,p1_numerator,p1_denominator,p1_points,total");
      for (const r of rows) console.log([r.tier, r.rank ?? "", r.unitId, r.indicators["P1"]?.numerator, r.indicators["P1"]?.denominator, r.indicators["P1"]?.points ?? "", r.total ?? ""].join(","));
    } else {
      for (const s of snapshots) {
        console.log(`\n${s.tier} — ${s.period} (${s.methodology})`);
        console.table(
          s.units.map((u) => ({
            rank: u.rank ?? "–",
            unit: u.nameVi,
            P1: u.indicators["P1"]?.ratio === null ? "no data" : `${((u.indicators["P1"]?.ratio ?? 0) * 100).toFixed(1)}%`,
            total: u.total ?? "–",
            band: u.band ?? "–",
            complete: u.complete ? "yes" : "no",
          })),
        );
      }
    }
    await rt.stop();
    break;
  }
  case "report": {
    const { values } = parseArgs({
      args: rest,
      options: { period: { type: "string" }, tier: { type: "string" }, unit: { type: "string" }, format: { type: "string", default: "pdf" }, out: { type: "string" }, lang: { type: "string", default: "vi" } },
    });
    const usage = "usage: npm run scorecard -- report --period 2025-H2 [--unit <unitId>] [--format pdf|xlsx] [--lang vi|en] --out report.pdf\n       npm run scorecard -- report --period 2024-H1 --tier DEPARTMENT --out ranking.pdf   (the public ranking's page)";
    if (!values.period || !values.out) fail(usage);
    if (values.format !== "pdf" && values.format !== "xlsx") fail(`--format: pdf or xlsx\n${usage}`);
    if (values.lang !== "vi" && values.lang !== "en") fail(`--lang: vi or en\n${usage}`);
    const lang = values.lang;
    const period = parsePeriod(values.period);
    if (values.tier !== undefined && !(RANKED_TIERS as readonly string[]).includes(values.tier)) fail(`--tier: one of ${RANKED_TIERS.join(", ")}`);
    if (values.tier === undefined && period.kind !== "HALF" && period.kind !== "YEAR") fail(`--period: reports are made per half-year or year (2025-H2, 2025); ${period.id} is neither`);
    if (values.unit !== undefined && !new UnitCatalog().get(values.unit)) fail(`--unit: ${values.unit} is not in the unit catalog`);
    const rt = await openRuntime();
    if (values.format === "xlsx") {
      if (values.tier !== undefined) fail("--format xlsx: the report document only (leave out --tier)");
      try {
        const doc = await buildReport({ ...rt.admin, reportActions: rt.admin.stores.correctiveActions, reportNarratives: rt.admin.stores.reportSubmissions })(period.id, values.unit ?? null);
        const name = values.unit ? (lang === "en" ? doc.units[0]?.nameEn : doc.units[0]?.nameVi) : undefined;
        writeFileSync(resolve(values.out), await reportWorkbook(doc, lang, name));
        console.log(`wrote ${resolve(values.out)} (${period.id}${values.unit ? `, ${values.unit}` : ", province"}, ${lang})`);
      } catch (e) {
        await rt.stop();
        if (e instanceof AdminError) fail(e.message);
        throw e;
      }
      await rt.stop();
      break;
    }
    const server = createLocalServer(rt, { dashboardDir: process.env["SCORECARD_DASHBOARD_DIST"] ?? join(repoRoot, "dashboard", "dist") });
    const port = await listen(server, 0);
    const { launchBrowser } = await import("../../../e2e/support/browser.js");
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      if (values.tier === undefined) {
        try {
          await printReportPdf(page, `http://127.0.0.1:${port}`, { period: period.id, unitId: values.unit, lang, out: resolve(values.out) });
        } catch (e) {
          fail(e instanceof Error ? e.message : String(e));
        }
        console.log(`wrote ${resolve(values.out)} (${period.id}${values.unit ? `, ${values.unit}` : ", province"}, ${lang})`);
      } else {
        const url = `http://127.0.0.1:${port}/#/report?period=${period.id}&tier=${values.tier}${lang === "en" ? "&lang=en" : ""}`;
        await page.goto(url);
        await page.waitForFunction(() => document.body.dataset["state"] === "ready" || document.body.dataset["state"] === "error", undefined, { timeout: 30_000 });
        if ((await page.evaluate(() => document.body.dataset["state"])) !== "ready") fail(`the report page could not load ${period.id} / ${values.tier}: is the period scored?`);
        await page.pdf({ path: resolve(values.out), format: "A4", printBackground: true, margin: { top: "12mm", bottom: "14mm", left: "12mm", right: "12mm" } });
        console.log(`wrote ${resolve(values.out)} (${period.id}, ${values.tier})`);
      }
    } finally {
      await browser.close();
      await new Promise((ok) => server.close(() => ok(undefined)));
      await rt.stop();
    }
    break;
  }
  case "token": {
    const { values } = parseArgs({ args: rest, options: { role: { type: "string" }, unit: { type: "string" } } });
    // Only the keys: no database, so it also works while `npm start` runs.
    const creds = await localCredentials(dataDir);
    if (values.role === "source-system") console.log(creds.sourceToken);
    else {
      const user = DEMO_USERS.find((u) => u.role === values.role && (values.unit === undefined || u.unitId === values.unit));
      const custom = values.role === "unit-officer" && values.unit && !user ? { id: `officer-${values.unit}`, name: `Cán bộ ${values.unit} (demo)`, role: "unit-officer" as const, unitId: values.unit } : undefined;
      if (!user && !custom) fail("--role: chairman | home-affairs | unit-officer [--unit <unitId>] | source-system");
      if (custom && !new UnitCatalog().get(custom.unitId)) fail(`--unit: ${custom.unitId} is not in the unit catalog`);
      console.log(await creds.identity.issue((user ?? custom)!));
    }
    break;
  }
  default:
    fail(USAGE);
}
