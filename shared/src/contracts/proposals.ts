/**
 * Proposals on heads of unit (Directive 03, D8: propose strict handling of heads who break the
 * rules; issue 24, item 2; docs/adr/0020-proposals-and-report-submissions.md): Home Affairs records
 * a proposal — a reminder, a criticism or a discipline review — on a head, resting on concluded
 * findings, the head's rating band in a period and the unit's corrective actions; the chairman decides it or
 * Home Affairs withdraws it. Never public, never a unit officer's (actions `proposals:read` and
 * `proposals:write`).
 */
import { z } from "zod";
import { DATE, FINDING_ID, HEAD_ID, UNIT_ID, humanText, version } from "./admin-requests.js";
import { ACTION_ID, ACTION_STATUSES } from "./corrective-actions.js";
import type { ParamSpec } from "./params.js";
import { listOf, named, view } from "./schema-kit.js";

/** Reminder (nhắc nhở), criticism (phê bình), discipline review (xem xét kỷ luật). */
export const PROPOSAL_KINDS = ["REMINDER", "CRITICISM", "DISCIPLINE_REVIEW"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_STATUSES = ["PROPOSED", "DECIDED", "WITHDRAWN"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** At most this many bases per proposal. */
export const MAX_BASES = 10;

export const PROPOSAL_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;

/** `/v1/admin/proposals/{proposalId}`. */
export const proposalIdParam: ParamSpec<"proposalId", string, true> = {
  name: "proposalId",
  in: "path",
  required: true,
  schema: z.string().regex(PROPOSAL_ID, "letters, digits . _ : - (≤ 80)"),
  hint: "letters, digits . _ : - (≤ 80)",
};

/** What a proposal rests on, as Home Affairs names it: the server checks it and records what it found. */
export const proposalBasisInputSchema = named(
  "ProposalBasisInput",
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("FINDING"), findingId: z.string().regex(FINDING_ID, "a finding id") }).describe("A concluded inspection finding of the unit (and of the head, when it names one)."),
    z.strictObject({ kind: z.literal("HEAD_RATING"), period: z.string().min(1).max(16) }).describe("The head's rating in a period: its band, read from the period's ratings."),
    z.strictObject({ kind: z.literal("CORRECTIVE_ACTION"), actionId: z.string().regex(ACTION_ID, "an action id") }).describe("A corrective action opened against the unit (issue 24, item 1), in whatever state it is."),
  ]),
);
export type ProposalBasisInput = z.output<typeof proposalBasisInputSchema>;

/** A basis as recorded: what the server read when it accepted it. */
export const proposalBasisSchema = named(
  "ProposalBasis",
  z.discriminatedUnion("kind", [
    view({
      kind: z.literal("FINDING"),
      findingId: z.string(),
      period: z.string(),
      criterion: z.string(),
      deduction: z.number(),
      noticeNumber: z.string().nullable(),
      noticeDate: z.string().nullable(),
    }),
    view({ kind: z.literal("HEAD_RATING"), period: z.string(), band: z.string(), total: z.number().nullable() }),
    view({ kind: z.literal("CORRECTIVE_ACTION"), actionId: z.string(), status: z.enum(ACTION_STATUSES), deadline: z.string(), required: z.string() }),
  ]),
);
export type ProposalBasis = z.output<typeof proposalBasisSchema>;

const proposalFields = {
  unitId: z.string().regex(UNIT_ID, "a unit id"),
  headId: z.string().regex(HEAD_ID, "a head id"),
  kind: z.enum(PROPOSAL_KINDS),
  basis: z.array(proposalBasisInputSchema).min(1, "at least one basis").max(MAX_BASES, `at most ${MAX_BASES} bases`),
  reason: humanText(2000),
};

/** `POST /v1/admin/proposals`: a client-chosen `proposalId` makes a double submit harmless. */
export const proposalCreateSchema = named("ProposalCreate", z.strictObject({ proposalId: z.string().regex(PROPOSAL_ID, "letters, digits . _ : - (≤ 80)").optional(), ...proposalFields }));
/** `PUT /v1/admin/proposals/{proposalId}`: edit a proposal still PROPOSED. */
export const proposalUpdateSchema = named("ProposalUpdate", z.strictObject({ ...proposalFields, version: version(1) }));
export type ProposalInput = Omit<z.output<typeof proposalCreateSchema>, "proposalId">;

/** `POST …/decide`: the chairman's decision as Home Affairs records it. */
export const proposalDecisionSchema = named(
  "ProposalDecision",
  z.strictObject({
    decisionNumber: humanText(64),
    decisionDate: z.string().regex(DATE, "a date YYYY-MM-DD"),
    outcome: humanText(1000).describe("What was decided (e.g. the form of discipline, or no action)."),
    version: version(1),
  }),
);
export type ProposalDecisionInput = Omit<z.output<typeof proposalDecisionSchema>, "version">;

/** `POST …/withdraw`: withdraw a proposal, saying why. */
export const proposalWithdrawSchema = named("ProposalWithdraw", z.strictObject({ reason: humanText(1000), version: version(1) }));
export type ProposalWithdrawInput = Omit<z.output<typeof proposalWithdrawSchema>, "version">;

export const proposalSchema = named(
  "Proposal",
  view({
    proposalId: z.string(),
    unitId: z.string(),
    headId: z.string(),
    headName: z.string().describe("The head's name in the roster when the proposal was last written."),
    kind: z.enum(PROPOSAL_KINDS),
    basis: listOf(proposalBasisSchema),
    reason: z.string(),
    status: z.enum(PROPOSAL_STATUSES),
    decision: view({ decisionNumber: z.string(), decisionDate: z.string(), outcome: z.string() }).nullable().describe("Set when DECIDED."),
    withdrawReason: z.string().nullable().describe("Set when WITHDRAWN."),
    version: z.number().int().describe("Send it back (If-Match or body) to change the proposal."),
    createdAt: z.string(),
    updatedAt: z.string(),
  }).describe("A proposal on a head of unit (Directive 03, D8). Never public."),
);
export type Proposal = z.output<typeof proposalSchema>;

export const proposalListSchema = named("ProposalList", view({ proposals: listOf(proposalSchema).describe("Newest first.") }));
export type ProposalList = z.output<typeof proposalListSchema>;
