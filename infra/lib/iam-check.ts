import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { COMMAND_ACTIONS, type FunctionIam, IAM_TABLE, RUNTIME_GRANTS, type ResourceRef } from "./iam-table.js";

/**
 * IAM from code, checked (docs/adr/0102): the table (`iam-table.ts`) against the bundles (the SDK
 * commands each handler entry can send) and against a synthesized template (each role allows every
 * row, nothing beyond, and carries the table's denies). Used by `infra/test/iam-from-code.test.ts`
 * and by `npm run deploy:check` (infra/bin/deploy-check.ts): one implementation, two callers.
 */

/** What these checks read of a template: `Template` (aws-cdk-lib/assertions) is one. */
export interface TemplateLike {
  findResources(type: string): Record<string, Record<string, any>>;
}

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Logical id of the single resource of a type whose id starts with `prefix` (a construct path, flattened). */
export function logicalId(template: TemplateLike, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, found ${ids.join(", ") || "none"}`);
  return ids[0]!;
}


/**
 * IAM statements of a synthesized template in a canonical text form, and the question "does this
 * role's policy allow (or deny) this action on this resource?" — answered from the template alone,
 * independently of how the constructs built their grants.
 *
 * Canonical form of a CloudFormation value: `{"Ref": X}` → `${X}`, `{"Fn::GetAtt": [X, "Arn"]}` →
 * `${X.Arn}`, `Fn::Join` joined, the pseudo parameters as `${AWS::Partition}` etc. (the partition
 * is written `aws` by the resolver below so that literal ARNs and built ones compare equal).
 */
export function canonical(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v["Ref"] === "string") return v["Ref"] === "AWS::Partition" ? "aws" : `\${${v["Ref"]}}`;
    const getAtt = v["Fn::GetAtt"];
    if (Array.isArray(getAtt)) return `\${${getAtt.join(".")}}`;
    const join = v["Fn::Join"];
    if (Array.isArray(join)) return (join[1] as unknown[]).map(canonical).join(join[0] as string);
  }
  return JSON.stringify(value);
}

/** One (effect, action, resource, condition) of a policy: a statement is the product of its lists. */
export interface Atom {
  readonly effect: "Allow" | "Deny";
  readonly action: string;
  readonly resource: string;
  /** `operator key value`, one value per atom (a condition with n values is n atoms), or undefined. */
  readonly condition?: string;
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };

const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** Every atom of the inline policies attached to the role whose logical id starts with `rolePrefix`. */
export function atomsOfRole(template: TemplateLike, rolePrefix: string): Atom[] {
  const roleId = logicalId(template, "AWS::IAM::Role", rolePrefix);
  const statements = Object.values(template.findResources("AWS::IAM::Policy"))
    .filter((p) => JSON.stringify(p["Properties"]["Roles"]).includes(`"${roleId}"`))
    .flatMap((p) => (p["Properties"]["PolicyDocument"] as { Statement: Statement[] }).Statement);
  return statements.flatMap(atomsOf);
}

export function atomsOf(s: Statement): Atom[] {
  const conditions: (string | undefined)[] = s.Condition
    ? Object.entries(s.Condition).flatMap(([op, keys]) => Object.entries(keys).flatMap(([key, values]) => list(values).map((value) => `${op} ${key} ${canonical(value)}`)))
    : [undefined];
  if (s.Condition && Object.values(s.Condition).flatMap((k) => Object.keys(k)).length > 1) throw new Error(`statement with several condition keys: ${JSON.stringify(s.Condition)}`);
  return list(s.Action).flatMap((action) =>
    list(s.Resource).flatMap((r) => conditions.map((condition) => ({ effect: s.Effect as Atom["effect"], action, resource: canonical(r), ...(condition ? { condition } : {}) }))),
  );
}

/** IAM wildcard match (`*` any run of characters, `?` one character) of a pattern over a value. */
export function globMatches(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return re.test(value);
}

/**
 * Whether `granted` covers `needed`: same effect, the action and resource patterns of `granted`
 * match those of `needed` (a `*` in `needed` is matched as a character, so `raw/*` covers `raw/*`),
 * and the condition is absent from `granted` or equal to that of `needed` (a conditioned grant
 * never covers an unconditioned need: the request may not carry the key).
 */
export function covers(granted: Atom, needed: Atom): boolean {
  return (
    granted.effect === needed.effect &&
    globMatches(granted.action, needed.action) &&
    globMatches(granted.resource, needed.resource) &&
    (granted.condition === undefined || granted.condition === needed.condition)
  );
}

/** Logical ids the canonical resource strings refer to, found by construct-path prefix. */
export function resolverFor(template: TemplateLike, opts: { region: string; account: string; stage: string }) {
  const table = logicalId(template, "AWS::DynamoDB::GlobalTable", "EventStoreTable");
  const lake = logicalId(template, "AWS::S3::Bucket", "LakeBucket");
  const secret = logicalId(template, "AWS::SecretsManager::Secret", "SecretsPseudonymKey");
  const glue = (resource: string) => `arn:aws:glue:${opts.region}:${opts.account}:${resource}`;
  return { table, lake, secret, glue, athena: (resource: string) => `arn:aws:athena:${opts.region}:${opts.account}:${resource}`, database: `scorecard_${opts.stage}`, workGroup: `scorecard-${opts.stage}` };
}

/**
 * The SDK commands a handler's bundle can send: esbuild bundles the entry as the CDK does (ESM,
 * tree-shaken, `@aws-sdk/*` external, not minified), then every `new X(` of a binding imported
 * from `@aws-sdk/*` whose name ends in `Command` is one (an import esbuild keeps for its side
 * effects, with no `new`, is not).
 */
export async function commandsOf(entry: string): Promise<string[]> {
  const out = await build({
    entryPoints: [path.join(REPO, entry)],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node24",
    mainFields: ["module", "main"],
    external: ["@aws-sdk/*"],
    logLevel: "silent",
  });
  const text = out.outputFiles[0]!.text;
  const importLine = /^import\s*\{([^}]*)\}\s*from\s*"(@aws-sdk\/[^"]+)";?$/gm;
  const body = text.replace(importLine, "");
  const found = new Set<string>();
  for (const [, names, pkg] of text.matchAll(importLine)) {
    for (const spec of names!.split(",").map((s) => s.trim()).filter(Boolean)) {
      const [name, alias = name] = spec.split(/\s+as\s+/) as [string, string?];
      if (name.endsWith("Command") && new RegExp(`\\bnew\\s+${alias}\\s*\\(`).test(body)) found.add(`${pkg}:${name}`);
    }
  }
  return [...found].sort();
}

export type Stage = "dev" | "prod";

/** The canonical resource string of a table notation in a stage's template (independent of how the constructs wrote the ARN). */
export function resolve(template: TemplateLike, stage: Stage, ref: ResourceRef): string {
  const r = resolverFor(template, { region: "ap-southeast-1", account: "${AWS::AccountId}", stage });
  if (ref === "table") return `\${${r.table}.Arn}`;
  if (ref === "index:gsi1") return `\${${r.table}.Arn}/index/gsi1`;
  if (ref === "bucket") return `\${${r.lake}.Arn}`;
  if (ref.startsWith("lake:")) return `\${${r.lake}.Arn}/${ref.slice("lake:".length)}*`;
  if (ref === "secret:pseudonym") return `\${${r.secret}}`;
  if (ref === "athena:workgroup") return r.athena(`workgroup/${r.workGroup}`);
  if (ref === "glue:catalog") return r.glue("catalog");
  if (ref === "glue:database") return r.glue(`database/${r.database}`);
  if (ref === "glue:database/default") return r.glue("database/default");
  if (ref.startsWith("glue:table/")) return r.glue(`table/${r.database}/${ref.slice("glue:table/".length)}`);
  throw new Error(`unknown resource notation ${ref}`);
}

/** Every atom the table says the role needs (its commands' own actions and the implied ones). */
export function needed(template: TemplateLike, stage: Stage, f: FunctionIam): (Atom & { why: string })[] {
  const atoms: (Atom & { why: string })[] = [];
  for (const [command, use] of Object.entries(f.commands)) {
    if (!("sends" in use)) continue;
    for (const action of COMMAND_ACTIONS[command] ?? []) for (const ref of use.sends) atoms.push({ effect: "Allow", action, resource: resolve(template, stage, ref), why: `${command}: ${use.why}` });
  }
  for (const i of f.implied ?? []) for (const action of i.actions) for (const ref of i.on) atoms.push({ effect: "Allow", action, resource: resolve(template, stage, ref), why: `${i.by} implies: ${i.why}` });
  return atoms;
}

/** The allowed atoms the house construct adds to every role (logs, X-Ray, the job's failure queue). */
export function runtime(template: TemplateLike, f: FunctionIam): Atom[] {
  const base = f.role.replace(/Role$/, "");
  const resourceOf = (on: (typeof RUNTIME_GRANTS)[number]["on"]) => {
    if (on === "*") return "*";
    if (on === "own-log-group") return `\${${logicalId(template, "AWS::Logs::LogGroup", `${base}Logs`)}.Arn}`;
    const queue = Object.keys(template.findResources("AWS::SQS::Queue")).find((id) => id.startsWith(base.replace(/Handler$/, "Failed")));
    return queue ? `\${${queue}.Arn}` : undefined;
  };
  return RUNTIME_GRANTS.flatMap((g) => {
    const resource = resourceOf(g.on);
    return resource ? g.actions.map((action): Atom => ({ effect: "Allow", action, resource })) : [];
  });
}

export function deniesOf(template: TemplateLike, stage: Stage, f: FunctionIam): Atom[] {
  return (f.denies ?? []).flatMap((d) =>
    d.actions.flatMap((action) => d.on.flatMap((ref) => d.leadingKeys.map((k): Atom => ({ effect: "Deny", action, resource: resolve(template, stage, ref), condition: `ForAnyValue:StringEquals dynamodb:LeadingKeys ${k}` })))),
  );
}

/** Needed atoms no Allow of the role covers (or that a Deny covers). */
export function missing(granted: readonly Atom[], need: readonly (Atom & { why: string })[]): string[] {
  return need
    .filter((n) => !granted.some((g) => g.effect === "Allow" && covers(g, n)) || granted.some((g) => g.effect === "Deny" && covers(g, n)))
    .map((n) => `${n.action} on ${n.resource} (${n.why})`);
}

/** Allowed atoms of the role that no table row (nor runtime grant) accounts for. */
export function beyond(granted: readonly Atom[], allowed: readonly Atom[]): string[] {
  return granted
    .filter((g) => g.effect === "Allow" && !allowed.some((a) => covers(a, g)))
    .map((g) => `${g.action} on ${g.resource}${g.condition ? ` if ${g.condition}` : ""}`);
}


/** Every problem of one function's IAM in a stage's template: rows not granted, grants beyond the table, denies that differ. */
export function iamProblems(template: TemplateLike, stage: Stage, f: FunctionIam): string[] {
  const granted = atomsOfRole(template, f.role);
  const need = needed(template, stage, f);
  const denies = granted.filter((a) => a.effect === "Deny").map((d) => JSON.stringify(d)).sort();
  const expected = deniesOf(template, stage, f).map((d) => JSON.stringify(d)).sort();
  return [
    ...missing(granted, need).map((m) => `missing: ${m}`),
    ...beyond(granted, [...need, ...runtime(template, f)]).map((b) => `beyond the table: ${b}`),
    ...(JSON.stringify(denies) === JSON.stringify(expected) ? [] : [`denies differ from the table's: ${denies.length} in the role, ${expected.length} in the table`]),
  ];
}

/** Commands a function's bundle can send that its table row does not name, and rows naming commands the bundle lacks. */
export async function bundleProblems(f: FunctionIam): Promise<string[]> {
  const inBundle = await commandsOf(f.entry);
  const inTable = Object.keys(f.commands);
  return [
    ...inBundle.filter((c) => !inTable.includes(c)).map((c) => `${f.entry} can send ${c}, which the table lacks`),
    ...inTable.filter((c) => !inBundle.includes(c)).map((c) => `the table names ${c}, which ${f.entry} no longer sends`),
    ...inTable.filter((c) => COMMAND_ACTIONS[c] === undefined).map((c) => `no IAM actions known for ${c}`),
  ];
}

export const IAM_ENTRIES = Object.entries(IAM_TABLE) as [keyof typeof IAM_TABLE, FunctionIam][];
