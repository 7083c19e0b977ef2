import type { Clock } from "../../src/ports/runtime.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalRuntime } from "../../src/local/runtime.js";

/** A local runtime in a fresh temporary data folder (DynamoDB in memory). */
export async function tempRuntime(options: { clock?: Clock; sourceToken?: string } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "scorecard-test-"));
  const rt = await LocalRuntime.start({ dataDir, persist: false, sourceToken: options.sourceToken ?? "test-source-token", ...(options.clock ? { clock: options.clock } : {}) });
  return {
    rt,
    dataDir,
    async dispose() {
      await rt.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
