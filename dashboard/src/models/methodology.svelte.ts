/**
 * The methodology page: the version the published figures were scored with (the public meta names
 * it), described from its own data; the other versions listed. Loaded once when the page opens.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import type { Methodology } from "@scorecard/shared/methodology/methodology";
import { methodologies } from "../lib/methodology.js";
import type { PagePhase } from "../lib/page-state.svelte.js";

export class MethodologyModel {
  methodology = $state.raw<Methodology | null>(null);
  versions = $state.raw<readonly Methodology[]>([]);
  /** True when the figures' version is the one shown (false: the meta could not be read, the default is shown). */
  inUse = $state(false);
  phase = $state<PagePhase>("loading");

  /** Reads the registry's chunk and the meta (its failure is not fatal: the default version is shown). */
  async load(meta: () => Promise<PublicMeta>): Promise<void> {
    const loaded = await Promise.all([methodologies(), meta().catch(() => null)]).catch(() => null);
    if (!loaded) {
      this.phase = "error";
      return;
    }
    const [r, m] = loaded;
    const named = m ? r.methodologyById(m.methodology) : undefined;
    this.methodology = named ?? r.getMethodology();
    this.inUse = named !== undefined;
    this.versions = r.METHODOLOGY_VERSIONS;
    this.phase = "ready";
  }
}
