import type { APIGatewayProxyResultV2 } from "aws-lambda";

/** An error that maps to an HTTP problem response (RFC 9457) with a stable machine code. */
export class HttpProblemError extends Error {
  override readonly name = "HttpProblemError";
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly errors?: readonly { code: string; field: string; message: string }[],
  ) {
    super(`${status} ${code}: ${detail ?? title}`);
  }
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // An API answer is data, never a document: nothing may load, run or frame it (ASVS 3.4.3, 3.4.6).
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
};

export function problemResponse(p: HttpProblemError): APIGatewayProxyResultV2 {
  return {
    statusCode: p.status,
    headers: { ...SECURITY_HEADERS, "content-type": "application/problem+json; charset=utf-8", ...p.headers },
    body: JSON.stringify({
      type: `https://scorecard.dongnai.gov.vn/problems/${p.code.toLowerCase().replace(/_/g, "-")}`,
      title: p.title,
      status: p.status,
      code: p.code,
      ...(p.detail ? { detail: p.detail } : {}),
      ...(p.errors ? { errors: p.errors } : {}),
    }),
  };
}

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResultV2 {
  return jsonTextResponse(statusCode, JSON.stringify(body), headers);
}

/** A JSON body serialised already (a cached one, or stored text served byte for byte). */
export function jsonTextResponse(statusCode: number, json: string, headers: Record<string, string> = {}): APIGatewayProxyResultV2 {
  return {
    statusCode,
    headers: { ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8", ...headers },
    body: json,
  };
}

export const badRequest = (code: string, detail: string) => new HttpProblemError(400, code, "Bad request", detail);
