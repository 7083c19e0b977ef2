/**
 * Home Affairs' marks of improper returns into the lake (issue 20, item 6;
 * docs/adr/0015-improper-returns.md): the marked returns of the admin store (DynamoDB), rendered as
 * the rows of `curated_improper_returns` (shared/src/lake/schema.ts) — one JSON-lines object at
 * `curated/improper_returns/improper_returns.json.gz`, written the way the domain dims are
 * (./write-dims.ts): whole, and only when its content changed. Athena reads it where it lies; the
 * local engine binds a view to the same object. The case SQL joins it on the dossier id: R3 and
 * R9_R3 of dn-2026.2 count the returns it names.
 *
 * Every scoring run writes it before it stages the facts (score-period.ts), and so does the check
 * for late inputs before it reads what the periods were scored on (scored-inputs.ts): a mark made
 * since the last run reaches the periods it touches at the next scheduled run.
 */
import type { ImproperReturnStore } from "../../ports/admin.js";
import type { Lake } from "../../ports/lake.js";
import { improperReturnsKey } from "@scorecard/shared/lake/layout";
import { CURATED_IMPROPER_RETURNS_TABLE } from "@scorecard/shared/lake/schema";
import { gunzipSync } from "node:zlib";
import { sha256Hex } from "../../lib/canonical.js";
import { jsonLines, jsonLinesGz, sqlTimestampText } from "../../lib/json-lines.js";
import type { DimWrite } from "./write-dims.js";

/** Where the marks come from: the admin store's items (only the marked ones are written). */
export type ImproperReturnSource = Pick<ImproperReturnStore, "list">;

/** A row of `curated_improper_returns`. */
export interface ImproperReturnRow {
  readonly case_id: string;
  readonly basis: string;
  readonly reference: string;
  readonly marked_at: string;
}

/** The table's rows from the store's items: marked returns only, one per dossier, in dossier order. */
export async function improperReturnRows(source: ImproperReturnSource): Promise<ImproperReturnRow[]> {
  const rows = (await source.list())
    .filter((m) => m.status === "MARKED")
    .map((m): ImproperReturnRow => ({
      case_id: m.caseId,
      basis: m.basis.kind,
      reference: m.basis.kind === "INSPECTION_FINDING" ? m.basis.findingId : m.basis.kind === "UPHELD_COMPLAINT" ? m.basis.complaintId : m.basis.decisionNumber,
      marked_at: sqlTimestampText(m.markedAt) as string,
    }));
  return rows.sort((a, b) => (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0));
}

function storedText(body: Uint8Array | undefined): string | undefined {
  if (body === undefined) return undefined;
  try {
    return gunzipSync(body).toString("utf8");
  } catch {
    return undefined; // unreadable: rewrite it
  }
}

/**
 * Write the marked returns to the lake when they differ from what is there. Without a source (a
 * deployment or test without the admin store) nothing is written and the table stays as it is.
 */
export const writeImproperReturns =
  (deps: { readonly lake: Lake; readonly improperReturns?: ImproperReturnSource | undefined }) =>
  async (): Promise<DimWrite | null> => {
    if (deps.improperReturns === undefined) return null;
    const rows = await improperReturnRows(deps.improperReturns);
    const key = improperReturnsKey();
    const text = jsonLines(rows);
    const hash = sha256Hex(text);
    const stored = storedText(await deps.lake.get(key));
    // An empty object (the local engine's placeholder) and no rows are the same table.
    const written = stored === undefined ? true : sha256Hex(stored) !== hash;
    if (written) await deps.lake.put(key, jsonLinesGz(rows), "application/gzip");
    return { table: CURATED_IMPROPER_RETURNS_TABLE.name, key, rows: rows.length, sha256: hash, written };
  };
