/**
 * Methodology versions by id. Pure data and no zod: the dashboard imports it by subpath
 * (`@scorecard/shared/methodology/registry`) to show a snapshot with the version it was scored with.
 */
import { DN_2026_1 } from "./dn-2026-1.js";
import { DN_2026_2 } from "./dn-2026-2.js";
import { type Methodology, UnknownMethodologyError } from "./methodology.js";

/** Every version, oldest first. Published results keep the version they were computed with. */
export const METHODOLOGY_VERSIONS: readonly Methodology[] = [DN_2026_1, DN_2026_2];

export const METHODOLOGIES: Readonly<Record<string, Methodology>> = Object.fromEntries(METHODOLOGY_VERSIONS.map((m) => [m.id, m]));

/** The version scoring runs use unless told otherwise (METHODOLOGY_ID on AWS). */
export const DEFAULT_METHODOLOGY_ID: string = DN_2026_2.id;

/**
 * The version with that id, or undefined for an id this build does not know (a page can then say so).
 * @example methodologyById("dn-2026.2")?.maxTotal === 100
 */
export function methodologyById(id: string): Methodology | undefined {
  return Object.hasOwn(METHODOLOGIES, id) ? METHODOLOGIES[id] : undefined;
}

/**
 * The methodology version with that id (default: the current default version); throws for an unknown id.
 * @example getMethodology("dn-2026.1").groups.length === 6
 */
export function getMethodology(id: string = DEFAULT_METHODOLOGY_ID): Methodology {
  const m = methodologyById(id);
  if (m === undefined) throw new UnknownMethodologyError(id);
  return m;
}
