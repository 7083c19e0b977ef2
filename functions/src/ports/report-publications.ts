import type { Versioned, ConditionalWrite } from "./versioned.js";

/**
 * Published (frozen) report documents (issue 24, item 3; docs/adr/0021-reports.md): one item per
 * version of a period's province report, written once (the write is the commit point), never
 * changed or deleted; the document's text is kept as it was served, byte for byte.
 */
export interface StoredReportPublication extends Versioned {
  readonly period: string;
  readonly methodology: string;
  readonly publishedAt: string;
  readonly publishedBy: { readonly sub: string; readonly role: string };
  /** The frozen ReportDocument, as text. */
  readonly body: string;
}

export interface ReportPublicationStore {
  /** A period's versions, oldest first. */
  list(period: string): Promise<StoredReportPublication[]>;
  get(period: string, version: number): Promise<StoredReportPublication | undefined>;
  /** Condition: no item of that period and version yet. */
  create(item: StoredReportPublication): Promise<ConditionalWrite>;
}
