/**
 * What each source system may post (issue 21 item 4): the record kinds (the batch routes), the units
 * its events may name, and how far back they may be dated. History older than that goes through the
 * operator's bulk import (`scorecard import`), which is not scoped. Configuration, not code: locally
 * `SCORECARD_SOURCE_SCOPES` (JSON) or the demo's scopes; on AWS the ingest function's
 * `SOURCE_SCOPES`, from the CDK context. A source with no entry may post nothing.
 */
import { z } from "zod";
import { BATCH_KEYS, type BatchKey } from "./ingest.js";
import { validate } from "./validation.js";

export const sourceScopeSchema = z.strictObject({
  /** The batch routes it may post to (events, complaints, procedures = the catalog). */
  kinds: z.array(z.enum(BATCH_KEYS)).min(1),
  /** Unit id prefixes its events' `unitId` must start with; "*" allows every unit. */
  units: z.array(z.string().min(1)).min(1),
  /** An event's `occurredAt` may be at most this many days before now. */
  maxAgeDays: z.number().int().min(1).max(36_500),
});
export type SourceScope = z.output<typeof sourceScopeSchema>;

/** Scopes by source id (the token's `sub`: the local source name, or the Cognito app client id). */
export const sourceScopesSchema = z.record(z.string().min(1), sourceScopeSchema);
export type SourceScopes = z.output<typeof sourceScopesSchema>;

/** Parse scopes from JSON text; an error names the setting, the field and the reason. */
export function parseSourceScopes(json: string, setting: string): SourceScopes {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new Error(`${setting}: not JSON (${(e as Error).message})`);
  }
  const r = validate(sourceScopesSchema, value);
  if (!r.ok) throw new Error(`${setting}: ${r.errors.map((e) => e.message).join("; ")}`);
  return r.value;
}

export const mayPost = (scope: SourceScope, kind: BatchKey): boolean => scope.kinds.includes(kind);
export const unitInScope = (scope: SourceScope, unitId: string): boolean => scope.units.some((p) => p === "*" || unitId.startsWith(p));

/** Why an event is outside its source's scope (a per-item rejection), or null. */
export function outOfScope(scope: SourceScope, event: { readonly unitId: string; readonly occurredAt: string }, now: Date): { code: string; message: string } | null {
  if (!unitInScope(scope, event.unitId)) return { code: "SOURCE_SCOPE_UNIT", message: `unitId: this source may not post events of unit "${event.unitId}" (allowed: ${scope.units.join(", ")})` };
  const oldest = now.getTime() - scope.maxAgeDays * 86_400_000;
  if (Date.parse(event.occurredAt) < oldest) {
    return { code: "SOURCE_SCOPE_AGE", message: `occurredAt: ${event.occurredAt} is more than ${scope.maxAgeDays} days old for this source; older history goes through the operator's bulk import` };
  }
  return null;
}
