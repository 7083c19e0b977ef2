import { describe, expect, it } from "vitest";
import { DynamoDbAuditLog } from "../../functions/src/adapters/dynamodb/dynamodb-audit-log.js";
import { AUDIT_PARTITION, COMMAND_ACTIONS, type FunctionIam, IAM_TABLE } from "../lib/iam-table.js";
import { type Atom, atomsOfRole, beyond, commandsOf, deniesOf, missing, needed, runtime } from "../lib/iam-check.js";
import { synthesized } from "./support/synth.js";

const { templates } = synthesized();

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
