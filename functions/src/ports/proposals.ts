import type { ProposalBasis, ProposalKind, ProposalStatus } from "@scorecard/shared/contracts/proposals";
import type { ConditionalWrite, Versioned } from "./versioned.js";

/**
 * Proposals on heads of unit (Directive 03, D8; issue 24, item 2;
 * docs/adr/0020-proposals-and-report-submissions.md; docs/storage.md "admin items"). One item per
 * proposal; its history is the audit log.
 */
export interface StoredProposal extends Versioned {
  readonly proposalId: string;
  readonly unitId: string;
  readonly headId: string;
  readonly headName: string;
  readonly kind: ProposalKind;
  /** What it rests on, as read when it was accepted. */
  readonly basis: readonly ProposalBasis[];
  readonly reason: string;
  readonly status: ProposalStatus;
  readonly decision: { readonly decisionNumber: string; readonly decisionDate: string; readonly outcome: string } | null;
  readonly withdrawReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ProposalStore {
  get(proposalId: string): Promise<StoredProposal | undefined>;
  /** Every proposal (one partition: a few hundred a year at most). */
  list(): Promise<StoredProposal[]>;
  /** Condition: version = expectedVersion (0 = no item with that id yet). */
  put(item: StoredProposal, expectedVersion: number): Promise<ConditionalWrite>;
}
