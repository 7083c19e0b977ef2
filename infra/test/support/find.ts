import type { Template } from "aws-cdk-lib/assertions";

type Resource = { readonly Type: string; readonly Properties: Record<string, unknown>; readonly DeletionPolicy?: string; readonly DependsOn?: unknown };

/** The single resource of a type whose logical id starts with `prefix` (a construct path, flattened). */
export function resource(template: Template, type: string, prefix: string): Resource {
  const matches = Object.entries(template.findResources(type)).filter(([id]) => id.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, found ${matches.map(([id]) => id).join(", ") || "none"}`);
  return matches[0]![1] as Resource;
}

/** Logical id of the single resource of a type whose id starts with `prefix`. */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, found ${ids.join(", ") || "none"}`);
  return ids[0]!;
}

/** Every IAM statement attached (inline policies) to the role whose logical id starts with `rolePrefix`. */
export function statementsOfRole(template: Template, rolePrefix: string): Array<{ Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown }> {
  const roleId = logicalId(template, "AWS::IAM::Role", rolePrefix);
  return Object.values(template.findResources("AWS::IAM::Policy"))
    .filter((p) => JSON.stringify((p as Resource).Properties["Roles"]).includes(`"${roleId}"`))
    .flatMap((p) => ((p as Resource).Properties["PolicyDocument"] as { Statement: [] }).Statement);
}

/** The actions of a statement as a list. */
export function actionsOf(statement: { Action: string | string[] }): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}
