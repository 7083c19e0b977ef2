import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import type { Template } from "aws-cdk-lib/assertions";
import { DynamoDbAuditLog } from "../../functions/src/adapters/dynamodb/dynamodb-audit-log.js";
import { AUDIT_PARTITION, COMMAND_ACTIONS, type FunctionIam, IAM_TABLE, RUNTIME_GRANTS, type ResourceRef } from "../lib/iam-table.js";
import { type Atom, atomsOfRole, covers, resolverFor } from "./support/iam.js";
import { logicalId } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { templates } = synthesized();

/**
 * The SDK commands a handler's bundle can send: esbuild bundles the entry as the CDK does (ESM,
 * tree-shaken, `@aws-sdk/*` external, not minified), then every `new X(` of a binding imported
 * from `@aws-sdk/*` whose name ends in `Command` is one (an import esbuild keeps for its side
 * effects, with no `new`, is not).
 */
async function commandsOf(entry: string): Promise<string[]> {
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

type Stage = "dev" | "prod";

/** The canonical resource string of a table notation in a stage's template (independent of how the constructs wrote the ARN). */
function resolve(template: Template, stage: Stage, ref: ResourceRef): string {
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
function needed(template: Template, stage: Stage, f: FunctionIam): (Atom & { why: string })[] {
  const atoms: (Atom & { why: string })[] = [];
  for (const [command, use] of Object.entries(f.commands)) {
    if (!("sends" in use)) continue;
    for (const action of COMMAND_ACTIONS[command] ?? []) for (const ref of use.sends) atoms.push({ effect: "Allow", action, resource: resolve(template, stage, ref), why: `${command}: ${use.why}` });
  }
  for (const i of f.implied ?? []) for (const action of i.actions) for (const ref of i.on) atoms.push({ effect: "Allow", action, resource: resolve(template, stage, ref), why: `${i.by} implies: ${i.why}` });
  return atoms;
}

/** The allowed atoms the house construct adds to every role (logs, X-Ray, the job's failure queue). */
function runtime(template: Template, f: FunctionIam): Atom[] {
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

function deniesOf(template: Template, stage: Stage, f: FunctionIam): Atom[] {
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

const entries = Object.entries(IAM_TABLE) as [keyof typeof IAM_TABLE, FunctionIam][];

describe("IAM from code: every SDK command a function's bundle can send is in the table (docs/adr/0102)", () => {
  it.each(entries)("%s: the table names exactly the commands of its bundle", async (_name, f) => {
    expect(Object.keys(f.commands).sort()).toEqual(await commandsOf(f.entry));
  });

  it("knows the IAM actions of every command in the table", () => {
    for (const [, f] of entries) for (const c of Object.keys(f.commands)) expect(COMMAND_ACTIONS[c], c).toBeDefined();
  });

  it("finds a command in a bundle (the scan itself: the ingest entry sends GetSecretValue)", async () => {
    expect(await commandsOf(IAM_TABLE.ingest.entry)).toContain("@aws-sdk/client-secrets-manager:GetSecretValueCommand");
    expect(await commandsOf(IAM_TABLE.read.entry)).not.toContain("@aws-sdk/client-athena:StartQueryExecutionCommand");
  });
});

describe.each(["dev", "prod"] as const)("IAM from code: the %s template grants each row and nothing the table lacks", (stage) => {
  const template = templates[stage];

  it.each(entries)("%s: its role allows every row of the table (and no deny takes one back)", (_name, f) => {
    expect(missing(atomsOfRole(template, f.role), needed(template, stage, f))).toEqual([]);
  });

  it.each(entries)("%s: its role allows nothing the table lacks (beyond logs, X-Ray and the failure queue)", (_name, f) => {
    const allowed = [...needed(template, stage, f), ...runtime(template, f)];
    expect(beyond(atomsOfRole(template, f.role), allowed)).toEqual([]);
  });

  it.each(entries)("%s: its role carries exactly the table's denies", (_name, f) => {
    const denies = atomsOfRole(template, f.role).filter((a) => a.effect === "Deny");
    const expected = deniesOf(template, stage, f);
    expect(denies.map((d) => JSON.stringify(d)).sort()).toEqual(expected.map((d) => JSON.stringify(d)).sort());
  });
});

describe("IAM from code: the checks can fail", () => {
  const f = IAM_TABLE.compaction;
  const granted = atomsOfRole(templates.dev, f.role);
  const need = needed(templates.dev, "dev", f);

  it("reports a row the role lacks (GetBucketLocation taken out of the template)", () => {
    const planted = granted.filter((a) => a.action !== "s3:GetBucketLocation");
    expect(missing(planted, need)).toEqual([expect.stringContaining("s3:GetBucketLocation on ${LakeBucket")]);
  });

  it("reports a row hidden behind a condition the request never carries (GetBucketLocation conditioned on s3:prefix, as before)", () => {
    const planted = granted.map((a) => (a.action === "s3:GetBucketLocation" ? { ...a, condition: "StringLike s3:prefix curated/*" } : a));
    expect(missing(planted, need)).toEqual([expect.stringContaining("s3:GetBucketLocation")]);
  });

  it("reports a grant the table lacks (glue:DeleteTable on curated_events)", () => {
    const planted: Atom[] = [...granted, { effect: "Allow", action: "glue:DeleteTable", resource: "arn:aws:glue:ap-southeast-1:${AWS::AccountId}:table/scorecard_dev/curated_events" }];
    expect(beyond(planted, [...need, ...runtime(templates.dev, f)])).toEqual(["glue:DeleteTable on arn:aws:glue:ap-southeast-1:${AWS::AccountId}:table/scorecard_dev/curated_events"]);
  });
});

describe("The audit log's append-only rule in IAM", () => {
  it("names the partition the audit adapter writes (a drift check against functions/)", async () => {
    const sent: { input: { Item: { pk: string } } }[] = [];
    const db = { send: async (c: { input: { Item: { pk: string } } }) => (sent.push(c), {}) };
    await new DynamoDbAuditLog(db as never, "t").append({
      auditId: "a1",
      at: "2026-01-01T00:00:00.000Z",
      actor: { sub: "u", role: "home-affairs" },
      action: "finding.create",
      entityType: "finding",
      entityId: "f1",
      before: null,
      after: {},
    });
    expect(sent.map((c) => c.input.Item.pk)).toEqual([AUDIT_PARTITION]);
  });

  it.each(["dev", "prod"] as const)("denies update and delete of audit entries to every role that may write the table (%s)", (stage) => {
    const template = templates[stage];
    for (const [name, f] of entries) {
      const writes = atomsOfRole(template, f.role).some((a) => a.effect === "Allow" && /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/.test(a.action));
      const denied = atomsOfRole(template, f.role).filter((a) => a.effect === "Deny" && a.condition === `ForAnyValue:StringEquals dynamodb:LeadingKeys ${AUDIT_PARTITION}`).map((a) => a.action);
      if (!writes) continue;
      expect(denied, name).toEqual(expect.arrayContaining(["dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]));
      expect(denied.includes("dynamodb:PutItem"), `${name} may append audit entries`).toBe(name === "admin" ? false : true);
    }
  });
});
