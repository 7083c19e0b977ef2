import type { ConditionalWrite } from "../../ports/admin.js";
import type { ProposalStore, StoredProposal } from "../../ports/proposals.js";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { auditText, getItem, parseAudit, putAtVersion, readPartition } from "./admin-items.js";

const PK = "ADMIN#PROPOSALS";

/**
 * Proposals on heads (issue 24, item 2): `ADMIN#PROPOSALS` / `<proposalId>`, one item per
 * proposal, each written at its expected version (docs/storage.md "admin items"). One partition,
 * read whole with a consistent query: Home Affairs records a few hundred a year at most.
 */
export class DynamoDbProposalStore implements ProposalStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(proposalId: string): Promise<StoredProposal | undefined> {
    const item = await getItem(this.db, this.tableName, PK, proposalId);
    return item ? toProposal(item) : undefined;
  }

  async list(): Promise<StoredProposal[]> {
    const items = await readPartition(this.db, this.tableName, PK);
    return items.map(toProposal);
  }

  async put(p: StoredProposal, expectedVersion: number): Promise<ConditionalWrite> {
    return putAtVersion(
      this.db,
      this.tableName,
      {
        pk: PK,
        sk: p.proposalId,
        kind: "PROPOSAL",
        proposalId: p.proposalId,
        unitId: p.unitId,
        headId: p.headId,
        headName: p.headName,
        proposalKind: p.kind,
        basis: JSON.stringify(p.basis),
        reason: p.reason,
        status: p.status,
        decision: p.decision === null ? null : JSON.stringify(p.decision),
        withdrawReason: p.withdrawReason,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
        version: p.version,
        lastAudit: auditText(p.lastAudit),
      },
      expectedVersion,
    );
  }
}

function toProposal(i: Record<string, unknown>): StoredProposal {
  return {
    proposalId: i["proposalId"] as string,
    unitId: i["unitId"] as string,
    headId: i["headId"] as string,
    headName: i["headName"] as string,
    kind: i["proposalKind"] as StoredProposal["kind"],
    basis: JSON.parse(i["basis"] as string) as StoredProposal["basis"],
    reason: i["reason"] as string,
    status: i["status"] as StoredProposal["status"],
    decision: typeof i["decision"] === "string" ? (JSON.parse(i["decision"]) as StoredProposal["decision"]) : null,
    withdrawReason: (i["withdrawReason"] as string | null | undefined) ?? null,
    createdAt: i["createdAt"] as string,
    updatedAt: i["updatedAt"] as string,
    version: i["version"] as number,
    lastAudit: parseAudit(i["lastAudit"]),
  };
}
