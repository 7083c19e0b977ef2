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

/** Validate with a schema and return field-naming errors instead of throwing. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.flatMap(toFieldErrors) };
}
