/**
 * A parser compiled from a zod schema's own definition, for the accepting path only.
 *
 * zod 4 spends most of a valid event's time on its machinery (payloads, issue arrays, a result
 * object and a context per call, ~13–38 µs per case event on this project's machines) rather than
 * on the rules. `compileAcceptor` walks the schema's definition once and builds closures that
 * answer one question: does zod accept this input, and with which output? It never writes an
 * error: anything it does not accept is handed to zod (`fastValidate`), so messages and codes stay
 * exactly the API's.
 *
 * How each node agrees with zod (node_modules/zod/v4/core/schemas.js, 4.6.x):
 *  - the rules themselves are zod's: every check of a node (its own format check first, as in
 *    `$ZodType`, then `def.checks`) runs through the check's own `_zod.check` on a payload, with
 *    its `when` guard; the node is accepted only when no check raised an issue, and the value a
 *    check may overwrite is the value kept;
 *  - the types are the ones zod parses itself: string, number (finite, not NaN), boolean, enum
 *    (its `_zod.values`), optional (undefined passes), pipe (in, then out), object (zod's
 *    `isObject`, the shape's keys in order with zod's optional-key rules, unknown keys refused for
 *    a strict object and dropped for a plain one);
 *  - any other node (transform, union, default, a coercing primitive, a passthrough catch-all…)
 *    is run by zod itself (`_zod.run`) on its own payload: slower, and identical by construction.
 * The equivalence is tested on a fast-check corpus (shared/test/fast-case-event.property.test.ts).
 */
import type { z } from "zod";
import { type Validated, toNfc, validate } from "./validation.js";

/** What an acceptor returns for anything zod would not accept as it is. */
export const NOT_ACCEPTED: unique symbol = Symbol("not accepted");
export type Acceptor<T> = (input: unknown) => T | typeof NOT_ACCEPTED;

type Node = (value: unknown) => unknown;
const NO = NOT_ACCEPTED;

/** The parts of zod 4's internals this file reads: a schema's definition and its checks. */
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Check {
  _zod: { def: { check?: string; when?: (p: Payload) => boolean }; check: (p: Payload) => unknown };
}
interface Internals {
  def: {
    type: string;
    checks?: Check[];
    coerce?: boolean;
    shape?: Record<string, z.ZodType>;
    catchall?: z.ZodType;
    innerType?: z.ZodType;
    in?: z.ZodType;
    out?: z.ZodType;
  };
  traits: Set<string>;
  values?: Set<unknown>;
  optin?: "optional" | "defaulted";
  optout?: "optional";
  run: (p: Payload, ctx: { async: false }) => Payload | Promise<Payload>;
}
const internals = (s: z.ZodType) => (s as unknown as { _zod: Internals })._zod;

const SYNC = { async: false } as const;

/** zod runs the node on a payload of its own: the exact answer for any node this file does not model. */
function byZod(schema: z.ZodType): Node {
  const zod = internals(schema);
  return (value) => {
    const r = zod.run({ value, issues: [] }, SYNC);
    if (r instanceof Promise) return NO;
    return r.issues.length === 0 ? r.value : NO;
  };
}

/** A node's checks as zod's `runChecks` runs them on a payload without issues. */
function withChecks(schema: z.ZodType, parse: Node): Node {
  const zod = internals(schema);
  const checks = [...(zod.traits.has("$ZodCheck") ? [schema as unknown as Check] : []), ...(zod.def.checks ?? [])];
  if (checks.length === 0) return parse;
  const run = checks.map((c) => c._zod.check);
  const when = checks.map((c) => c._zod.def.when);
  const n = checks.length;
  return (input) => {
    const value = parse(input);
    if (value === NO) return NO;
    const payload: Payload = { value, issues: [] };
    for (let i = 0; i < n; i++) {
      const guard = when[i];
      if (guard !== undefined && !guard(payload)) continue;
      const r = (run[i] as (p: Payload) => unknown)(payload);
      if (r instanceof Promise || payload.issues.length !== 0) return NO;
    }
    return payload.value;
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function objectNode(schema: z.ZodType, depth: number): Node {
  const { def } = internals(schema);
  const shape = def.shape ?? {};
  if (Object.getOwnPropertySymbols(shape).length > 0) return byZod(schema);
  const catchall = def.catchall === undefined ? "strip" : internals(def.catchall).def.type === "never" ? "strict" : null;
  if (catchall === null) return byZod(schema);
  const keys = Object.keys(shape).filter((k) => k !== "__proto__");
  const known = new Set(Object.keys(shape));
  const fields = keys.map((key) => {
    const child = internals(shape[key] as z.ZodType);
    return { key, parse: compile(shape[key] as z.ZodType, depth + 1), optin: child.optin, optout: child.optout };
  });
  const n = fields.length;
  return (input) => {
    if (!isObject(input)) return NO;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const f = fields[i] as (typeof fields)[number];
      const present = f.key in input;
      const value = f.parse(input[f.key]);
      // $ZodObjectJIT: the three kinds of key (optional in and out; required; optional in only).
      if (f.optin !== undefined && f.optout === "optional") {
        if (value === NO) {
          if (present) return NO;
        } else if (f.optin === "optional" ? present : value !== undefined || present) out[f.key] = value;
      } else if (f.optin === undefined) {
        if (value === NO || !present) return NO;
        out[f.key] = value;
      } else {
        if (value === NO) return NO;
        if (f.optin === "defaulted" || value !== undefined || present) out[f.key] = value;
      }
    }
    if (catchall === "strict") {
      for (const key in input) if (!known.has(key)) return NO;
    }
    return out;
  };
}

function compile(schema: z.ZodType, depth = 0): Node {
  if (depth > 64) return byZod(schema); // a recursive (lazy) shape is zod's to walk
  const { def, values } = internals(schema);
  if (def.coerce) return byZod(schema);
  switch (def.type) {
    case "string":
      return withChecks(schema, (v) => (typeof v === "string" ? v : NO));
    case "number":
      return withChecks(schema, (v) => (typeof v === "number" && !Number.isNaN(v) && Number.isFinite(v) ? v : NO));
    case "boolean":
      return withChecks(schema, (v) => (typeof v === "boolean" ? v : NO));
    case "enum": {
      const set = values as Set<unknown>;
      return withChecks(schema, (v) => (set.has(v) ? v : NO));
    }
    case "optional": {
      const inner = def.innerType as z.ZodType;
      // Only a defaulted inner substitutes for absence: zod's to run.
      if (internals(inner).optin === "defaulted" || internals(schema).traits.has("$ZodExactOptional")) return byZod(schema);
      const parse = compile(inner, depth + 1);
      return withChecks(schema, (v) => (v === undefined ? v : parse(v)));
    }
    case "pipe": {
      if (!internals(schema).traits.has("$ZodPipe") || internals(schema).traits.has("$ZodCodec")) return byZod(schema);
      const first = compile(def.in as z.ZodType, depth + 1);
      const then = compile(def.out as z.ZodType, depth + 1);
      return withChecks(schema, (v) => {
        const left = first(v);
        return left === NO ? NO : then(left);
      });
    }
    case "object":
      return withChecks(schema, objectNode(schema, depth));
    default:
      return byZod(schema);
  }
}

/** Build, once, the accepting path of `schema`: its output for what zod accepts, NOT_ACCEPTED otherwise. */
export function compileAcceptor<S extends z.ZodType>(schema: S): Acceptor<z.output<S>> {
  return compile(schema) as Acceptor<z.output<S>>;
}

/**
 * `validate(schema, input)` with the compiled path first: the same answer (a test holds them equal),
 * zod's own errors for anything the compiled path does not accept. Like `validate`, it sees the
 * input's strings in NFC (`toNfc`, which returns ASCII-only input as it is).
 */
export function fastValidator<S extends z.ZodType>(schema: S): (input: unknown) => Validated<z.output<S>> {
  const accept = compileAcceptor(schema);
  return (input) => {
    const value = accept(toNfc(input));
    return value !== NOT_ACCEPTED ? { ok: true, value } : validate(schema, input);
  };
}
