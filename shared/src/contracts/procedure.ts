/**
 * The procedure catalog contract (thủ tục hành chính): one record per procedure and the units
 * that resolve it. It feeds the catalog indicators (T1–T3, O1–O2, M, D6) and the fallbacks for
 * dossier flags (fee-bearing, result required).
 */
import { z } from "zod";

export const ONLINE_LEVELS = ["NONE", "PARTIAL", "FULL"] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/** The tier of the units that resolve a procedure. */
export const PROCEDURE_TIERS = ["DEPARTMENT", "DISTRICT", "COMMUNE", "VERTICAL"] as const;
export type ProcedureTier = (typeof PROCEDURE_TIERS)[number];

export const CHANGE_KINDS = ["NEW", "AMENDED", "REPEALED"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const isoDate = z.iso.date();
const code = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._:\-/#]+$/u, "only letters, digits and . _ : - / #");

export const publicationSchema = z
  .strictObject({
    changeKind: z.enum(CHANGE_KINDS),
    /** Number of the publication decision (quyết định công bố). */
    decisionNumber: z.string().min(1).max(64).optional(),
    /** Local date of the publication decision. */
    decisionDate: isoDate,
    /** Local date the legal basis takes effect (T1: the decision is due 5 working days before). */
    legalEffectiveDate: isoDate,
    /** Local date the procedure was made public in the national procedure database (T2). */
    publicDate: isoDate.optional(),
    /** Every part required by Decree 63/2010 art. 8(2) is published (T3). */
    contentComplete: z.boolean(),
  })
  .superRefine((p, ctx) => {
    if (p.publicDate !== undefined && p.publicDate < p.decisionDate) {
      ctx.addIssue({ code: "custom", path: ["publicDate"], message: "must not be before decisionDate", input: p.publicDate });
    }
  });

export const procedureSchema = z
  .strictObject({
    code,
    nameVi: z.string().min(1).max(512),
    nameEn: z.string().min(1).max(512).optional(),
    field: z.string().min(1).max(64).regex(/^[A-Z0-9_]+$/, "upper-case code, e.g. LAND"),
    tier: z.enum(PROCEDURE_TIERS),
    /** Units that resolve it; absent = every unit of `tier`. */
    unitIds: z.array(code).min(1).optional(),
    onlineLevel: z.enum(ONLINE_LEVELS),
    feeBearing: z.boolean(),
    /** Fee-bearing and integrated with the national payment platform (M, ratio C). */
    paymentIntegrated: z.boolean().optional(),
    /** The procedure produces a result document (D1, D2). */
    resultRequired: z.boolean(),
    /** Connected to the national population database (D6, second half). */
    populationDbConnected: z.boolean().optional(),
    /** Legal time limit in working days. */
    timeLimitWorkingDays: z.number().int().min(0).max(365).optional(),
    validFrom: isoDate,
    validTo: isoDate.optional(),
    publication: publicationSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.validTo !== undefined && p.validTo < p.validFrom) {
      ctx.addIssue({ code: "custom", path: ["validTo"], message: "must not be before validFrom", input: p.validTo });
    }
    if (p.paymentIntegrated === true && !p.feeBearing) {
      ctx.addIssue({ code: "custom", path: ["paymentIntegrated"], message: "only a fee-bearing procedure can be payment-integrated", input: true });
    }
  });

export type ProcedureInput = z.input<typeof procedureSchema>;
export type ProcedureRecord = z.output<typeof procedureSchema>;
