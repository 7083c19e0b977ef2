/** The live open-case index (early warnings). */
import type { OpenCase } from "@scorecard/shared/contracts/read-api";

export type { OpenCase };

/** The live open-case index (early warning): open dossiers of a unit due before an instant. */
export interface OpenCaseIndex {
  openCasesDueBefore(unitId: string, before: string): Promise<OpenCase[]>;
}
