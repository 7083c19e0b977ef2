import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { HttpProblemError } from "./problem.js";

/**
 * The media type of a request body, read strictly (RFC 9110 §8.3.1): `type "/" subtype` made of
 * token characters, then `; name=value` parameters (value a token or a quoted string). Type,
 * subtype and parameter names are case-insensitive. A body route compares the type and subtype
 * exactly: `text/json`, `application/vnd.evil+json` or `application/json-seq` are not
 * `application/json`, and a missing header is no type at all.
 */
export interface MediaType {
  /** `type/subtype`, lower-case. */
  readonly essence: string;
  /** Parameters by lower-case name; values as sent (quotes removed). */
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[^"\\\\\\x00-\\x08\\x0a-\\x1f\\x7f]|\\\\[\\x09\\x20-\\x7e\\x80-\\xff])*"';
const ESSENCE = new RegExp(`^(${TOKEN})/(${TOKEN})`);
const PARAM = new RegExp(`^[ \\t]*;[ \\t]*(?:(${TOKEN})=(${TOKEN}|${QUOTED}))?`);

/** The parsed header, or undefined when it is missing or not a media type. */
export function parseMediaType(header: string | undefined): MediaType | undefined {
  if (header === undefined) return undefined;
  let rest = header.trim();
  const m = ESSENCE.exec(rest);
  if (!m) return undefined;
  const essence = `${m[1]}/${m[2]}`.toLowerCase();
  rest = rest.slice(m[0].length);
  const params: Record<string, string> = {};
  while (rest !== "") {
    const p = PARAM.exec(rest);
    if (!p || p[0] === "") return undefined;
    if (p[1] !== undefined) {
      const raw = p[2] as string;
      const name = p[1].toLowerCase();
      if (!Object.hasOwn(params, name)) params[name] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
    }
    rest = rest.slice(p[0].length);
  }
  return { essence, params };
}

const headerOf = (event: APIGatewayProxyEventV2, name: string) => {
  const h = event.headers ?? {};
  if (h[name] !== undefined) return h[name];
  const key = Object.keys(h).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : h[key];
};

/**
 * The request's media type when it is one of `accepted`, else 415 UNSUPPORTED_MEDIA_TYPE. A
 * `charset` other than UTF-8 is refused too: the body is read as UTF-8 (JSON has no other
 * encoding, RFC 8259 §8.1), so a source declaring Latin-1 would be misread.
 */
export function requireMediaType<T extends string>(event: APIGatewayProxyEventV2, accepted: readonly T[]): T {
  return requireContentType(headerOf(event, "content-type"), accepted);
}

/** `requireMediaType` on a Content-Type header's value (undefined: no header). */
export function requireContentType<T extends string>(header: string | undefined, accepted: readonly T[]): T {
  const type = parseMediaType(header);
  const hint = `Send ${accepted.join(" or ")}`;
  if (!type || !(accepted as readonly string[]).includes(type.essence)) {
    throw new HttpProblemError(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", header === undefined ? `No Content-Type: ${hint.toLowerCase()}.` : `${hint}.`);
  }
  const charset = type.params["charset"];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    throw new HttpProblemError(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", `${hint}, encoded as UTF-8 (charset=${charset.slice(0, 32)} is not).`);
  }
  return type.essence as T;
}
