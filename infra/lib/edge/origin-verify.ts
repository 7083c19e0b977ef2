import { timingSafeEqual } from "node:crypto";

/** The header CloudFront adds to every request it sends the read API (DashboardSite's origin). */
export const ORIGIN_VERIFY_HEADER = "x-origin-verify";

/**
 * API Gateway Lambda authorizer (HTTP API, simple responses) on the read API's public routes: a
 * request is let through only when it carries CloudFront's origin header with the stage's secret —
 * that is, when it came through CloudFront and its web ACL, not straight to the execute-api URL.
 * API Gateway itself answers 401 when the header is absent (it is the identity source) and caches
 * a verdict per header value for the authorizer's TTL, so this runs about once per 5 minutes.
 * The secret reaches the environment as a CloudFormation dynamic reference (ORIGIN_SECRET).
 */
export function originVerified(headers: Readonly<Record<string, string | undefined>> | undefined, secret: string | undefined): boolean {
  const got = Buffer.from(headers?.[ORIGIN_VERIFY_HEADER] ?? "", "utf8");
  const want = Buffer.from(secret ?? "", "utf8");
  return want.length >= 32 && got.length === want.length && timingSafeEqual(got, want);
}

export const handler = async (event: { readonly headers?: Readonly<Record<string, string | undefined>> }): Promise<{ isAuthorized: boolean }> => ({
  isAuthorized: originVerified(event.headers, process.env["ORIGIN_SECRET"]),
});
