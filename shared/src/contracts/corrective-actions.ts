/**
 * Corrective actions (issue 24, item 1; Directive 03, clause C5; docs/adr/0019-corrective-actions.md):
 * Home Affairs opens an action against a unit — from a concluded finding, an indicator of a period
 * or the unit's band in a period — with a deadline and what must change; the unit officer reports
 * what was done; Home Affairs accepts or reopens. Request bodies (strict) and the views, shared by
 * the admin handler, the use cases and the dashboard (type-only there).
 */
import { z } from "zod";
import { CRITERION, FINDING_ID, UNIT_ID } from "./admin-requests.js";
import type { ParamSpec } from "./params.js";
import { listOf, named, view } from "./schema-kit.js";
import { isPeriodId } from "../time/period.js";

export const ACTION_ID = FINDING_ID;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** OPEN → REPORTED → ACCEPTED; REPORTED → REOPENED (open again: the unit reports again) → REPORTED … */
export const ACTION_STATUSES = ["OPEN", "REPORTED", "ACCEPTED", "REOPENED"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Why an action not accepted is overdue: the unit has not reported, or Home Affairs has not decided on its report. */
export const OVERDUE_KINDS = ["AWAITING_REPORT", "AWAITING_REVIEW"] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

/** Free text a person types: no control characters, not a spreadsheet formula (it ends up in CSV exports). */
const humanText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "no control characters")
    .refine((s) => !/\p{Cs}/u.test(s), "no broken Unicode (a lone surrogate escape)")
    .refine((s) => !/^[=+\-@\t\r]/.test(s), "must not start with = + - @ (a spreadsheet formula)");
const version = (min: number) => z.number().int().min(min).optional();
const date = z.string().regex(DATE, "a date YYYY-MM-DD");
const indicatorCode = z.string().regex(CRITERION, "an indicator code such as P1 or D3");
const period = z.string().min(1).max(16);

/** What the action rests on, as Home Affairs names it. */
export const actionBasisInputSchema = named(
  "CorrectiveActionBasisInput",
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("FINDING"), findingId: z.string().regex(FINDING_ID, "a finding id") }),
    z.strictObject({ kind: z.literal("INDICATOR"), indicator: indicatorCode, period }),
    z.strictObject({ kind: z.literal("BAND"), band: z.string().regex(/^[A-Z_]{1,24}$/, "a band code such as WEAK"), period }),
  ]),
);
export type ActionBasisInput = z.output<typeof actionBasisInputSchema>;

export const actionCreateSchema = named(
  "CorrectiveActionCreate",
  z.strictObject({
    actionId: z.string().regex(ACTION_ID, "letters, digits . _ : - (≤ 80)").optional().describe("Chosen by the client: the same id with the same content again is a harmless double submit."),
    unitId: z.string().regex(UNIT_ID, "a unit id"),
    basis: actionBasisInputSchema,
    deadline: date.describe("Local date (Asia/Ho_Chi_Minh) by which the unit reports; not before today."),
    required: humanText(1000).describe("What must change."),
    indicator: indicatorCode.optional().describe("The indicator expected to move (default: the basis's indicator; a finding's criterion when it is an indicator)."),
  }),
);
export type ActionCreateInput = z.output<typeof actionCreateSchema>;

export const actionReportSchema = named(
  "CorrectiveActionReport",
  z.strictObject({
    text: humanText(2000).describe("What the unit did."),
    indicator: indicatorCode.optional().describe("The indicator the unit expects to move (default: the action's)."),
    version: version(1),
  }),
);
export type ActionReportInput = Omit<z.output<typeof actionReportSchema>, "version">;

export const actionAcceptSchema = named("CorrectiveActionAccept", z.strictObject({ note: humanText(1000).optional(), version: version(1) }));
export type ActionAcceptInput = Omit<z.output<typeof actionAcceptSchema>, "version">;

export const actionReopenSchema = named(
  "CorrectiveActionReopen",
  z.strictObject({ reason: humanText(1000), deadline: date.optional().describe("A new deadline (default: the current one); not before today."), version: version(1) }),
);
export type ActionReopenInput = Omit<z.output<typeof actionReopenSchema>, "version">;

/** The basis as stored and shown: always with its period (a finding's own). */
export const actionBasisSchema = named(
  "CorrectiveActionBasis",
  view({
    kind: z.enum(["FINDING", "INDICATOR", "BAND"]),
    period: z.string(),
    findingId: z.string().nullable(),
    /** The finding's criterion, or the indicator named. */
    criterion: z.string().nullable(),
    band: z.string().nullable(),
  }),
);
export type ActionBasis = z.output<typeof actionBasisSchema>;

const stepSchema = view({
  kind: z.enum(["OPENED", "REPORTED", "ACCEPTED", "REOPENED"]),
  at: z.string(),
  by: view({ sub: z.string(), role: z.string() }),
  text: z.string().nullable().describe("What must change, what was done, the acceptance note or the reason to reopen."),
  indicator: z.string().nullable(),
  deadline: z.string().nullable(),
});
export type ActionStep = z.output<typeof stepSchema>;

/** The unit's numbers of the named indicator (and its total and band) in the basis period and each later scored period of the same kind. */
export const actionProgressPointSchema = view({
  period: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  ratio: z.number().nullable(),
  points: z.number().nullable(),
  total: z.number().nullable(),
  band: z.string().nullable(),
});
export type ActionProgressPoint = z.output<typeof actionProgressPointSchema>;

export const correctiveActionSchema = named(
  "CorrectiveAction",
  view({
    actionId: z.string(),
    unitId: z.string(),
    unitNameVi: z.string(),
    unitNameEn: z.string(),
    basis: actionBasisSchema,
    indicator: z.string().nullable().describe("The indicator expected to move: the unit's last report's, else Home Affairs'; null for a band with none named."),
    required: z.string(),
    deadline: z.string(),
    status: z.enum(ACTION_STATUSES),
    overdue: z.enum(OVERDUE_KINDS).nullable().describe("Set when the deadline (a local date) has passed and the action is not accepted."),
    steps: listOf(stepSchema).describe("Every step, oldest first."),
    progress: listOf(actionProgressPointSchema).describe(
      "The unit's value of `indicator` (and its total and band) in the basis period, then in each later scored period of the same kind up to now; a period without the unit's row is absent.",
    ),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }).describe("A corrective action opened by Home Affairs against a unit (Directive 03, clause C5)."),
);
export type CorrectiveAction = z.output<typeof correctiveActionSchema>;

export const correctiveActionListSchema = named(
  "CorrectiveActionList",
  view({ actions: listOf(correctiveActionSchema), today: z.string().describe("Today's local date (Asia/Ho_Chi_Minh), against which `overdue` was set.") }),
);
export type CorrectiveActionList = z.output<typeof correctiveActionListSchema>;

/** The list's filters. */
const q = <N extends string, T>(name: N, schema: z.ZodType<T>, hint: string): ParamSpec<N, T, false> => ({ name, in: "query", required: false, schema, hint });
export const ACTION_PARAMS = {
  period: q("period", z.string().refine(isPeriodId, "a period id such as 2025-H2"), "a period id such as 2025-H2: actions whose basis is in that period"),
  unitId: q("unitId", z.string().regex(UNIT_ID, "a unit id"), "a unit id"),
  status: q("status", z.enum(ACTION_STATUSES, { error: () => `one of ${ACTION_STATUSES.join(", ")}` }), `one of ${ACTION_STATUSES.join(", ")}`),
  overdue: q("overdue", z.enum(["true", "false"], { error: () => "true or false" }).transform((v) => v === "true"), "true or false"),
  actionId: { name: "actionId", in: "path", required: true, schema: z.string().regex(ACTION_ID, "an action id"), hint: "an action id" } as ParamSpec<"actionId", string, true>,
} as const;
