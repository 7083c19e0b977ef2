import type { Server } from "node:http";
import { join } from "node:path";
import { createLocalServer, listen } from "../../src/local/server.js";
import { tempRuntime } from "./temp-runtime.js";

export const TEST_TOKEN = "test-source-token";

/** A local runtime with its HTTP server on a random loopback port. */
export async function httpFixture() {
  const env = await tempRuntime({ sourceToken: TEST_TOKEN });
  const server: Server = createLocalServer(env.rt, { dashboardDir: join(env.dataDir, "no-dashboard") });
  const base = `http://127.0.0.1:${await listen(server, 0)}`;
  return {
    ...env,
    base,
    post(path: string, body: string | Uint8Array, headers: Record<string, string> = {}) {
      return fetch(`${base}${path}`, { method: "POST", body: body as BodyInit, headers: { authorization: `Bearer ${TEST_TOKEN}`, "content-type": "application/json", ...headers } });
    },
    async close() {
      await new Promise((ok) => server.close(ok));
      await env.dispose();
    },
  };
}
