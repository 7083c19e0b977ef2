import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { App } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import { siteConfigSchema } from "@scorecard/shared/contracts/site-config";
import { addStages } from "./app-stages.js";
import { SITE_CONFIG_PATH } from "./constructs/dashboard-site.js";
import { IAM_ENTRIES, type TemplateLike, bundleProblems, canonical, iamProblems } from "./iam-check.js";
import { addRulePacks } from "./rule-packs.js";
import { STAGES, type StageConfig, type StageName, stageConfig, withContext } from "./stage-config.js";

/**
 * The deploy rehearsal (`npm run deploy:check`, issue 22 item 7): synthesizes every stage as
 * `cdk deploy` would with the operator's context, then walks the templates for what a first deploy
 * has broken before — and prints a checklist. Each check is a pure function of the synthesized
 * output, so a test can plant a defect in a template and see its line turn ✗.
 */

export type Resources = Record<string, { Type: string; Properties?: Record<string, any>; DependsOn?: unknown }>;
export interface TemplateJson {
  readonly Resources: Resources;
  readonly Parameters?: Record<string, unknown>;
}

/** The parts of cdk's `validation-report.json` the checklist reads. */
export interface ValidationReport {
  readonly pluginReports: ReadonlyArray<{
    readonly pluginName: string;
    readonly violations: ReadonlyArray<{ readonly ruleName: string; readonly violatingConstructs?: ReadonlyArray<{ readonly constructPath: string }> }>;
  }>;
}

/** One stage as synthesized: its main template, the config.json its BucketDeployment copies (text with deploy-time markers) and its configuration. */
export interface SynthesizedStage {
  readonly stage: StageName;
  readonly config: StageConfig;
  readonly template: TemplateJson;
  readonly siteConfig: { readonly text: string; readonly markers: Readonly<Record<string, unknown>> } | undefined;
}

export interface CheckItem {
  readonly stage: StageName | "all";
  readonly title: string;
  /** ✓ ok; ⚠ a warning (the deploy works, something will not); ✗ blocks the deploy. */
  readonly status: "ok" | "warn" | "fail";
  readonly details: readonly string[];
  /** How to fix it, when not ok. */
  readonly fix?: string;
}

const item = (stage: CheckItem["stage"], title: string, problems: readonly string[], fix: string, severity: "warn" | "fail" = "fail"): CheckItem =>
  problems.length === 0 ? { stage, title, status: "ok", details: [] } : { stage, title, status: severity, details: problems, fix };

const asTemplate = (t: TemplateJson): TemplateLike => ({
  findResources: (type: string) => Object.fromEntries(Object.entries(t.Resources).filter(([, r]) => r.Type === type)) as Record<string, Record<string, any>>,
});

const byType = (t: TemplateJson, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);

// ——— the checks ———

/** The managed CachingDisabled policy's id. */
const CACHING_DISABLED = cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId;
const ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/** CloudFront passes every method on `/v1/*` to the API, caching nothing (the admin routes POST and PUT through the site). */
export function checkApiMethods(s: SynthesizedStage): CheckItem {
  const problems: string[] = [];
  const distributions = byType(s.template, "AWS::CloudFront::Distribution");
  if (distributions.length !== 1) problems.push(`expected one CloudFront distribution, found ${distributions.length}`);
  const behaviours = (distributions[0]?.[1].Properties?.["DistributionConfig"]?.["CacheBehaviors"] ?? []) as Record<string, unknown>[];
  const api = behaviours.find((b) => b["PathPattern"] === "/v1/*");
  if (!api) problems.push("no /v1/* behaviour: the API is not reachable through the site");
  else {
    const methods = [...((api["AllowedMethods"] as string[] | undefined) ?? ["GET", "HEAD"])].sort();
    const lacking = ALL_METHODS.filter((m) => !methods.includes(m));
    if (lacking.length) problems.push(`/v1/* does not pass ${lacking.join(", ")} (CloudFront answers 403)`);
    if (api["CachePolicyId"] !== CACHING_DISABLED) problems.push("/v1/* is cached (it must use CachingDisabled: an authorised answer is never served to another reader)");
  }
  return item(s.stage, "CloudFront passes every method on /v1/*, uncached", problems, "infra/lib/constructs/dashboard-site.ts: the /v1/* behaviour (AllowedMethods.ALLOW_ALL, CachePolicy.CACHING_DISABLED)");
}

/** Each function's role allows every row of the IAM table, nothing beyond it, and carries its denies. */
export function checkIamTable(s: SynthesizedStage): CheckItem {
  const t = asTemplate(s.template);
  const problems = IAM_ENTRIES.flatMap(([name, f]) => {
    try {
      return iamProblems(t, s.stage, f).map((p) => `${name}: ${p}`);
    } catch (e) {
      return [`${name}: ${(e as Error).message}`];
    }
  });
  return item(s.stage, "IAM: each role grants its table rows and nothing beyond (lib/iam-table.ts)", problems, "Change the grant (bindTable, bindLake, AnalyticsCatalog.grant*) or the row in infra/lib/iam-table.ts, whichever is wrong");
}

/** The IAM table names exactly the SDK commands each handler's bundle can send (esbuild, the AWS SDK external). */
export async function checkIamBundles(): Promise<CheckItem> {
  const problems = (await Promise.all(IAM_ENTRIES.map(async ([name, f]) => (await bundleProblems(f)).map((p) => `${name}: ${p}`)))).flat();
  return item("all", "IAM: the table names every SDK command the bundles can send", problems, "Add or remove the command's row in infra/lib/iam-table.ts (and grant it)");
}

/** What an environment variable named like this must point at. */
const RESOURCE_VARS: readonly { readonly name: RegExp; readonly types: readonly string[]; readonly by?: "name" }[] = [
  { name: /TABLE/, types: ["AWS::DynamoDB::GlobalTable", "AWS::DynamoDB::Table"] },
  { name: /BUCKET/, types: ["AWS::S3::Bucket"] },
  { name: /SECRET/, types: ["AWS::SecretsManager::Secret"] },
  { name: /QUEUE/, types: ["AWS::SQS::Queue"] },
  { name: /TOPIC/, types: ["AWS::SNS::Topic"] },
  { name: /STATE_MACHINE/, types: ["AWS::StepFunctions::StateMachine"] },
  { name: /WORKGROUP/, types: ["AWS::Athena::WorkGroup"], by: "name" },
  { name: /DATABASE/, types: ["AWS::Glue::Database"], by: "name" },
];

/** Logical ids a CloudFormation value refers to (Ref, Fn::GetAtt, ${X} in Fn::Sub), pseudo parameters left out. */
export function references(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "Ref" && typeof v === "string") out.add(v);
      else if (k === "Fn::GetAtt") out.add(Array.isArray(v) ? String(v[0]) : String(v).split(".")[0]!);
      else if (k === "Fn::Sub") for (const m of JSON.stringify(v).matchAll(/\$\{([A-Za-z0-9:]+)[.}]/g)) out.add(m[1]!);
      else references(v, out);
    }
  }
  for (const r of out) if (r.startsWith("AWS::")) out.delete(r);
  return out;
}

/** A resource's name as a literal environment value would name it (Athena workgroup, Glue database). */
function nameOf(r: Resources[string]): unknown {
  return r.Properties?.["Name"] ?? r.Properties?.["DatabaseInput"]?.["Name"];
}

/**
 * Every Lambda environment variable that names a resource (…TABLE…, …BUCKET…, …SECRET…, a queue,
 * topic, state machine, Athena workgroup or Glue database) resolves to a resource of that kind in
 * the template — by reference, or for the workgroup and database by the literal name a resource of
 * the template carries — and every reference in any variable is to a resource or parameter that
 * exists. Plus: each variable the handler's bundle requires (`env("X")`) is set.
 */
export function checkEnvironment(s: SynthesizedStage, required: Readonly<Record<string, readonly string[]>> = {}): CheckItem {
  const problems: string[] = [];
  const known = new Set([...Object.keys(s.template.Resources), ...Object.keys(s.template.Parameters ?? {})]);
  for (const [id, fn] of byType(s.template, "AWS::Lambda::Function")) {
    const vars = (fn.Properties?.["Environment"]?.["Variables"] ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(vars)) {
      for (const ref of references(value)) if (!known.has(ref)) problems.push(`${id} ${name}: refers to ${ref}, which is not in the template`);
      const rule = RESOURCE_VARS.find((r) => r.name.test(name));
      if (!rule) continue;
      const refs = [...references(value)].filter((r) => r in s.template.Resources);
      if (typeof value === "string") {
        const match = rule.by === "name" && Object.values(s.template.Resources).some((r) => rule.types.includes(r.Type) && nameOf(r) === value);
        if (!match) problems.push(`${id} ${name}: "${value}" is a literal, not a ${rule.types.join(" / ")} of this template`);
      } else if (refs.length === 0 && references(value).size > 0) {
        // Refers only to what is not in the template: reported above.
      } else if (!refs.some((r) => rule.types.includes(s.template.Resources[r]!.Type))) {
        problems.push(`${id} ${name}: refers to ${refs.map((r) => `${r} (${s.template.Resources[r]!.Type})`).join(", ") || "nothing"}, not a ${rule.types.join(" / ")}`);
      }
    }
    const prefix = Object.keys(required).find((p) => id.startsWith(p));
    for (const name of prefix ? required[prefix]! : []) if (!(name in vars)) problems.push(`${id}: its handler requires ${name}, which is not set`);
  }
  return item(s.stage, "Lambda environment variables name resources of this template", problems, "Set the variable with the construct's bind* helper (bindTable, bindLake …) rather than a literal");
}

/** A plausible value of what a deploy-time marker of config.json stands for (to hold the file to the dashboard's contract). */
function plausible(template: TemplateJson, value: unknown): string {
  const [ref] = [...references(value)];
  const type = ref ? template.Resources[ref]?.Type : undefined;
  if (type === "AWS::Cognito::UserPool") return "ap-southeast-1_AbCdEf123";
  if (type === "AWS::Cognito::UserPoolClient") return "4d2h8a0example0client0id";
  if (type === "AWS::Cognito::UserPoolDomain") return "scorecard-example";
  return "example";
}

/**
 * The site's `/config.json`: deployed by a BucketDeployment, served by a never-cached behaviour,
 * valid against the dashboard's contract once CloudFormation fills it in, its issuer and client the
 * ones the read API's JWT authorizer accepts.
 */
export function checkSiteConfig(s: SynthesizedStage): CheckItem {
  const problems: string[] = [];
  if (byType(s.template, "Custom::CDKBucketDeployment").length !== 1) problems.push("no BucketDeployment writes config.json");
  const behaviours = (byType(s.template, "AWS::CloudFront::Distribution")[0]?.[1].Properties?.["DistributionConfig"]?.["CacheBehaviors"] ?? []) as Record<string, unknown>[];
  const own = behaviours.find((b) => b["PathPattern"] === SITE_CONFIG_PATH);
  if (!own) problems.push(`no ${SITE_CONFIG_PATH} behaviour: it would be cached as a static file for a day`);
  else if (own["CachePolicyId"] !== CACHING_DISABLED) problems.push(`${SITE_CONFIG_PATH} is cached (a deploy's new settings would not reach browsers)`);
  if (!s.siteConfig) problems.push("config.json not found in the BucketDeployment's asset");
  else {
    let canonicalText = s.siteConfig.text;
    let plausibleText = s.siteConfig.text;
    for (const [marker, value] of Object.entries(s.siteConfig.markers)) {
      canonicalText = canonicalText.split(marker).join(canonical(value));
      plausibleText = plausibleText.split(marker).join(plausible(s.template, value));
    }
    const parsed = siteConfigSchema.safeParse(JSON.parse(plausibleText));
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`config.json ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    const deployed = JSON.parse(canonicalText) as { auth?: { issuer?: string; clientId?: string } };
    const jwt = byType(s.template, "AWS::ApiGatewayV2::Authorizer")
      .map(([, a]) => a.Properties?.["JwtConfiguration"] as { Issuer?: unknown; Audience?: unknown[] } | undefined)
      .filter((j) => j !== undefined);
    const accepted = jwt.some((j) => canonical(j!.Issuer) === deployed.auth?.issuer && (j!.Audience ?? []).some((a) => canonical(a) === deployed.auth?.clientId));
    if (!accepted) problems.push(`no JWT authorizer accepts config.json's issuer ${deployed.auth?.issuer} and client ${deployed.auth?.clientId}: the dashboard's tokens would get 401`);
  }
  return item(s.stage, "config.json deployed, uncached, valid, and its tokens accepted by the API", problems, "infra/lib/constructs/dashboard-site.ts (siteConfig, the /config.json behaviour) and Identity.dashboardSignIn()");
}

/** Every alarm notifies a topic, and the topic has at least one subscriber (else a warning: alarms reach nobody). */
export function checkAlarms(s: SynthesizedStage): CheckItem {
  const problems: string[] = [];
  const topics = new Set(byType(s.template, "AWS::SNS::Topic").map(([id]) => id));
  const alarms = byType(s.template, "AWS::CloudWatch::Alarm");
  for (const [id, a] of alarms) {
    const targets = [...references(a.Properties?.["AlarmActions"] ?? [])].filter((r) => topics.has(r));
    if (targets.length === 0) problems.push(`${id} (${String(a.Properties?.["AlarmDescription"] ?? "")}) notifies no topic`);
  }
  const subscribed = new Set(byType(s.template, "AWS::SNS::Subscription").flatMap(([, sub]) => [...references(sub.Properties?.["TopicArn"])]));
  const silent = [...topics].filter((t) => !subscribed.has(t));
  if (problems.length) return item(s.stage, `Alarms (${alarms.length}) notify a topic with a recipient`, problems, "Give the alarm an SnsAction on Observability's topic");
  return item(
    s.stage,
    `Alarms (${alarms.length}) notify a topic with a recipient`,
    silent.length ? [`no recipient on ${silent.join(", ")}: the alarms notify nobody`] : [],
    `deploy with -c alarmEmails=ops@example.org[,…] (each address confirms its subscription by e-mail)`,
    "warn",
  );
}

/** Source systems may post: the ingest function's SOURCE_SCOPES names at least one (else every source gets 403 SOURCE_NOT_CONFIGURED). */
export function checkSourceScopes(s: SynthesizedStage): CheckItem {
  const ingest = byType(s.template, "AWS::Lambda::Function").find(([id]) => id.startsWith("IngestApiHandler"));
  const value = ingest?.[1].Properties?.["Environment"]?.["Variables"]?.["SOURCE_SCOPES"];
  const problems =
    value === undefined
      ? ["the ingest function has no SOURCE_SCOPES: every source is refused (403 SOURCE_NOT_CONFIGURED)"]
      : value === "{}"
        ? ["SOURCE_SCOPES is empty: every source is refused (403 SOURCE_NOT_CONFIGURED)"]
        : [];
  return item(s.stage, "Source scopes configured (what each source system may post)", problems, "deploy with -c sourceScopesFile=scopes.json or -c sourceScopes='{…}' (infra/README.md)", "warn");
}

/** No open cdk-nag (AwsSolutions, Serverless) or CloudFormation-rule finding: each is fixed or acknowledged with a reason. */
export function checkRuleFindings(report: ValidationReport): CheckItem {
  const problems = report.pluginReports.flatMap((p) =>
    p.violations.map((v) => `${p.pluginName}: ${v.ruleName} on ${(v.violatingConstructs ?? []).map((c) => c.constructPath).join(", ")}`),
  );
  return item("all", "No open cdk-nag findings", problems, "Fix the resource, or acknowledge the rule where it is made (Validations.of(x).acknowledge) with a reason");
}

/** The variables each handler's bundle requires with `env("X")` (lambda-deps.ts, athena clients): by the function's logical-id prefix. */
export async function requiredEnvironment(): Promise<Record<string, string[]>> {
  const { build } = await import("esbuild");
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const out: Record<string, string[]> = {};
  for (const [, f] of IAM_ENTRIES) {
    const r = await build({ entryPoints: [path.join(repo, f.entry)], bundle: true, write: false, format: "esm", platform: "node", target: "node24", mainFields: ["module", "main"], external: ["@aws-sdk/*"], logLevel: "silent" });
    const text = r.outputFiles[0]!.text;
    out[f.role.replace(/Role$/, "")] = [...new Set([...text.matchAll(/\benv\d*\("([A-Z][A-Z0-9_]*)"\)/g)].map((m) => m[1]!))].sort();
  }
  return out;
}

/** Every check of every stage, in the order they are printed. */
export async function deployChecks(stages: readonly SynthesizedStage[], report: ValidationReport, options: { bundles?: boolean } = {}): Promise<CheckItem[]> {
  const bundles = options.bundles ?? true;
  const required = bundles ? await requiredEnvironment() : {};
  const items: CheckItem[] = [];
  for (const s of stages) {
    items.push(checkApiMethods(s), checkIamTable(s), checkEnvironment(s, required), checkSiteConfig(s), checkAlarms(s), checkSourceScopes(s));
  }
  if (bundles) items.push(await checkIamBundles());
  items.push(checkRuleFindings(report));
  return items;
}

const MARK = { ok: "✓", warn: "⚠", fail: "✗" } as const;

/** The checklist as printed; `blocking`: any ✗ (or, with `strict`, any ⚠). */
export function formatChecklist(items: readonly CheckItem[], strict = false): { text: string; blocking: boolean } {
  const lines: string[] = [];
  for (const i of items) {
    lines.push(`${MARK[i.status]} [${i.stage}] ${i.title}`);
    for (const d of i.details.slice(0, 12)) lines.push(`    ${d}`);
    if (i.details.length > 12) lines.push(`    … and ${i.details.length - 12} more`);
    if (i.fix && i.status !== "ok") lines.push(`    fix: ${i.fix}`);
  }
  const fails = items.filter((i) => i.status === "fail").length;
  const warns = items.filter((i) => i.status === "warn").length;
  const blocking = fails > 0 || (strict && warns > 0);
  lines.push("", `${items.length - fails - warns} ok, ${warns} warning(s), ${fails} blocking — ${blocking ? "NOT ready to deploy" : "ready to deploy"}${!blocking && warns ? " (the warnings say what will not work yet)" : ""}`);
  return { text: lines.join("\n"), blocking };
}

// ——— synthesis ———

/** The config.json a stack's BucketDeployment copies, read from the assembly's asset folder. */
function siteConfigOf(dir: string, template: TemplateJson): SynthesizedStage["siteConfig"] {
  const deployment = byType(template, "Custom::CDKBucketDeployment")[0]?.[1];
  if (!deployment) return undefined;
  const p = deployment.Properties as { SourceObjectKeys: string[]; SourceMarkers?: Record<string, unknown>[] };
  const hash = p.SourceObjectKeys[0]!.replace(/\.zip$/, "");
  try {
    return { text: readFileSync(path.join(dir, `asset.${hash}`, SITE_CONFIG_PATH.slice(1)), "utf8"), markers: p.SourceMarkers?.[0] ?? {} };
  } catch {
    return undefined;
  }
}

/**
 * Synthesizes the stages as `cdk synth` does (rule packs on, the operator's context) into a
 * temporary folder, without bundling the functions (the checks scan the bundles with esbuild
 * themselves), and returns the templates, the config.json assets and the validation report.
 */
export function synthesizeStages(context: Readonly<Record<string, unknown>>, stages: readonly StageName[] = STAGES): { stages: SynthesizedStage[]; report: ValidationReport } {
  const outdir = mkdtempSync(path.join(tmpdir(), "scorecard-deploy-check-"));
  try {
    const app = new App({ outdir, context: { "@aws-cdk/core:validateAgainstDefaultRules": true, ...context, "aws:cdk:bundling-stacks": [] } });
    addRulePacks(app);
    addStages(app, stages, process.env["CDK_DEFAULT_ACCOUNT"]);
    const exitCode = process.exitCode;
    let assembly: ReturnType<App["synth"]> | undefined;
    try {
      assembly = app.synth();
    } catch (e) {
      if (!(e instanceof Error && e.name === "ValidationFailed")) throw e;
    } finally {
      process.exitCode = exitCode;
    }
    const report = JSON.parse(readFileSync(path.join(outdir, "validation-report.json"), "utf8")) as ValidationReport;
    const synthesized = stages.map((stage): SynthesizedStage => {
      const config = withContext(stageConfig(stage), (k) => app.node.tryGetContext(k));
      // A failed validation leaves no assembly, but the templates are written: the other checks still run.
      const template = assembly
        ? (assembly.getStackByName(`Scorecard-${stage}`).template as TemplateJson)
        : (JSON.parse(readFileSync(path.join(outdir, `Scorecard-${stage}.template.json`), "utf8")) as TemplateJson);
      return { stage, config, template, siteConfig: siteConfigOf(outdir, template) };
    });
    return { stages: synthesized, report };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
