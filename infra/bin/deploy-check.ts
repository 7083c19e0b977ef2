/**
 * `npm run deploy:check [-- -c key=value …] [--stage dev|prod] [--strict]`: the deploy rehearsal.
 * Synthesizes the stages with the operator's context (the same `-c` values `cdk deploy` will get),
 * walks the templates and prints a checklist (infra/lib/deploy-check.ts); exits 1 on any ✗ (with
 * --strict, on any ⚠ too). No AWS credentials are needed. Runbook: docs/deploy.md.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deployChecks, formatChecklist, synthesizeStages } from "../lib/deploy-check.js";
import { STAGES, type StageName, isStageName } from "../lib/stage-config.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// cdk.json's context first (as `cdk deploy` reads it), then -c values over it.
const context: Record<string, unknown> = { ...((JSON.parse(readFileSync(path.join(repo, "cdk.json"), "utf8")) as { context?: Record<string, unknown> }).context ?? {}) };
let stages: readonly StageName[] = STAGES;
let strict = false;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "-c" || a === "--context") {
    const kv = args[++i] ?? "";
    const eq = kv.indexOf("=");
    if (eq < 1) throw new Error(`${a} expects key=value, got "${kv}"`);
    context[kv.slice(0, eq)] = kv.slice(eq + 1);
  } else if (a === "--stage") {
    const s = args[++i];
    if (!isStageName(s)) throw new Error(`--stage: dev | prod, got "${String(s)}"`);
    stages = [s];
  } else if (a === "--strict") strict = true;
  else throw new Error(`unknown argument "${a}" (usage: npm run deploy:check -- [-c key=value …] [--stage dev|prod] [--strict])`);
}
if (typeof context["stage"] === "string" && isStageName(context["stage"])) stages = [context["stage"]];

const started = performance.now();
process.stderr.write(`synthesizing ${stages.join(", ")}…\n`);
const { stages: synthesized, report } = synthesizeStages(context, stages);
const items = await deployChecks(synthesized, report);
const { text, blocking } = formatChecklist(items, strict);
console.log(text);
process.stderr.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
process.exitCode = blocking ? 1 : 0;
