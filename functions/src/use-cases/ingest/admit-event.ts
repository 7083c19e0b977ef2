import type { Clock } from "../../ports/runtime.js";
import type { KeyedHasher } from "../../ports/ingest.js";
import type { FieldError, StoredCaseEvent } from "@scorecard/shared";
import { validateCaseEvent } from "@scorecard/shared/contracts/case-event-validator";
import { instantMs, localDayOf } from "./instant.js";
import { toStoredEvent } from "./pseudonymise.js";

/** How far in the future a source's clock may be (reliability §b row 9). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** What admitting an event needs: the pseudonym key, the unit catalog, the clock. */
export interface AdmitDeps {
  readonly hasher: KeyedHasher;
  readonly clock: Clock;
  /** Known unit ids and their validity, to refuse events naming a unit that did not exist then. */
  readonly isKnownUnit: (unitId: string, localDate: string) => boolean;
}

const firstError = (errors: readonly FieldError[]) => errors[0] as FieldError;

/**
 * Validate and pseudonymise one raw event; unknown units are refused with the field named. The
 * validation is `validate(caseEventSchema, raw)`'s answer, errors included; a valid event takes
 * the path compiled from the schema (shared/src/contracts/fast-parse.ts), several times faster.
 */
export function admitEvent(
  raw: unknown,
  deps: AdmitDeps,
): { ok: true; event: StoredCaseEvent } | { ok: false; code: string; message: string } {
  const v = validateCaseEvent(raw);
  if (!v.ok) {
    const e = firstError(v.errors);
    return { ok: false, code: e.code, message: v.errors.map((x) => x.message).join("; ") };
  }
  const event = toStoredEvent(v.value, deps.hasher);
  const t = instantMs(event.occurredAt);
  if (t > deps.clock.now().getTime() + MAX_CLOCK_SKEW_MS) {
    return { ok: false, code: "INVALID_TIMESTAMP", message: `occurredAt: ${v.value.occurredAt} is in the future` };
  }
  const day = localDayOf(t);
  for (const field of ["unitId", "targetUnitId"] as const) {
    const unit = event[field];
    if (unit !== undefined && !deps.isKnownUnit(unit, day)) {
      return { ok: false, code: "UNKNOWN_UNIT", message: `${field}: unit "${unit}" is not in the catalog on ${day}` };
    }
  }
  return { ok: true, event };
}

