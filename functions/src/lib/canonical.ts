import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level: equal content ⇒ equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Hex SHA-256 of a text (content-addressed names: the same text, the same key). */
export const sha256Hex = (text: string): string => createHash("sha256").update(text).digest("hex");

const hashes = new WeakMap<object, string>();

/**
 * Base64url SHA-256 of the canonical JSON. An object's hash is kept for the object's life (a batch
 * hashes each event in the use case and again in the store): callers never change a value after
 * hashing it — stored events are built once and only read.
 */
export const contentHash = (value: unknown): string => {
  if (value === null || typeof value !== "object") return createHash("sha256").update(canonicalJson(value)).digest("base64url");
  let h = hashes.get(value);
  if (h === undefined) {
    h = createHash("sha256").update(canonicalJson(value)).digest("base64url");
    hashes.set(value, h);
  }
  return h;
};
