/**
 * What the Home Affairs workspace says after a write, in the page's language (issue 19, item 7):
 * the server's problem codes and the fields its validation names (`errors[].field`, `.code`) are
 * mapped to words here, never shown as the server's English ("unitId: a unit id"). A field or code
 * this build does not know is named by its code, with the generic message. Pure.
 */
import { ApiProblemError, toApiError } from "./api.js";
import type { AdminMessages } from "./i18n/admin.js";
import type { Messages } from "./i18n.js";

/** A field the server (or the form itself) refused, and why (a stable code). */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
}

/** What happened to the last write: "saved", or a problem code the page translates. */
export type Outcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: string; readonly status: number; readonly errors?: readonly FieldProblem[] | undefined };

/** Run a write and say what happened: saved, the problem the API answered (code, status, fields), or NETWORK. */
export async function attempt(write: () => Promise<unknown>): Promise<Outcome> {
  try {
    await write();
    return { ok: true };
  } catch (e) {
    const err = toApiError(e);
    return err instanceof ApiProblemError ? { ok: false, code: err.code, status: err.status, errors: err.problem.errors } : { ok: false, code: "NETWORK", status: 0 };
  }
}

export interface OutcomeText {
  readonly kind: "ok" | "error";
  readonly text: string;
  /** One line per refused field ("Điểm trừ: ngoài phạm vi cho phép"). */
  readonly fields: readonly string[];
}

/** "Đơn vị: đơn vị không tồn tại trong kỳ này". */
export function fieldText(p: FieldProblem, A: AdminMessages): string {
  const field = A.fields[p.field.split(".")[0] ?? p.field] ?? p.field;
  const why = A.codes[p.code] ?? A.codes.INVALID_VALUE ?? p.code;
  return `${field}: ${why}`;
}

/** The message of an outcome; null for none. `specific` handles the codes of one section first (e.g. NO_CHANGES). */
export function outcomeText(o: Outcome | null, A: AdminMessages, t: Messages, specific: (code: string) => string | null = () => null): OutcomeText | null {
  if (!o) return null;
  if (o.ok) return { kind: "ok", text: A.saved, fields: [] };
  const own = specific(o.code);
  if (own !== null) return { kind: "error", text: own, fields: [] };
  if (o.code === "INSPECTION_LOCKED" || o.code === "CRITERION_LOCKED") return { kind: "error", text: A.lockedError, fields: [] };
  if (o.code === "VERSION_CONFLICT" || o.code === "CONCURRENT_CHANGE" || o.code === "VERSION_MISMATCH") return { kind: "error", text: A.conflict, fields: [] };
  if (o.status === 422 || o.status === 400) return { kind: "error", text: A.validation, fields: (o.errors ?? []).map((e) => fieldText(e, A)) };
  if (o.status === 0) return { kind: "error", text: t.networkError, fields: [] };
  return { kind: "error", text: t.errorCode(o.status, o.code), fields: [] };
}
