/**
 * The complaint contract: citizen feedback (phản ánh, kiến nghị) from the 1022 hotline or the
 * National Public Service Portal, naming the unit it is about. A source posts the complaint's
 * current state; later posts of the same `complaintId` carry more of its life-cycle
 * (accepted or refused, handled, the applicant's verdict, a re-complaint).
 */
import { z } from "zod";

export const COMPLAINT_SOURCES = ["HOTLINE_1022", "NATIONAL_PORTAL"] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

/** The portal's classification: about a procedure's rules, or about an official's conduct. */
export const COMPLAINT_CATEGORIES = ["PROCEDURE", "STAFF_CONDUCT", "OTHER"] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

const isoInstant = z.iso.datetime({ offset: true });
const id = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\p{L}\p{N}._:\-/#]+$/u, "only letters, digits and . _ : - / #");

export const complaintSchema = z
  .strictObject({
    complaintId: id(128),
    source: z.enum(COMPLAINT_SOURCES),
    /** The unit the complaint names (must exist in the unit catalog at `receivedAt`). */
    unitId: id(64),
    receivedAt: isoInstant,
    category: z.enum(COMPLAINT_CATEGORIES).optional(),
    /** The dossier it is about, when the citizen gave one (links the complaint to S3). */
    caseId: id(64).optional(),
    procedureCode: id(64).optional(),
    field: z.string().min(1).max(64).regex(/^[A-Z0-9_]+$/, "upper-case code, e.g. LAND").optional(),
    acceptedAt: isoInstant.optional(),
    refusedAt: isoInstant.optional(),
    handledAt: isoInstant.optional(),
    /** The complainant's verdict on the handling: false = "disliked" (S2). */
    satisfied: z.boolean().optional(),
    /** The complainant complained again about the same matter (S2). */
    reComplained: z.boolean().optional(),
    summary: z.string().max(2000).optional(),
  })
  .superRefine((c, ctx) => {
    const rule = (ok: boolean, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message, input: (c as Record<string, unknown>)[path] });
    };
    const t = (s: string | undefined) => (s === undefined ? undefined : Date.parse(s));
    const received = t(c.receivedAt) ?? 0;
    rule(!(c.acceptedAt !== undefined && c.refusedAt !== undefined), "refusedAt", "a complaint is either accepted or refused, not both");
    rule(c.handledAt === undefined || c.acceptedAt !== undefined, "handledAt", "handled requires acceptedAt");
    for (const k of ["acceptedAt", "refusedAt", "handledAt"] as const) {
      const v = t(c[k]);
      rule(v === undefined || v >= received, k, "must not be before receivedAt");
    }
    const acc = t(c.acceptedAt);
    const han = t(c.handledAt);
    rule(acc === undefined || han === undefined || han >= acc, "handledAt", "must not be before acceptedAt");
    rule(c.satisfied === undefined || c.handledAt !== undefined, "satisfied", "a verdict needs a handled complaint");
  });

export type ComplaintInput = z.input<typeof complaintSchema>;

/** A complaint as stored and scored (timestamps as UTC ISO strings). */
export interface StoredComplaint {
  readonly complaintId: string;
  readonly source: ComplaintSource;
  readonly unitId: string;
  readonly receivedAt: string;
  readonly category?: ComplaintCategory | undefined;
  readonly caseId?: string | undefined;
  readonly procedureCode?: string | undefined;
  readonly field?: string | undefined;
  readonly acceptedAt?: string | undefined;
  readonly refusedAt?: string | undefined;
  readonly handledAt?: string | undefined;
  readonly satisfied?: boolean | undefined;
  readonly reComplained?: boolean | undefined;
  readonly summary?: string | undefined;
}
