/**
 * Every problem code the API answers with and its HTTP status (docs/api-errors.md,
 * docs/api-admin.md). Stable: clients match on the code. The route table names, per route, the
 * codes it can give; the OpenAPI document groups them by status.
 */
export const PROBLEMS = {
  MALFORMED_JSON: 400,
  INVALID_ENCODING: 400,
  TOO_DEEP: 400,
  EMPTY_BODY: 400,
  MISSING_EVENTS: 400,
  MISSING_COMPLAINTS: 400,
  MISSING_PROCEDURES: 400,
  INVALID_PATH: 400,
  INVALID_IDEMPOTENCY_KEY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A source system with no scope configured (docs/api-errors.md, source scopes). */
  SOURCE_NOT_CONFIGURED: 403,
  /** A source system posting a record kind outside its scope. */
  SOURCE_SCOPE_KIND: 403,
  NOT_FOUND: 404,
  NO_SNAPSHOT: 404,
  NO_RATINGS: 404,
  METHOD_NOT_ALLOWED: 405,
  IDEMPOTENCY_KEY_IN_FLIGHT: 409,
  VERSION_CONFLICT: 409,
  INSPECTION_LOCKED: 409,
  CRITERION_LOCKED: 409,
  ALREADY_EXISTS: 409,
  CONCURRENT_CHANGE: 409,
  PUBLISH_CONFLICT: 409,
  NO_DRAFT: 409,
  NO_CHANGES: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_EVENTS: 413,
  TOO_MANY_COMPLAINTS: 413,
  TOO_MANY_PROCEDURES: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The local runtime only: the Host is not a name of the server (DNS rebinding). */
  MISDIRECTED_REQUEST: 421,
  EMPTY_BATCH: 422,
  DUPLICATE_KEY: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  MISSING_PARAMETER: 422,
  INVALID_PARAMETER: 422,
  INVALID_CONTENT: 422,
  MALFORMED_CSV: 422,
  INVALID_IF_MATCH: 422,
  VERSION_MISMATCH: 422,
  UNKNOWN_USER: 422,
  VERSION_REQUIRED: 428,
  INTERNAL: 500,
} as const satisfies Readonly<Record<string, number>>;

export type ProblemCode = keyof typeof PROBLEMS;
