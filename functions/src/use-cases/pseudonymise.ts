import type { CaseEventParsed, StoredCaseEvent } from "@scorecard/shared";
import type { KeyedHasher } from "../ports/index.js";

const utc = (iso: string) => new Date(iso).toISOString();

/**
 * The ingestion boundary: the applicant's ID number becomes a keyed pseudonym; name, phone,
 * e-mail and address are dropped; instants are normalised to UTC. Only this shape is stored.
 */
export function toStoredEvent(e: CaseEventParsed, hasher: KeyedHasher): StoredCaseEvent {
  const { applicant, ...rest } = e;
  return {
    ...rest,
    occurredAt: utc(e.occurredAt),
    ...(e.dueAt !== undefined ? { dueAt: utc(e.dueAt) } : {}),
    ...(applicant?.idNumber ? { applicantPseudonym: hasher.pseudonym(applicant.idNumber) } : {}),
  };
}
