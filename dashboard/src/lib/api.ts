/**
 * The read API client: typed fetch over the shared contract types. Components never call fetch;
 * models get an `ApiClient` (tests pass one built on a stubbed fetch).
 *
 * Errors: any non-2xx answer becomes an `ApiProblemError` carrying the RFC 9457 problem (the
 * server's `application/problem+json`, or one synthesised from the status when the body is not a
 * problem); a request that never got an answer, or an answer that is not the expected JSON, is a
 * `NetworkError`. Aborts are rethrown unchanged (`isAbortError`).
 */
import type { Problem, PublicMeta, RankingSnapshot } from "@scorecard/shared/contracts/api";
import type { Tier } from "@scorecard/shared/units/unit";

export class ApiProblemError extends Error {
  override readonly name = "ApiProblemError";
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}

export class NetworkError extends Error {
  override readonly name = "NetworkError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export type ApiError = ApiProblemError | NetworkError;

/** The stable code the server answers with when no snapshot exists for a period and tier. */
export const NO_SNAPSHOT = "NO_SNAPSHOT";

export const isAbortError = (e: unknown): boolean =>
  typeof e === "object" && e !== null && (e as { name?: unknown }).name === "AbortError";

export const isNoSnapshot = (e: unknown): boolean =>
  e instanceof ApiProblemError && e.status === 404 && e.code === NO_SNAPSHOT;

export interface RankingQuery {
  readonly period: string;
  readonly tier: Tier;
}

export interface ApiClient {
  publicMeta(signal?: AbortSignal): Promise<PublicMeta>;
  publicRanking(query: RankingQuery, signal?: AbortSignal): Promise<RankingSnapshot>;
}

export interface ApiClientOptions {
  /** Defaults to the global fetch, looked up at call time. */
  readonly fetch: typeof fetch | undefined;
  /** Prefix of the API routes; "" means same origin. */
  readonly baseUrl: string | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function asProblem(body: unknown, res: Response): Problem {
  if (isObject(body) && typeof body.code === "string" && typeof body.title === "string") {
    return { type: "about:blank", ...body, status: typeof body.status === "number" ? body.status : res.status } as Problem;
  }
  return { type: "about:blank", title: res.statusText || "HTTP error", status: res.status, code: `HTTP_${res.status}` };
}

const looksLikeMeta = (v: unknown): v is PublicMeta => isObject(v) && Array.isArray(v.periods) && Array.isArray(v.tiers);
const looksLikeSnapshot = (v: unknown): v is RankingSnapshot =>
  isObject(v) && typeof v.period === "string" && typeof v.tier === "string" && Array.isArray(v.units);

export function createApiClient(options: Partial<ApiClientOptions> = {}): ApiClient {
  const baseUrl = options.baseUrl ?? "";
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function getJson<T>(path: string, guard: (v: unknown) => v is T, signal: AbortSignal | undefined): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}`, { headers: { accept: "application/json" }, signal: signal ?? null });
    } catch (e) {
      if (isAbortError(e)) throw e;
      throw new NetworkError(`request failed: ${path}`, { cause: e });
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch (e) {
      if (isAbortError(e)) throw e;
      body = undefined;
    }
    if (!res.ok) throw new ApiProblemError(asProblem(body, res));
    if (!guard(body)) throw new NetworkError(`unexpected response body from ${path}`);
    return body;
  }

  return {
    publicMeta: (signal) => getJson("/v1/public/meta", looksLikeMeta, signal),
    publicRanking: ({ period, tier }, signal) =>
      getJson(`/v1/public/rankings?${new URLSearchParams({ period, tier })}`, looksLikeSnapshot, signal),
  };
}
