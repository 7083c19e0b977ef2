/**
 * Turning zod issues into the stable, field-naming errors that source systems act on.
 */
import type { z } from "zod";

/** Stable machine codes for rejected input. Never rename: source systems match on them. */
export type ValidationCode =
  | "MISSING_FIELD"
  | "UNKNOWN_FIELD"
  | "INVALID_TYPE"
  | "INVALID_VALUE"
  | "INVALID_FORMAT"
  | "TOO_LONG"
  | "TOO_SHORT"
  | "OUT_OF_RANGE"
  | "RULE_VIOLATED"
  | "INVALID_TIMESTAMP";

export interface FieldError {
  readonly code: ValidationCode;
  /** JSON path of the field, e.g. `flags.onlinePayment`; empty for the whole object. */
  readonly field: string;
  readonly message: string;
}

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

const pathOf = (path: readonly PropertyKey[]): string =>
  path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");

function toFieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  const field = pathOf(issue.path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) => ({
        code: "UNKNOWN_FIELD" as const,
        field: field ? `${field}.${k}` : k,
        message: `unknown field "${k}" is not part of the contract`,
      }));
    case "invalid_type":
      return [
        issue.input === undefined
          ? { code: "MISSING_FIELD", field, message: `${field || "value"} is required` }
          : { code: "INVALID_TYPE", field, message: `${field || "value"}: expected ${issue.expected}` },
      ];
    case "invalid_value":
      return [{ code: "INVALID_VALUE", field, message: `${field}: expected one of ${issue.values.map(String).join(", ")}` }];
    case "invalid_format":
      return [{ code: issue.format === "datetime" ? "INVALID_TIMESTAMP" : "INVALID_FORMAT", field, message: `${field}: ${issue.message}` }];
    case "too_big":
      return [
        issue.origin === "string"
          ? { code: "TOO_LONG", field, message: `${field}: at most ${String(issue.maximum)} characters` }
          : { code: "OUT_OF_RANGE", field, message: `${field}: at most ${String(issue.maximum)}` },
      ];
    case "too_small":
      return [
        issue.origin === "string"
          ? { code: "TOO_SHORT", field, message: `${field}: at least ${String(issue.minimum)} characters` }
          : { code: "OUT_OF_RANGE", field, message: `${field}: at least ${String(issue.minimum)}` },
      ];
    case "custom": {
      const declared = (issue.params as { code?: ValidationCode } | undefined)?.code;
      return [{ code: declared ?? (issue.input === undefined ? "MISSING_FIELD" : "RULE_VIOLATED"), field, message: `${field}: ${issue.message}` }];
    }
    default:
      return [{ code: "INVALID_VALUE", field, message: `${field || "value"}: ${issue.message}` }];
  }
}

/** Below this nesting no contract has a field: deeper values are left as they are (the schema refuses them). */
const NFC_MAX_DEPTH = 64;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Every string value of `input` in Unicode NFC (keys are left as sent). Vietnamese text may arrive
 * decomposed (NFD: "ễ" as e + U+0302 + U+0303); the combining marks are not letters, so an id
 * pattern (`\p{L}`) would refuse it, and "Nguyễn" sent twice in two forms would be two ids.
 * Returns `input` itself when nothing changes (ASCII text, the usual case, is never copied).
 */
export function toNfc(input: unknown): unknown {
  return nfc(input, 0);
}

function nfc(input: unknown, depth: number): unknown {
  if (typeof input === "string") return NON_ASCII.test(input) ? input.normalize("NFC") : input;
  if (input === null || typeof input !== "object" || depth >= NFC_MAX_DEPTH) return input;
  if (Array.isArray(input)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < input.length; i++) {
      const v = nfc(input[i], depth + 1);
      if (v !== input[i]) (out ??= input.slice())[i] = v;
    }
    return out ?? input;
  }
  if (Object.getPrototypeOf(input) !== Object.prototype && Object.getPrototypeOf(input) !== null) return input;
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(input)) {
    const v = (input as Record<string, unknown>)[k];
    const n = nfc(v, depth + 1);
    // defineProperty, not `out[k] =`: a "__proto__" key stays a key (and an unknown field).
    if (n !== v) Object.defineProperty((out ??= Object.fromEntries(Object.entries(input))), k, { value: n, writable: true, enumerable: true, configurable: true });
  }
  return out ?? input;
}

/**
 * Validate with a schema and return field-naming errors instead of throwing. Strings are
 * normalised to NFC first (`toNfc`), so the schema's patterns see, and the value carries, one
 * form of each text: an id sent decomposed validates and is stored as its composed form.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const r = schema.safeParse(toNfc(input), { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.flatMap(toFieldErrors) };
}
