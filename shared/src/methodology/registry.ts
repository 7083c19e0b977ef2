/** Methodology versions by id. */
import { DEFAULT_METHODOLOGY_ID, METHODOLOGIES } from "./dn-2026-1.js";
import { type Methodology, UnknownMethodologyError } from "./methodology.js";

/**
 * The methodology version with that id (default: the current default version).
 * @example getMethodology("dn-2026.1").groups.length === 6
 */
export function getMethodology(id: string = DEFAULT_METHODOLOGY_ID): Methodology {
  const m = METHODOLOGIES[id];
  if (m === undefined) throw new UnknownMethodologyError(id);
  return m;
}
