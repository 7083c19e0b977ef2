/**
 * Rules as data (issue 24, item 4; docs/adr/0022-rules-as-data.md): the request bodies and views of
 * `/v1/admin/rules`: a year's holidays and a unit change, each a new version of its kind, audited.
 */
import { z } from "zod";
import { DATE, UNIT_ID, humanText, version } from "./admin-requests.js";
import { named, listOf, view } from "./schema-kit.js";
import { CALENDAR_DAY_KINDS } from "../rules/holidays.js";
import { CHANGE_TIERS } from "../rules/unit-changes.js";

const calendarDay = z.strictObject({
  date: z.string().regex(DATE, "a date YYYY-MM-DD"),
  kind: z.enum(CALENDAR_DAY_KINDS),
  nameVi: humanText(200),
  nameEn: humanText(200),
});

/** `PUT /v1/admin/rules/holidays`: one year's list, replacing the year (the compiled one or an earlier version). */
export const holidayYearSchema = named(
  "HolidayYearInput",
  z.strictObject({
    year: z.number().int().min(2000).max(2100),
    days: z.array(calendarDay).max(60).describe("Holidays, compensatory days off and make-up working Saturdays of the year; ordinary weekends are not listed."),
    basis: humanText(300).describe("The decision announcing them (number and date), for the audit."),
    version: version(0),
  }),
);
export type HolidayYearInput = Omit<z.output<typeof holidayYearSchema>, "version">;

const unitId = z.string().regex(UNIT_ID, "a unit id such as COM-26017-2027");
const newUnit = z.strictObject({ unitId, nameVi: humanText(200), nameEn: humanText(200), tier: z.enum(CHANGE_TIERS), parentId: unitId });
const effectiveFrom = z.string().regex(DATE, "a date YYYY-MM-DD");

export const unitChangeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("NEW_UNIT"), effectiveFrom, unit: newUnit }),
  z.strictObject({ kind: z.literal("MERGER"), effectiveFrom, predecessorIds: z.array(unitId).min(1).max(50), successor: newUnit }),
  z.strictObject({ kind: z.literal("RENAME"), effectiveFrom, unitId, newUnitId: unitId, nameVi: humanText(200), nameEn: humanText(200) }),
  z.strictObject({ kind: z.literal("DISSOLUTION"), effectiveFrom, unitId, successorIds: z.array(unitId).max(50) }),
]);

/** `POST /v1/admin/rules/unit-changes`: one change at the catalog's version. */
export const unitChangeInputSchema = named(
  "UnitChangeInput",
  z.strictObject({
    change: unitChangeSchema,
    basis: humanText(300).describe("The decision behind it (number and date), for the audit."),
    version: version(0),
  }),
);
export type UnitChangeInput = Omit<z.output<typeof unitChangeInputSchema>, "version">;

const by = view({ sub: z.string().optional().describe("Absent on the public route."), role: z.string() });

const holidayVersion = view({
  version: z.number().int(),
  year: z.number().int(),
  effectiveFrom: z.string().describe("The first day of the year."),
  basis: z.string(),
  at: z.string(),
  by,
  added: z.number().int().describe("Days listed that the year's previous list did not have."),
  removed: z.number().int(),
});

const unitVersion = view({
  version: z.number().int(),
  change: unitChangeSchema,
  basis: z.string(),
  at: z.string(),
  by,
});

const code = z.string().regex(/^[A-Z][A-Z0-9_]{0,15}$/, "a code such as P1");

/** `POST /v1/admin/rules/methodology` (and its preview): a version of the methodology in use, as its changes over the version before it. */
export const methodologyVersionInputSchema = named(
  "MethodologyVersionInput",
  z.strictObject({
    id: z.string().regex(/^dn-\d{4}\.\d{1,3}$/, "a version id such as dn-2027.1"),
    effectiveFrom: z.string().regex(DATE, "a date YYYY-MM-DD").describe("The first day of a month after today: periods starting on or after it are scored with this version."),
    nameVi: humanText(200),
    nameEn: humanText(200),
    changeVi: humanText(1000).describe("What differs from the version before, in Vietnamese."),
    changeEn: humanText(1000),
    indicators: z.record(code, z.strictObject({ max: z.number().positive().max(100).nullable().optional(), target: z.number().positive().max(1).optional(), manual: z.boolean().optional() })).optional(),
    groups: z.record(code, z.strictObject({ max: z.number().positive().max(100) })).optional(),
    bands: z.record(code, z.number().min(0).max(100)).optional(),
    basis: humanText(300).describe("The decision publishing it (number and date), for the audit."),
    version: version(0),
  }),
);
export type MethodologyVersionInput = Omit<z.output<typeof methodologyVersionInputSchema>, "version">;

const methodologyVersion = view({
  version: z.number().int(),
  id: z.string(),
  effectiveFrom: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  changeVi: z.string(),
  changeEn: z.string(),
  basedOn: z.string().describe("The version it changes."),
  indicators: z.record(z.string(), z.object({ max: z.number().nullable().optional(), target: z.number().optional(), manual: z.boolean().optional() })).optional(),
  groups: z.record(z.string(), z.object({ max: z.number() })).optional(),
  bands: z.record(z.string(), z.number()).optional(),
  basis: z.string(),
  at: z.string(),
  by,
});

/** The methodology rules: the series in use (the compiled version) and its published versions. */
export const methodologyRulesSchema = named(
  "MethodologyRules",
  view({
    series: z.string().describe("The compiled version scoring starts from (METHODOLOGY_ID)."),
    version: z.number().int().describe("Send it back to publish a version (0: none published)."),
    versions: listOf(methodologyVersion),
  }),
);

/** `POST /v1/admin/rules/methodology/preview`: what the last scored period's ranking would be under the version. */
export const methodologyPreviewSchema = named(
  "MethodologyPreview",
  view({
    valid: z.boolean(),
    errors: listOf(view({ field: z.string(), code: z.string(), message: z.string() })),
    period: z.string().nullable().describe("The last scored period ending before the version takes effect (null: none scored)."),
    tiers: listOf(
      view({
        tier: z.string(),
        units: listOf(view({ unitId: z.string(), before: view({ total: z.number().nullable(), rank: z.number().int().nullable(), band: z.string().nullable() }), after: view({ total: z.number().nullable(), rank: z.number().int().nullable(), band: z.string().nullable() }) })),
      }),
    ),
  }),
);
export type MethodologyPreview = z.output<typeof methodologyPreviewSchema>;

/** The holiday rules: the calendar in force by year and every recorded year. */
export const holidayRulesSchema = named(
  "HolidayRules",
  view({
    version: z.number().int().describe("Send it back to record a year (0: the compiled calendar only)."),
    firstYear: z.number().int(),
    lastYear: z.number().int(),
    years: listOf(view({ year: z.number().int(), source: z.enum(["COMPILED", "STORED"]), days: listOf(view({ date: z.string(), kind: z.string(), nameVi: z.string(), nameEn: z.string() })) })),
    versions: listOf(holidayVersion),
  }),
);

/** The unit rules: every recorded change, in the order applied to the compiled catalog. */
export const unitRulesSchema = named(
  "UnitRules",
  view({
    version: z.number().int().describe("Send it back to record a change (0: the compiled catalog only)."),
    count: z.number().int().describe("Units in the catalog in force."),
    versions: listOf(unitVersion),
  }),
);

/** `GET /v1/admin/rules` and `GET /v1/public/rules`: each kind's versions (version 0 is the compiled data) and what is in force. */
export const rulesViewSchema = named("Rules", view({ holidays: holidayRulesSchema, units: unitRulesSchema, methodology: methodologyRulesSchema }));
export type RulesView = z.output<typeof rulesViewSchema>;
export type HolidayVersion = z.output<typeof holidayVersion>;
export type UnitVersion = z.output<typeof unitVersion>;
export type MethodologyVersion = z.output<typeof methodologyVersion>;
/** A unit change as the API takes and stores it. */
export type UnitChangeBody = z.output<typeof unitChangeSchema>;
