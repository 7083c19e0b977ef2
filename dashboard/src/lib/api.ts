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
import type {
  AuditPage, Criterion, Finding, FindingInput, HeadGeneral, HeadRoster, LocalUsers, LoginResult, PublicationPreview, Publications, PublishResult, RankingView,
  IndicatorList, UnitScorecard, UnitTrend, UnitWarnings, WarningSummary,
} from "./api-types.js";
import type { Tier } from "@scorecard/shared/units/unit";
import type { CaseTimeline } from "@scorecard/shared/contracts/case-timeline";

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

export const isNotFound = (e: unknown): boolean => e instanceof ApiProblemError && e.status === 404;

/** The answer, or null when the server says there is nothing to show (`nothing`: any 404 by default). */
export const orNothing = <T>(request: Promise<T>, nothing: (e: unknown) => boolean = isNotFound): Promise<T | null> =>
  request.catch((e: unknown) => {
    if (nothing(e)) return null;
    throw e;
  });

/** What a list of records is asked with (`unitList`). */
export interface ListQuery {
  readonly period: string;
  readonly indicator?: string | undefined;
  readonly part?: "numerator" | "denominator" | undefined;
  readonly status?: string | undefined;
  readonly page?: number | undefined;
  readonly limit?: number | undefined;
}

export interface RankingQuery {
  readonly period: string;
  readonly tier: Tier;
}

/** A body with the version the server keys optimistic concurrency on (the `ETag`). */
export interface Versioned<T> {
  readonly body: T;
  readonly etag: string | null;
}

export interface ApiClient {
  publicMeta(signal?: AbortSignal): Promise<PublicMeta>;
  publicRanking(query: RankingQuery, signal?: AbortSignal): Promise<RankingSnapshot>;
  // Local sign-in (stand-in for Cognito's hosted UI).
  localUsers(signal?: AbortSignal): Promise<LocalUsers>;
  login(userId: string): Promise<LoginResult>;
  // Role-checked (Bearer token).
  ranking(query: RankingQuery, signal?: AbortSignal): Promise<RankingView>;
  unitScorecard(unitId: string, period: string, signal?: AbortSignal): Promise<UnitScorecard>;
  unitTrend(unitId: string, year: number, signal?: AbortSignal): Promise<UnitTrend>;
  /**
   * The records behind a unit's numbers (GET /v1/units/{unitId}/cases): an indicator's numerator or
   * denominator, or (no indicator) the period's dossiers; one page of them.
   */
  unitList(unitId: string, query: ListQuery, signal?: AbortSignal): Promise<IndicatorList>;
  unitWarnings(unitId: string, signal?: AbortSignal): Promise<UnitWarnings>;
  warnings(signal?: AbortSignal): Promise<WarningSummary>;
  /** One dossier's timeline (a unit officer: their unit's, or one it was consulted on). */
  caseTimeline(caseId: string, signal?: AbortSignal): Promise<CaseTimeline>;
  // Home Affairs (docs/api-admin.md).
  findings(period: string, unitId: string | undefined, signal?: AbortSignal): Promise<{ findings: readonly Finding[] }>;
  createFinding(input: FindingInput): Promise<Finding>;
  updateFinding(findingId: string, input: FindingInput, version: number): Promise<Finding>;
  concludeFinding(findingId: string, notice: { noticeNumber: string; noticeDate: string }, version: number): Promise<Finding>;
  criteria(unitId: string, period: string, signal?: AbortSignal): Promise<{ criteria: readonly Criterion[] }>;
  putCriterion(unitId: string, period: string, criterion: string, body: { points: number; evidence: string }, version: number): Promise<Criterion>;
  heads(signal?: AbortSignal): Promise<{ units: readonly HeadRoster[] }>;
  addHead(unitId: string, head: { name: string; title: string; tenureFrom: string; tenureTo: string | null }, rosterVersion: number): Promise<unknown>;
  publications(period: string, signal?: AbortSignal): Promise<Publications>;
  publish(period: string): Promise<PublishResult>;
  /** What publishing the period now would record (a dry run: nothing is written). */
  publishPreview(period: string, signal?: AbortSignal): Promise<PublicationPreview>;
  audit(query: { limit: number; cursor?: string | undefined }, signal?: AbortSignal): Promise<AuditPage>;
  auditCsv(): Promise<string>;
}

export interface ApiClientOptions {
  /** Defaults to the global fetch, looked up at call time. */
  readonly fetch: typeof fetch | undefined;
  /** Prefix of the API routes; "" means same origin. */
  readonly baseUrl: string | undefined;
  /** The signed-in user's bearer token, read at call time; null for the public. */
  readonly token: (() => string | null) | undefined;
  /**
   * Called when a role-checked route answers 401 (token expired or revoked). When it resolves to
   * true a fresh token is in hand (the session renewed it) and the request is sent once more.
   */
  readonly onUnauthorized: (() => void | Promise<boolean>) | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function asProblem(body: unknown, res: Response): Problem {
  if (isObject(body) && typeof body.code === "string" && typeof body.title === "string") {
    return { type: "about:blank", ...body, status: typeof body.status === "number" ? body.status : res.status } as Problem;
  }
  return { type: "about:blank", title: res.statusText || "HTTP error", status: res.status, code: `HTTP_${res.status}` };
}

/** Checks an answer's body is the JSON expected (else `json` throws a NetworkError). */
export type Guard<T> = (v: unknown) => v is T;
const looksLikeMeta: Guard<PublicMeta> = (v): v is PublicMeta => isObject(v) && Array.isArray(v.periods) && Array.isArray(v.tiers);
const looksLikeSnapshot = (v: unknown): v is RankingView =>
  isObject(v) && typeof v.period === "string" && typeof v.tier === "string" && Array.isArray(v.units);
/** A JSON object with the named array or object fields. */
export const withFields =
  <T>(...fields: string[]): Guard<T> =>
  (v): v is T =>
    isObject(v) && fields.every((f) => f in v);

export interface RequestOptions {
  readonly method?: "GET" | "POST" | "PUT";
  readonly body?: unknown;
  readonly version?: number;
  readonly auth?: boolean;
  readonly signal?: AbortSignal | undefined;
  readonly text?: boolean;
  /** Sent again after the session renewed its token (once only). */
  readonly retried?: boolean;
}

const q = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") s.set(k, v);
  const out = s.toString();
  return out ? `?${out}` : "";
};
const seg = encodeURIComponent;

/** One request's plumbing, shared by every client of the dashboard. */
export interface Requester {
  /**
   * Sends the request (the bearer token when `auth`, If-Match from `version`, a JSON body) and
   * answers the response with its parsed body. A request that got no answer is a NetworkError; a
   * non-2xx answer an ApiProblemError; a 401 on an `auth` request calls `onUnauthorized`, and sends
   * the request once more when that resolves to true (the session renewed its token).
   */
  send(path: string, o: RequestOptions): Promise<{ res: Response; body: unknown }>;
  /** `send`, then the body when `guard` accepts it (else a NetworkError). */
  json<T>(path: string, guard: Guard<T>, o?: RequestOptions): Promise<T>;
}

export function createRequester(options: Partial<ApiClientOptions> = {}): Requester {
  const baseUrl = options.baseUrl ?? "";
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send(path: string, o: RequestOptions): Promise<{ res: Response; body: unknown }> {
    const headers: Record<string, string> = { accept: o.text ? "text/csv" : "application/json" };
    if (o.auth) {
      const token = options.token?.();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    if (o.body !== undefined) headers["content-type"] = "application/json";
    if (o.version !== undefined) headers["if-match"] = `"${o.version}"`;
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}`, {
        method: o.method ?? "GET",
        headers,
        ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
        signal: o.signal ?? null,
      });
    } catch (e) {
      if (isAbortError(e)) throw e;
      throw new NetworkError(`request failed: ${path}`, { cause: e });
    }
    let body: unknown;
    try {
      body = o.text && res.ok ? await res.text() : await res.json();
    } catch (e) {
      if (isAbortError(e)) throw e;
      body = undefined;
    }
    if (!res.ok) {
      if (res.status === 401 && o.auth) {
        const renewed = await options.onUnauthorized?.();
        if (renewed === true && !o.retried) return send(path, { ...o, retried: true });
      }
      throw new ApiProblemError(asProblem(body, res));
    }
    return { res, body };
  }

  async function json<T>(path: string, guard: Guard<T>, o: RequestOptions = {}): Promise<T> {
    const { body } = await send(path, o);
    if (!guard(body)) throw new NetworkError(`unexpected response body from ${path}`);
    return body;
  }

  return { send, json };
}

/** What the feature clients send: always with the token (`auth`), never as text. */
export type AuthedRequest = Omit<RequestOptions, "auth" | "text" | "retried">;

/**
 * The feature clients' request (actions, proposals, rules, indicators…): `json` with the token,
 * the answer a JSON object with the field `has`.
 */
export function createAuthedJson(options: Partial<ApiClientOptions> = {}): <T>(path: string, has: string, o?: AuthedRequest) => Promise<T> {
  const { json } = createRequester(options);
  return <T>(path: string, has: string, o: AuthedRequest = {}) => json(path, withFields<T>(has), { ...o, auth: true });
}

export function createApiClient(options: Partial<ApiClientOptions> = {}): ApiClient {
  const { send, json } = createRequester(options);

  const authed = (signal?: AbortSignal): RequestOptions => ({ auth: true, signal });
  const anything = (_v: unknown): _v is unknown => true;

  return {
    publicMeta: (signal) => json("/v1/public/meta", looksLikeMeta, { signal }),
    publicRanking: ({ period, tier }, signal) =>
      json(`/v1/public/rankings?${new URLSearchParams({ period, tier })}`, looksLikeSnapshot, { signal }),
    localUsers: (signal) => json("/v1/local/users", withFields<LocalUsers>("users"), { signal }),
    login: (userId) => json("/v1/local/login", withFields<LoginResult>("token", "user", "expiresAt"), { method: "POST", body: { userId } }),
    ranking: ({ period, tier }, signal) => json(`/v1/rankings${q({ period, tier })}`, looksLikeSnapshot, authed(signal)),
    unitScorecard: (unitId, period, signal) =>
      json(`/v1/units/${seg(unitId)}/scorecard${q({ period })}`, withFields<UnitScorecard>("unit", "period"), authed(signal)),
    unitTrend: (unitId, year, signal) =>
      json(`/v1/units/${seg(unitId)}/trend${q({ year: String(year) })}`, withFields<UnitTrend>("points"), authed(signal)),
    unitList: (unitId, { period, indicator, part, status, page, limit }, signal) =>
      json(
        `/v1/units/${seg(unitId)}/cases${q({ period, indicator, part, status, page: page === undefined ? undefined : String(page), limit: limit === undefined ? undefined : String(limit) })}`,
        withFields<IndicatorList>("records", "total"),
        authed(signal),
      ),
    unitWarnings: (unitId, signal) => json(`/v1/units/${seg(unitId)}/warnings`, withFields<UnitWarnings>("overdue", "dueSoon"), authed(signal)),
    warnings: (signal) => json("/v1/warnings", withFields<WarningSummary>("units"), authed(signal)),
    caseTimeline: (caseId, signal) => json(`/v1/cases/${seg(caseId)}`, withFields<CaseTimeline>("caseId", "events", "holds"), authed(signal)),
    findings: (period, unitId, signal) => json(`/v1/admin/findings${q({ period, unitId })}`, withFields<{ findings: Finding[] }>("findings"), authed(signal)),
    createFinding: (input) => json("/v1/admin/findings", withFields<Finding>("findingId"), { auth: true, method: "POST", body: input }),
    updateFinding: (id, input, version) =>
      json(`/v1/admin/findings/${seg(id)}`, withFields<Finding>("findingId"), { auth: true, method: "PUT", body: input, version }),
    concludeFinding: (id, notice, version) =>
      json(`/v1/admin/findings/${seg(id)}/conclude`, withFields<Finding>("findingId"), { auth: true, method: "POST", body: notice, version }),
    criteria: (unitId, period, signal) => json(`/v1/admin/criteria/${seg(unitId)}/${seg(period)}`, withFields<{ criteria: Criterion[] }>("criteria"), authed(signal)),
    putCriterion: (unitId, period, criterion, body, version) =>
      json(`/v1/admin/criteria/${seg(unitId)}/${seg(period)}/${seg(criterion)}`, withFields<Criterion>("criterion"), { auth: true, method: "PUT", body, version }),
    heads: (signal) => json("/v1/admin/heads", withFields<{ units: HeadRoster[] }>("units"), authed(signal)),
    addHead: (unitId, head, rosterVersion) =>
      json(`/v1/admin/units/${seg(unitId)}/heads`, anything, { auth: true, method: "POST", body: head, version: rosterVersion }),
    publications: (period, signal) => json(`/v1/admin/publications${q({ period })}`, withFields<Publications>("versions"), authed(signal)),
    publish: (period) => json("/v1/admin/publish", withFields<PublishResult>("version"), { auth: true, method: "POST", body: { period } }),
    publishPreview: (period, signal) => json(`/v1/admin/publish/preview${q({ period })}`, withFields<PublicationPreview>("version", "differences", "changed"), authed(signal)),
    audit: ({ limit, cursor }, signal) => json(`/v1/admin/audit${q({ limit: String(limit), cursor })}`, withFields<AuditPage>("entries"), authed(signal)),
    auditCsv: async () => String((await send("/v1/admin/audit.csv", { auth: true, text: true })).body ?? ""),
  };
}

/** Any failure as an ApiError (unknown throwables become a NetworkError). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiProblemError || e instanceof NetworkError) return e;
  return new NetworkError(e instanceof Error ? e.message : String(e), { cause: e });
}

// ——— Head-of-unit ratings and the reform index (methodology §5, §6) ———
// A client of its own, appended here so that createApiClient stays as it is: the same error
// semantics (ApiProblemError / NetworkError, 401 → onUnauthorized), the same helpers.
import type { HeadRatings, ReformIndexView } from "@scorecard/shared/contracts/read-api";
export type { HeadGeneral, HeadRatings, ReformIndexView };

/**
 * The four ratings reads answer the working (draft) values, or with `version` the values frozen when
 * that version of the period was published (`&version=N`; 404 NO_RATINGS if it froze none).
 */
export interface RatingsApi {
  /** Chairman, Home Affairs: every head of the period (optionally of one tier). */
  headRatings(period: string, tier: string | undefined, signal?: AbortSignal, version?: number | null): Promise<HeadRatings>;
  /** Also the unit's own officers. */
  unitHeadRatings(unitId: string, period: string, signal?: AbortSignal, version?: number | null): Promise<HeadRatings>;
  /** Half-years and years only. */
  reformIndex(period: string, tier: string | undefined, signal?: AbortSignal, version?: number | null): Promise<ReformIndexView>;
  unitReformIndex(unitId: string, period: string, signal?: AbortSignal, version?: number | null): Promise<ReformIndexView>;
  headGeneral(unitId: string, headId: string, period: string, signal?: AbortSignal): Promise<HeadGeneral>;
  putHeadGeneral(unitId: string, headId: string, period: string, body: { points: number; evidence: string }, version: number): Promise<HeadGeneral>;
  /** Recompute a period's ratings (Home Affairs). */
  refreshRatings(period: string): Promise<{ period: string; refreshed: boolean }>;
}

export function createRatingsApi(options: Partial<ApiClientOptions> = {}): RatingsApi {
  const { json } = createRequester(options);
  const get = (signal?: AbortSignal): RequestOptions => ({ auth: true, signal });
  /** The `version` query parameter: absent for the working values. */
  const v = (version: number | null | undefined) => (version === null || version === undefined ? undefined : String(version));
  return {
    headRatings: (period, tier, signal, version) => json(`/v1/head-ratings${q({ period, tier, version: v(version) })}`, withFields<HeadRatings>("heads", "period"), get(signal)),
    unitHeadRatings: (unitId, period, signal, version) =>
      json(`/v1/units/${seg(unitId)}/head-ratings${q({ period, version: v(version) })}`, withFields<HeadRatings>("heads", "period"), get(signal)),
    reformIndex: (period, tier, signal, version) => json(`/v1/reform-index${q({ period, tier, version: v(version) })}`, withFields<ReformIndexView>("units", "period"), get(signal)),
    unitReformIndex: (unitId, period, signal, version) =>
      json(`/v1/units/${seg(unitId)}/reform-index${q({ period, version: v(version) })}`, withFields<ReformIndexView>("units", "period"), get(signal)),
    headGeneral: (unitId, headId, period, signal) =>
      json(`/v1/admin/units/${seg(unitId)}/heads/${seg(headId)}/general/${seg(period)}`, withFields<HeadGeneral>("headId", "version"), get(signal)),
    putHeadGeneral: (unitId, headId, period, body, version) =>
      json(`/v1/admin/units/${seg(unitId)}/heads/${seg(headId)}/general/${seg(period)}`, withFields<HeadGeneral>("headId", "version"), { auth: true, method: "PUT", body, version }),
    refreshRatings: (period) => json("/v1/admin/ratings", withFields<{ period: string; refreshed: boolean }>("period"), { auth: true, method: "POST", body: { period } }),
  };
}
