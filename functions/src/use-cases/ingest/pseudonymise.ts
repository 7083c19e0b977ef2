import type { KeyedHasher } from "../../ports/ingest.js";
import type { CaseEventParsed, StoredCaseEvent } from "@scorecard/shared";

const utc = (iso: string) => new Date(iso).toISOString();

/**
 * The ingestion boundary: the applicant's ID number becomes a keyed pseudonym; name, phone,
 * e-mail and address are dropped; instants are normalised to UTC. Only this shape is stored.
 */
export function toStoredEvent(e: CaseEventParsed, hasher: KeyedHasher): StoredCaseEvent {
  const { applicant, ...rest } = e;
  return {
    ...rest,
    // Vietnamese text may arrive decomposed (NFD): ids are compared in NFC so "Nguyễn" is one id.
    eventId: rest.eventId.normalize("NFC"),
    caseId: rest.caseId.normalize("NFC"),
    occurredAt: utc(e.occurredAt),
    ...(e.dueAt !== undefined ? { dueAt: utc(e.dueAt) } : {}),
    ...(applicant?.idNumber ? { applicantPseudonym: hasher.pseudonym(applicant.idNumber) } : {}),
  };
}
