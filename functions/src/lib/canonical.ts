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

export const contentHash = (value: unknown): string => createHash("sha256").update(canonicalJson(value)).digest("base64url");
