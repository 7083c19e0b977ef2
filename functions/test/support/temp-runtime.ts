import type { Clock } from "../../src/ports/runtime.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SourceScopes } from "@scorecard/shared/contracts/source-scope";
import { LocalRuntime, SOURCE_SYSTEMS } from "../../src/local/runtime.js";

/**
 * Scopes that let the demo's sources post anything of any date: the tests post dossiers of 2024
 * through the API. The scope tests use the demo's own scopes (DEMO_SOURCE_SCOPES).
 */
export const OPEN_SOURCE_SCOPES: SourceScopes = Object.fromEntries(
  SOURCE_SYSTEMS.map((s) => [s, { kinds: ["events", "complaints", "procedures"], units: ["*"], maxAgeDays: 36_500 }]),
);
/** The same, for a server started as a child process (SCORECARD_SOURCE_SCOPES). */
export const OPEN_SOURCE_SCOPES_ENV = JSON.stringify(OPEN_SOURCE_SCOPES);

/** A local runtime in a fresh temporary data folder (DynamoDB in memory). */
export async function tempRuntime(options: { clock?: Clock; sourceToken?: string; sourceScopes?: SourceScopes } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "scorecard-test-"));
  const rt = await LocalRuntime.start({
    dataDir,
    persist: false,
    sourceToken: options.sourceToken ?? "test-source-token",
    sourceScopes: options.sourceScopes ?? OPEN_SOURCE_SCOPES,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    rt,
    dataDir,
    async dispose() {
      await rt.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
