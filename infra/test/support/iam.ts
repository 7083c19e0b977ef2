import type { Template } from "aws-cdk-lib/assertions";
import { logicalId } from "./find.js";

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
export function atomsOfRole(template: Template, rolePrefix: string): Atom[] {
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
export function resolverFor(template: Template, opts: { region: string; account: string; stage: string }) {
  const table = logicalId(template, "AWS::DynamoDB::GlobalTable", "EventStoreTable");
  const lake = logicalId(template, "AWS::S3::Bucket", "LakeBucket");
  const secret = logicalId(template, "AWS::SecretsManager::Secret", "SecretsPseudonymKey");
  const glue = (resource: string) => `arn:aws:glue:${opts.region}:${opts.account}:${resource}`;
  return { table, lake, secret, glue, athena: (resource: string) => `arn:aws:athena:${opts.region}:${opts.account}:${resource}`, database: `scorecard_${opts.stage}`, workGroup: `scorecard-${opts.stage}` };
}
