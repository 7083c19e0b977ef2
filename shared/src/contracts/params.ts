/**
 * Query and path parameters of the routes (shared/src/contracts/routes.ts): each names what a
 * valid value looks like (`hint`), which is both the OpenAPI description and the detail of the
 * 422 the handlers answer (functions/src/http/route-input.ts):
 *
 * - query, missing or empty and required → MISSING_PARAMETER `Query parameter "<name>" is required (<hint>).`
 * - query, invalid → INVALID_PARAMETER `Query parameter "<name>": <hint>.` (or `invalid`, when given)
 * - path, invalid → INVALID_PARAMETER `<name> is not valid.` (or `invalid`)
 *
 * An optional query parameter sent empty (`?tier=`) is absent.
 */
import { z } from "zod";
import { hasReformIndex } from "../methodology/reform-index.js";
import { isPeriodId, parsePeriod } from "../time/period.js";
import { RANKED_TIERS } from "../units/unit.js";
import { CRITERION, FINDING_ID, HEAD_ID, UNIT_ID } from "./admin-requests.js";
import { LIST_PARTS } from "../facts/list-rules.js";
import { LATEST_PERIOD } from "./api.js";

export interface ParamSpec<N extends string = string, T = unknown, R extends boolean = boolean> {
  readonly name: N;
  readonly in: "query" | "path";
  readonly required: R;
  /** Validates the raw string and gives the value the handler uses. */
  readonly schema: z.ZodType<T>;
  readonly hint: string;
  /** The 422 detail of an invalid value, when not the default above. */
  readonly invalid?: string;
  /** The OpenAPI description, when it says more than the hint. */
  readonly description?: string;
}

/** The values of a route's parameters by name: optional ones may be undefined. */
export type ParamValues<P extends readonly ParamSpec[]> = {
  readonly [S in P[number] as S["name"]]: S extends ParamSpec<string, infer T, infer R> ? (R extends true ? T : T | undefined) : never;
};

const query = <N extends string, T>(name: N, schema: z.ZodType<T>, hint: string, more: Pick<ParamSpec, "invalid" | "description"> = {}): ParamSpec<N, T, true> => ({
  name,
  in: "query",
  required: true,
  schema,
  hint,
  ...more,
});
const optional = <N extends string, T>(p: ParamSpec<N, T, true>): ParamSpec<N, T, false> => ({ ...p, required: false });
const path = <N extends string, T>(name: N, schema: z.ZodType<T>, hint: string, invalid?: string): ParamSpec<N, T, true> => ({
  name,
  in: "path",
  required: true,
  schema,
  hint,
  ...(invalid ? { invalid } : {}),
});

const periodId = (hint: string) => z.string().refine(isPeriodId, { message: hint, abort: true });
const isReformPeriod = (v: string) => isPeriodId(v) && hasReformIndex(parsePeriod(v));
const matching = (pattern: RegExp, hint: string) => z.string().regex(pattern, hint);
const positive = (hint: string) => z.string().regex(/^[1-9]\d{0,5}$/, hint).transform(Number);
const tiers = (hint: string) => z.enum(RANKED_TIERS, { error: () => hint });

const ANY_PERIOD = "a period id such as 2024-03, 2024-Q1, 2024-H1 or 2024";
const TIER_HINT = `one of ${RANKED_TIERS.join(", ")}`;
const VERSION_HINT = "a published version number such as 1";
const REFORM_PERIOD = "the reform index is set per half-year or year, such as 2024-H1 or 2024";

/** Statuses a drill-down can be filtered on (methodology §2). */
export const CASE_STATUSES = ["EARLY", "ON_TIME", "LATE", "OVERDUE", "IN_PROGRESS", "EXCLUDED"] as const;

/** The most records one page of a list holds (`LIST_PAGE_MAX`, ./indicator-lists.ts). */
const LIST_LIMIT_MAX = 1000;

/** Entries per audit page when `limit` is absent. */
export const AUDIT_PAGE_DEFAULT = 50;

/** An ISO date or instant that names a real calendar day and time (not 2024-02-30, not T99:99). */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/;
const isInstant = (v: string) => INSTANT.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v.slice(0, 10)}T00:00:00Z`).toISOString().startsWith(v.slice(0, 10));
const instant = <N extends string>(name: N) => optional(query(name, z.string().refine(isInstant, "an ISO date or instant"), "an ISO date or instant"));

/** The read API's parameters (functions/src/handlers/read-api.ts). */
export const READ_PARAMS = {
  period: query("period", periodId(ANY_PERIOD), ANY_PERIOD),
  periodOrLatest: query("period", z.string().refine((v) => v === LATEST_PERIOD || isPeriodId(v), ANY_PERIOD), ANY_PERIOD, {
    description: `${ANY_PERIOD}; or \`${LATEST_PERIOD}\`: the newest scored period (the first of /v1/public/meta's periods; the answer's \`period\` names it).`,
  }),
  reformPeriod: query(
    "period",
    periodId(ANY_PERIOD).refine(isReformPeriod, REFORM_PERIOD),
    ANY_PERIOD,
    { description: "A half-year or a year: 2024-H1, 2024-H2 or 2024 (the reform index is not set for months and quarters)." },
  ),
  tier: query("tier", tiers(TIER_HINT), TIER_HINT),
  tierFilter: optional(query("tier", tiers(TIER_HINT), TIER_HINT, { description: `${TIER_HINT}: only this tier (default: every tier).` })),
  version: optional(
    query("version", positive(VERSION_HINT), VERSION_HINT, {
      description: "A published version of the period: the values frozen when it was published (default: the working values).",
    }),
  ),
  year: query("year", matching(/^20\d\d$/, "a year such as 2025").transform(Number), "a year such as 2025"),
  status: optional(query("status", z.enum(CASE_STATUSES), `one of ${CASE_STATUSES.join(", ")}`, { invalid: `status: one of ${CASE_STATUSES.join(", ")}.` })),
  unitId: path("unitId", matching(UNIT_ID, "a unit id"), "a unit id", "unitId is not a unit id."),
  // The lists behind the indicators (GET /v1/units/{unitId}/cases, issue 20 item 1; docs/adr/0016).
  indicator: optional(
    query("indicator", matching(/^[A-Z][A-Z0-9_]{0,15}$/, "an indicator code such as P1, R7 or S1"), "an indicator code such as P1, R7 or S1", {
      description: "An indicator of the methodology (P1, R7, S1…): its records (default: every dossier of the period's progress drill-down, as before).",
    }),
  ),
  part: optional(
    query("part", z.enum(LIST_PARTS, { error: () => "numerator or denominator" }), "numerator or denominator", {
      description: "With `indicator`: the records of its numerator or of its denominator (default: denominator, each record marked when it counts in the numerator too).",
    }),
  ),
  page: optional(query("page", positive("a page number from 1"), "a page number from 1")),
  listLimit: optional(
    query(
      "limit",
      matching(/^\d{1,4}$/, `1 to ${LIST_LIMIT_MAX}`)
        .refine((v) => Number(v) >= 1 && Number(v) <= LIST_LIMIT_MAX, `1 to ${LIST_LIMIT_MAX}`)
        .transform(Number),
      `1 to ${LIST_LIMIT_MAX}`,
      { description: `Records per page: 1 to ${LIST_LIMIT_MAX} (default 50).` },
    ),
  ),
} as const;

const ADMIN_PERIOD = "a period id such as 2024-H1";

/** The Home Affairs workspace's parameters (functions/src/handlers/admin-api.ts). */
export const ADMIN_PARAMS = {
  period: query("period", periodId(ADMIN_PERIOD), ADMIN_PERIOD),
  unitIdFilter: optional(query("unitId", matching(UNIT_ID, "a unit id"), "a unit id")),
  tier: query("tier", tiers("a tier"), "a tier"),
  limit: optional(
    query(
      "limit",
      matching(/^\d{1,3}$/, "1 to 200")
        .refine((v) => Number(v) >= 1 && Number(v) <= 200, "1 to 200")
        .transform(Number),
      "1 to 200",
      { description: `Entries per page: 1 to 200 (default ${AUDIT_PAGE_DEFAULT}).` },
    ),
  ),
  cursor: optional(query("cursor", z.string().max(200, "the next cursor of a previous page").regex(/^[0-9T:.Z#a-z:/A-Z_-]+$/, "the next cursor of a previous page"), "the next cursor of a previous page")),
  from: instant("from"),
  to: instant("to"),
  unitId: path("unitId", matching(UNIT_ID, "a unit id"), "a unit id"),
  periodPath: path("period", periodId(ADMIN_PERIOD), ADMIN_PERIOD),
  findingId: path("findingId", matching(FINDING_ID, "letters, digits . _ : - (≤ 80)"), "letters, digits . _ : - (≤ 80)"),
  criterion: path("criterion", matching(CRITERION, "a criterion code such as PAR5"), "a criterion code such as PAR5"),
  indicator: path("indicator", matching(CRITERION, "an indicator code such as D3"), "an indicator code such as D3"),
  headId: path("headId", matching(HEAD_ID, "a head id"), "a head id"),
  version: path("version", positive("a published version number such as 1"), "a published version number such as 1"),
} as const;
