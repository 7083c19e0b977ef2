/**
 * The generated document passes an OpenAPI 3.1 linter (Redocly CLI, its recommended rules) without
 * errors — and the same check fails a document with a broken $ref, or with a response that is not
 * one (OpenAPI 3.1 lets an operation omit `responses`; a response without its description is invalid).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../src/http/openapi.js";

const REDOCLY = fileURLToPath(new URL("../../node_modules/@redocly/cli/bin/cli.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "openapi-lint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Problem {
  readonly ruleId: string;
  readonly severity: "error" | "warn";
  readonly message: string;
  readonly location: readonly { readonly pointer: string }[];
}

/** `redocly lint --format json` on a document: its problems (the exit code says only "some errors"). */
async function lint(doc: unknown, name: string): Promise<Problem[]> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  const run = promisify(execFile)(process.execPath, [REDOCLY, "lint", file, "--format", "json"], {
    cwd: dir,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
    maxBuffer: 32 * 1024 * 1024,
  });
  const { stdout } = await run.catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? "" }));
  return (JSON.parse(stdout) as { problems: Problem[] }).problems;
}
const errors = (ps: readonly Problem[]) => ps.filter((p) => p.severity === "error").map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ""}: ${p.message}`);

describe("OpenAPI: the document passes Redocly's recommended rules", () => {
  it("has no errors (warnings are listed, not fatal)", async () => {
    const problems = await lint(openApiDocument(), "scorecard");
    expect(errors(problems)).toEqual([]);
    // The warnings we live with: no license is declared, and a few routes cannot answer a 4xx.
    expect([...new Set(problems.map((p) => p.ruleId))].sort()).toEqual(["info-license", "operation-4xx-response"]);
  }, 60_000);

  it("fails a document whose $ref points nowhere", async () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    doc.paths["/v1/public/meta"]!["get"]!.responses["200"] = { description: "x", content: { "application/json": { schema: { $ref: "#/components/schemas/Nowhere" } } } };
    expect(errors(await lint(doc, "broken-ref"))).toEqual([expect.stringMatching(/^no-unresolved-refs #\/paths\/~1v1~1public~1meta\/get\/responses\/200\//)]);
  }, 60_000);

  it("fails a document with a response that is not one (no description, a required field)", async () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>> };
    delete doc.paths["/v1/admin/publish"]!["post"]!.responses["201"]!["description"];
    expect(errors(await lint(doc, "missing-response"))).toEqual([expect.stringMatching(/^struct #\/paths\/~1v1~1admin~1publish\/post\/responses\/201.*description/)]);
  }, 60_000);
});
