import type { KeyedHasher } from "../../ports/ingest.js";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** HMAC-SHA-256 pseudonyms; the key lives in its own file outside the data (created on first start). */
export class HmacHasher implements KeyedHasher {
  constructor(private readonly key: Uint8Array) {
    if (key.length < 32) throw new Error("pseudonymisation key must be at least 32 bytes");
  }
  pseudonym(value: string): string {
    return createHmac("sha256", this.key).update(value.normalize("NFC").trim().toUpperCase()).digest("base64url").slice(0, 32);
  }
  static fromFile(path: string): HmacHasher {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, randomBytes(32).toString("base64"), { mode: 0o600 });
    }
    return new HmacHasher(Buffer.from(readFileSync(path, "utf8").trim(), "base64"));
  }
}
