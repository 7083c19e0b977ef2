import type { KeyedHasher } from "../../ports/ingest.js";
import type { CaseEventParsed, StoredCaseEvent } from "@scorecard/shared";
import { utcIso as utc } from "./instant.js";
const NON_ASCII = /[^\x00-\x7f]/;
// Vietnamese text may arrive decomposed (NFD): ids are compared in NFC so "Nguyễn" is one id.
const nfc = (s: string) => (NON_ASCII.test(s) ? s.normalize("NFC") : s);

/**
 * The ingestion boundary: the applicant's ID number becomes a keyed pseudonym; name, phone,
 * e-mail and address are dropped; instants are normalised to UTC. Only this shape is stored.
 * Keys keep the parsed event's order (the schema's), the pseudonym last: the stored JSON, and
 * the bulk import's content-addressed object names, do not change with the way it is built.
 */
export function toStoredEvent(e: CaseEventParsed, hasher: KeyedHasher): StoredCaseEvent {
  const out: Record<string, unknown> = {};
  for (const key in e) if (key !== "applicant") out[key] = e[key as keyof CaseEventParsed];
  out["eventId"] = nfc(e.eventId);
  out["caseId"] = nfc(e.caseId);
  out["occurredAt"] = utc(e.occurredAt);
  if (e.dueAt !== undefined) out["dueAt"] = utc(e.dueAt);
  const idNumber = e.applicant?.idNumber;
  if (idNumber) out["applicantPseudonym"] = hasher.pseudonym(idNumber);
  return out as unknown as StoredCaseEvent;
}
