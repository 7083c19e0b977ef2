/**
 * Fault injection through wrappers (reliability.md §b rows 24–25, 29–30): nothing here edits an
 * adapter. Two layers:
 *
 *  - `injectDynamoFaults(client, …)`: a middleware on the DynamoDB client's stack (shared by the
 *    document client every adapter uses), at the `initialize` step — above the SDK's own retries, so
 *    an injected fault is what the adapter sees once the SDK has given up. Kinds: throttling
 *    (ProvisionedThroughputExceededException / ThrottlingException, the call never reaches the
 *    table), a timeout before the call is sent, and a timeout AFTER the call was applied (the
 *    ambiguous case: the write happened, the caller is told it failed);
 *  - port wrappers (`faultyLake`, `faultyEngine`, `faultyExec`): the
 *    ports of functions/src/ports, wrapped; a full disk (ENOSPC) leaves a half-written temp file
 *    behind, as a real writeFile would.
 *
 * Every decision comes from one seeded generator, and every injected fault is counted, so a test can
 * print "faults injected vs outcomes" and replay a failure from its seed.
 */
import type { QueryEngine } from "../../src/ports/engine.js";
import type { Lake } from "../../src/ports/lake.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ProvisionedThroughputExceededException, type DynamoDBClient } from "@aws-sdk/client-dynamodb";

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts by fault kind (and calls seen), for the report. */
export class FaultLog {
  readonly counts: Record<string, number> = {};
  calls = 0;
  hit(kind: string): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }
  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }
}

/** A switch shared by the wrappers of one scenario: faults on or off ("the faults stop"). */
export class FaultPlan {
  enabled = true;
  constructor(
    readonly random: () => number,
    readonly log = new FaultLog(),
  ) {}
  /** True with probability p while enabled (and counts the fault under `kind`). */
  roll(p: number, kind: string): boolean {
    if (!this.enabled || p <= 0) return false;
    if (this.random() >= p) return false;
    this.log.hit(kind);
    return true;
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function sdkError(name: string, message: string, retryable: boolean): Error {
  const e = new Error(message) as Error & { $metadata: object; $retryable?: object; $fault: string };
  e.name = name;
  e.$metadata = { httpStatusCode: name === "TimeoutError" ? undefined : 400, attempts: 5 };
  e.$fault = "client";
  if (retryable) e.$retryable = { throttling: name !== "TimeoutError" };
  return e;
}

export interface DynamoFaultRates {
  /** ProvisionedThroughputExceededException / ThrottlingException (alternating), call not sent. */
  readonly throttle: number;
  /** TimeoutError after a delay, call not sent. */
  readonly timeoutBefore: number;
  /** TimeoutError after the call was applied by the table (ambiguous outcome). */
  readonly timeoutAfter: number;
  /** Delay of a timeout, ms. */
  readonly timeoutMs?: number;
}

/**
 * Inject DynamoDB faults into every command sent through `client` (and the document clients built
 * from it). Returns a remover.
 */
export function injectDynamoFaults(client: DynamoDBClient, plan: FaultPlan, rates: DynamoFaultRates): () => void {
  const name = `fault-injection-${Math.random().toString(36).slice(2)}`;
  let flip = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      plan.log.calls++;
      const command = String((context as { commandName?: string }).commandName ?? "command");
      if (plan.roll(rates.throttle, "dynamodb.throttle")) {
        flip = !flip;
        throw flip
          ? new ProvisionedThroughputExceededException({ message: `injected: throughput exceeded on ${command}`, $metadata: { httpStatusCode: 400, attempts: 5 } })
          : sdkError("ThrottlingException", `injected: rate exceeded on ${command}`, true);
      }
      if (plan.roll(rates.timeoutBefore, "dynamodb.timeout-before-send")) {
        await sleep(rates.timeoutMs ?? 5);
        throw sdkError("TimeoutError", `injected: ${command} timed out before it was sent`, false);
      }
      const result = await next(args);
      if (plan.roll(rates.timeoutAfter, "dynamodb.timeout-after-apply")) {
        throw sdkError("TimeoutError", `injected: ${command} timed out after it was applied`, false);
      }
      return result;
    },
    { step: "initialize", name, priority: "high" },
  );
  return () => client.middlewareStack.remove(name);
}

export interface LakeFaultRates {
  /** EIO on put. */
  readonly putError: number;
  /** ENOSPC on put, leaving a truncated temp file (a full disk). */
  readonly diskFull: number;
  /** Only keys starting with one of these prefixes are faulted (default: all). */
  readonly prefixes?: readonly string[];
}

const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code, errno: code === "ENOSPC" ? -28 : -5 });

/** The lake port, wrapped: put may fail (EIO) or hit a full disk (ENOSPC, debris left behind); the rest is passed through. */
export function faultyLake<L extends Lake & { root?: string }>(lake: L, plan: FaultPlan, rates: LakeFaultRates): Lake {
  const faulted = (key: string) => !rates.prefixes || rates.prefixes.some((p) => key.startsWith(p));
  return {
    async put(key, body, contentType) {
      plan.log.calls++;
      if (faulted(key) && plan.roll(rates.diskFull, "lake.enospc")) {
        if (lake.root) {
          // What a write cut short by a full disk leaves: part of the bytes in the temp file.
          const tmp = `${join(lake.root, ...key.split("/"))}.${process.pid}.${Date.now()}.tmp`;
          mkdirSync(dirname(tmp), { recursive: true });
          writeFileSync(tmp, typeof body === "string" ? body.slice(0, body.length >> 1) : body.subarray(0, body.length >> 1));
        }
        throw errno("ENOSPC", `no space left on device, write '${key}'`);
      }
      if (faulted(key) && plan.roll(rates.putError, "lake.put-error")) throw errno("EIO", `i/o error, write '${key}'`);
      return lake.put(key, body, contentType);
    },
    get: (key) => lake.get(key),
    list: (prefix) => lake.list(prefix),
    removePrefix: (prefix) => lake.removePrefix(prefix),
  };
}

/** The query engine port, wrapped: any statement (query, materialize, unload, drop, keep, attach) fails with a DuckDB-like error. */
export function faultyEngine(engine: QueryEngine, plan: FaultPlan, rate: number): QueryEngine {
  const statement = (what: string) => {
    plan.log.calls++;
    if (plan.roll(rate, `duckdb.${what}-error`)) throw new Error("IO Error: injected: could not read file curated/events/month=…/events.parquet");
  };
  return {
    async query(sql, params) {
      statement("query");
      return engine.query(sql, params);
    },
    async materialize(name, sql, params, kind) {
      statement("materialize");
      return engine.materialize(name, sql, params, kind);
    },
    async unload(sql, params, prefix, partitionBy) {
      statement("unload");
      return engine.unload(sql, params, prefix, partitionBy);
    },
    async drop(relations) {
      statement("drop");
      return engine.drop(relations);
    },
    async keep(name, sql, params, prefix) {
      statement("keep");
      return engine.keep(name, sql, params, prefix);
    },
    async attach(name, prefix) {
      statement("attach");
      return engine.attach(name, prefix);
    },
  };
}

/** An engine object that also has `exec` (the compactors' need), with `exec` faulted. */
export function faultyExec<E extends { exec(sql: string): Promise<void> }>(engine: E, plan: FaultPlan, rate: number): E {
  return new Proxy(engine, {
    get(target, prop, receiver) {
      if (prop === "exec") {
        return async (sql: string) => {
          plan.log.calls++;
          if (plan.roll(rate, "duckdb.exec-error")) throw new Error("Out of Memory Error: injected: failed to allocate block");
          return target.exec(sql);
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
