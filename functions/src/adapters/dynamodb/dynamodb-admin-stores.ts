import type { AdminStores } from "../../ports/admin.js";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoDbAuditLog } from "./dynamodb-audit-log.js";
import { DynamoDbCorrectiveActionStore } from "./dynamodb-corrective-action-store.js";
import { DynamoDbCriterionStore } from "./dynamodb-criterion-store.js";
import { DynamoDbFindingStore } from "./dynamodb-finding-store.js";
import { DynamoDbHeadStore } from "./dynamodb-head-store.js";
import { DynamoDbImproperReturnStore } from "./dynamodb-improper-return-store.js";
import { DynamoDbProposalStore } from "./dynamodb-proposal-store.js";
import { DynamoDbReportSubmissionStore } from "./dynamodb-report-submission-store.js";
import { DynamoDbReportPublicationStore } from "./dynamodb-report-publication-store.js";
import { DynamoDbSurveyStore } from "./dynamodb-survey-store.js";
import { DynamoDbRulesStore } from "./dynamodb-rules-store.js";
import { RecentWrites, type SettleOptions } from "./index-settle.js";

/**
 * The Home Affairs stores on the single table (docs/storage.md, "admin items"), one file each.
 * Every invariant is one conditional write on one item: dynalite has no TransactWriteItems, and
 * none is needed. The period listings of findings, criteria and heads share one reader of the
 * audit log's recent entries (./index-settle.ts, docs/adr/0013).
 */
export function dynamoDbAdminStores(db: DynamoDBDocumentClient, tableName: string, options: SettleOptions = {}): AdminStores {
  const recent = new RecentWrites(db, tableName, options);
  return {
    findings: new DynamoDbFindingStore(db, tableName, recent),
    criteria: new DynamoDbCriterionStore(db, tableName, recent),
    surveys: new DynamoDbSurveyStore(db, tableName),
    heads: new DynamoDbHeadStore(db, tableName, recent),
    improperReturns: new DynamoDbImproperReturnStore(db, tableName),
    // corrective actions (issue 24, item 1)
    correctiveActions: new DynamoDbCorrectiveActionStore(db, tableName),
    // proposals on heads (issue 24, item 2)
    proposals: new DynamoDbProposalStore(db, tableName),
    // reports and their submission (issue 24, item 3)
    reportSubmissions: new DynamoDbReportSubmissionStore(db, tableName),
    reportPublications: new DynamoDbReportPublicationStore(db, tableName),
    // rules as data (issue 24, item 4)
    rules: new DynamoDbRulesStore(db, tableName),
    audit: new DynamoDbAuditLog(db, tableName),
  };
}
