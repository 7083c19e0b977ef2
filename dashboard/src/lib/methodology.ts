/**
 * The methodology versions, for naming what a snapshot shows: every indicator, group and band name,
 * unit of measure, direction and the maximum total come from the version the snapshot was scored
 * with (`methodologyById(snapshot.methodology)`), never from a list kept here.
 *
 * The versions are data (≈ 35 kB of text): a chunk of their own, asked for together with the first
 * ranking so that the first page's JS does not grow.
 */
import type { Methodology } from "@scorecard/shared/methodology/methodology";

export type { Methodology };

type Registry = typeof import("@scorecard/shared/methodology/registry");
let registry: Promise<Registry> | null = null;

/** The registry module, imported once. */
export function methodologies(): Promise<Registry> {
  registry ??= import("@scorecard/shared/methodology/registry").catch((e: unknown) => {
    registry = null;
    throw e;
  });
  return registry;
}

/** The version with that id; undefined for one this build does not know (pages then show codes, never guessed names or units). */
export async function methodologyFor(id: string | null | undefined): Promise<Methodology | undefined> {
  const r = await methodologies();
  return id ? r.methodologyById(id) : undefined;
}

/** The default version (the methodology page without a snapshot to name one). */
export async function defaultMethodology(): Promise<Methodology> {
  const r = await methodologies();
  return r.getMethodology();
}

/** "2026.2" from "dn-2026.2": the version number readers see beside the full name. */
export const versionNumber = (id: string): string => id.replace(/^[a-z]+-/i, "");
