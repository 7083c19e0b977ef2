import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { addRulePacks } from "../../lib/rule-packs.js";
import { addStages } from "../../lib/app-stages.js";
import type { StageName } from "../../lib/stage-config.js";

/** The parts of `validation-report.json` the tests read. */
export interface ValidationReport {
  readonly pluginReports: ReadonlyArray<{
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: ReadonlyArray<{ readonly ruleName: string; readonly violatingConstructs?: ReadonlyArray<{ readonly constructPath: string }> }>;
    readonly suppressedViolations?: ReadonlyArray<{
      readonly ruleName: string;
      readonly acknowledgedId: string;
      readonly reason: string;
      readonly acknowledgedAt: string;
      readonly violatingConstructs: ReadonlyArray<{ readonly constructPath: string }>;
    }>;
  }>;
}

type TemplateJson = { Resources: Record<string, { Type: string; Properties?: unknown; DependsOn?: unknown }> };

export interface Synthesized {
  readonly templates: Readonly<Record<StageName, Template>>;
  readonly json: Readonly<Record<StageName, TemplateJson>>;
  /** The us-east-1 stacks (CloudFront's web ACL), by stage. */
  readonly edge: Readonly<Record<StageName, Template>>;
  /** The `/config.json` each stage deploys: the asset's text (with deploy-time markers) and the values the markers stand for. */
  readonly siteConfig: Readonly<Record<StageName, SiteConfigAsset>>;
  readonly report: ValidationReport;
}

export interface SiteConfigAsset {
  readonly text: string;
  readonly markers: Readonly<Record<string, unknown>>;
}

/** The config.json a stack's BucketDeployment copies: read from the assembly's asset folder. */
function siteConfigOf(dir: string, template: TemplateJson): SiteConfigAsset {
  const deployments = Object.values(template.Resources).filter((r) => r.Type === "Custom::CDKBucketDeployment");
  if (deployments.length !== 1) throw new Error(`expected one BucketDeployment, found ${deployments.length}`);
  const p = deployments[0]!.Properties as { SourceObjectKeys: string[]; SourceMarkers: Record<string, unknown>[] };
  const hash = p.SourceObjectKeys[0]!.replace(/\.zip$/, "");
  return { text: readFileSync(path.join(dir, `asset.${hash}`, "config.json"), "utf8"), markers: p.SourceMarkers[0] ?? {} };
}

/** An app as `cdk synth` builds it (same context as cdk.json), without esbuild bundling. */
export function testApp(): App {
  return new App({
    outdir: mkdtempSync(path.join(tmpdir(), "scorecard-cdk-")),
    context: { "aws:cdk:bundling-stacks": [], "@aws-cdk/core:validateAgainstDefaultRules": true },
  });
}

/**
 * Runs `app.synth()` and returns the validation report. A failed validation throws
 * `ValidationFailed` (and sets process.exitCode); the report is still written, so it is read and
 * returned with no assembly, and process.exitCode is restored.
 */
export function synthWithReport(app: App): { assembly: ReturnType<App["synth"]> | undefined; report: ValidationReport } {
  const exitCode = process.exitCode;
  let assembly: ReturnType<App["synth"]> | undefined;
  try {
    assembly = app.synth();
  } catch (e) {
    if (!(e instanceof Error && e.name === "ValidationFailed")) throw e;
  } finally {
    process.exitCode = exitCode;
  }
  const report = JSON.parse(readFileSync(path.join(app.outdir, "validation-report.json"), "utf8")) as ValidationReport;
  return { assembly, report };
}

const INFRA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const REPO = path.resolve(INFRA, "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/**
 * What the synthesized output depends on: the infra sources, this file, the shared domain infra
 * imports (the lake layout, the methodology registry), the library versions and which handler
 * entry files exist. Test files (one worker each) share one synthesis through
 * a cache directory keyed by this hash, so `npx vitest run --project infra` synthesizes once.
 */
function cacheKey(): string {
  const h = createHash("sha256");
  for (const f of [...filesUnder(path.join(INFRA, "lib")), ...filesUnder(path.join(INFRA, "test/support")), ...filesUnder(path.join(REPO, "shared/src"))]) {
    h.update(path.relative(REPO, f)).update(readFileSync(f));
  }
  for (const pkg of ["aws-cdk-lib", "cdk-nag", "constructs"]) {
    h.update(pkg).update(readFileSync(path.join(REPO, "node_modules", pkg, "package.json")));
  }
  h.update(readdirSync(path.join(REPO, "functions/src/handlers")).sort().join(","));
  return h.digest("hex").slice(0, 20);
}

/** Both stages with the rule packs on, synthesized in memory (no cache), as bin/app.ts builds them. */
export function synthesizeFresh(): Synthesized {
  const app = testApp();
  addRulePacks(app);
  addStages(app, ["dev", "prod"], undefined);
  const { assembly, report } = synthWithReport(app);
  if (!assembly) throw new Error(`synthesis failed validation: ${JSON.stringify(report.pluginReports.flatMap((p) => p.violations.map((v) => v.ruleName)))}`);
  const json = {
    dev: assembly.getStackByName("Scorecard-dev").template as TemplateJson,
    prod: assembly.getStackByName("Scorecard-prod").template as TemplateJson,
    edgeDev: assembly.getStackByName("ScorecardEdge-dev").template as TemplateJson,
    edgeProd: assembly.getStackByName("ScorecardEdge-prod").template as TemplateJson,
  };
  const siteConfig = { dev: siteConfigOf(assembly.directory, json.dev), prod: siteConfigOf(assembly.directory, json.prod) };
  rmSync(assembly.directory, { recursive: true, force: true });
  return fromJson({ json, siteConfig, report });
}

type Stored = { json: Record<"dev" | "prod" | "edgeDev" | "edgeProd", TemplateJson>; siteConfig: Record<StageName, SiteConfigAsset>; report: ValidationReport };

function fromJson({ json, siteConfig, report }: Stored): Synthesized {
  return {
    templates: { dev: Template.fromJSON(json.dev), prod: Template.fromJSON(json.prod) },
    edge: { dev: Template.fromJSON(json.edgeDev), prod: Template.fromJSON(json.edgeProd) },
    json: { dev: json.dev, prod: json.prod },
    siteConfig,
    report,
  };
}

let cached: Synthesized | undefined;

function load(file: string): Synthesized {
  return fromJson(JSON.parse(readFileSync(file, "utf8")) as Stored);
}

/** Waits (synchronously) up to `ms` for a file another worker is writing. */
function waitFor(file: string, ms: number): boolean {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (existsSync(file)) return true;
    Atomics.wait(sleeper, 0, 0, 100);
  }
  return existsSync(file);
}

/**
 * Both stages, synthesized once for all test files: the first worker takes a lock and writes
 * the result to a cache keyed by content hash; the others wait for it.
 */
export function synthesized(): Synthesized {
  if (cached) return cached;
  const dir = path.join(tmpdir(), "scorecard-infra-synth", cacheKey());
  const file = path.join(dir, "synth.json");
  mkdirSync(dir, { recursive: true });
  if (existsSync(file)) return (cached = load(file));
  let lock: number | undefined;
  try {
    lock = openSync(path.join(dir, "lock"), "wx");
  } catch {
    if (waitFor(file, 120_000)) return (cached = load(file));
  }
  cached = synthesizeFresh();
  const tmp = `${file}.${process.pid}.tmp`;
  const stored: Stored = {
    json: { dev: cached.json.dev, prod: cached.json.prod, edgeDev: cached.edge.dev.toJSON() as TemplateJson, edgeProd: cached.edge.prod.toJSON() as TemplateJson },
    siteConfig: cached.siteConfig,
    report: cached.report,
  };
  writeFileSync(tmp, JSON.stringify(stored));
  renameSync(tmp, file);
  if (lock !== undefined) closeSync(lock);
  return cached;
}
