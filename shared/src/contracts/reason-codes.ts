/**
 * Why a dossier was returned (REFUSED, STOPPED) or why documents were asked for
 * (SUPPLEMENT_REQUESTED): the published list of `reasonCode` values of the case-event contract
 * (./case-event.ts; docs/adr/0015-improper-returns.md). Imports nothing, so pages and exports can
 * show the labels without loading zod.
 *
 * The list follows the grounds the one-stop rules name for sending a dossier back or asking for
 * more (Decree 61/2018/NĐ-CP art. 18–19, as amended by Decree 107/2021/NĐ-CP): an incomplete or
 * invalid dossier, conditions not met, a matter outside the unit's remit, a supplement not
 * provided in time, the applicant's own request — and OTHER, a reason stated in the return notice
 * that is none of these.
 *
 * `reasonCode` is optional on the wire (older one-stop software does not send it). An event
 * without one reads as UNSPECIFIED, which is not a value a source may send. No code — and
 * certainly not UNSPECIFIED — makes a return lawful by itself: a return counts as improper when
 * Home Affairs marks it so (an inspection finding, an upheld complaint, its own decision), whatever
 * reason the unit gave (methodology dn-2026.2, R3).
 */

/** The codes a source may send, in the order they are listed to users. */
export const REASON_CODES = [
  "MISSING_DOCUMENT",
  "INVALID_DOCUMENT",
  "CONDITIONS_NOT_MET",
  "OUTSIDE_REMIT",
  "SUPPLEMENT_NOT_PROVIDED",
  "APPLICANT_REQUEST",
  "OTHER",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** What an event of a type that takes a reason, sent without one, reads as. Never accepted on the wire. */
export const UNSPECIFIED_REASON = "UNSPECIFIED" as const;
export type ReasonCodeOrUnspecified = ReasonCode | typeof UNSPECIFIED_REASON;

/** The event types that carry a reason: the two returns and the supplement request. */
export const REASON_EVENT_TYPES = ["REFUSED", "STOPPED", "SUPPLEMENT_REQUESTED"] as const;
export type ReasonEventType = (typeof REASON_EVENT_TYPES)[number];

export interface ReasonDefinition {
  readonly code: ReasonCodeOrUnspecified;
  readonly vi: string;
  readonly en: string;
  /** The event types on which a source may send it (none for UNSPECIFIED). */
  readonly appliesTo: readonly ReasonEventType[];
}

const RETURNS: readonly ReasonEventType[] = ["REFUSED", "STOPPED"];
const ALL: readonly ReasonEventType[] = ["REFUSED", "STOPPED", "SUPPLEMENT_REQUESTED"];

/** Every code with its labels and the event types it applies to; UNSPECIFIED last. */
export const REASONS: readonly ReasonDefinition[] = [
  { code: "MISSING_DOCUMENT", vi: "Hồ sơ thiếu thành phần, giấy tờ theo quy định", en: "A required document is missing", appliesTo: ALL },
  { code: "INVALID_DOCUMENT", vi: "Giấy tờ không hợp lệ (sai mẫu, hết hiệu lực, thông tin không thống nhất)", en: "A document is invalid (wrong form, expired, inconsistent)", appliesTo: ALL },
  { code: "CONDITIONS_NOT_MET", vi: "Không đủ điều kiện giải quyết theo quy định của pháp luật", en: "The legal conditions for the procedure are not met", appliesTo: RETURNS },
  { code: "OUTSIDE_REMIT", vi: "Không thuộc thẩm quyền giải quyết của cơ quan", en: "Outside the unit's remit", appliesTo: RETURNS },
  { code: "SUPPLEMENT_NOT_PROVIDED", vi: "Quá thời hạn yêu cầu mà không bổ sung, hoàn thiện hồ sơ", en: "Documents not supplied by the deadline of a supplement request", appliesTo: RETURNS },
  { code: "APPLICANT_REQUEST", vi: "Theo đề nghị của người nộp hồ sơ", en: "At the applicant's request", appliesTo: RETURNS },
  { code: "OTHER", vi: "Lý do khác (ghi trong văn bản trả lại, yêu cầu bổ sung)", en: "Another reason (stated in the notice)", appliesTo: ALL },
  { code: UNSPECIFIED_REASON, vi: "Không ghi lý do", en: "No reason recorded", appliesTo: [] },
];

const BY_CODE: ReadonlyMap<string, ReasonDefinition> = new Map(REASONS.map((r) => [r.code, r]));

/** The definition of a code (UNSPECIFIED included); undefined for anything else. */
export const reasonDefinition = (code: string): ReasonDefinition | undefined => BY_CODE.get(code);

/** Does `type` take a reason code at all? */
export const takesReason = (type: string): type is ReasonEventType => (REASON_EVENT_TYPES as readonly string[]).includes(type);

/**
 * The reason an event records: its code, UNSPECIFIED when a returning or supplement-request event
 * has none, null for other event types.
 * @example reasonOf({ type: "REFUSED" }) === "UNSPECIFIED"
 */
export function reasonOf(e: { readonly type: string; readonly reasonCode?: ReasonCode | undefined }): ReasonCodeOrUnspecified | null {
  if (!takesReason(e.type)) return null;
  return e.reasonCode ?? UNSPECIFIED_REASON;
}
