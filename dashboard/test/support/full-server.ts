/**
 * A fake of the whole API for page tests: the public routes of fake-server.ts, plus local sign-in,
 * the role-checked routes (token "tok-<userId>", checked like the server: 401 without, 403 for a
 * unit officer on another unit) and the admin routes as stored maps. Every request is recorded
 * with its method, path and whether it carried a token.
 */
import type { PublicMeta } from "@scorecard/shared/contracts/api";
import type {
  AuditEntry, Criterion, DemoUser, Finding, HeadRoster, IndicatorList, Publications, RankingView, UnitCases, UnitScorecard, UnitTrend, UnitWarnings, WarningSummary,
} from "../../src/lib/api-types.js";
import type { HeadRatings, ReformIndexView } from "@scorecard/shared/contracts/read-api";
import type { CaseTimeline } from "@scorecard/shared/contracts/case-timeline";
import { parsePeriod } from "@scorecard/shared/time/period";
import { daysLate } from "../../src/lib/case-view.js";
import { type Answer, fakeServer } from "./fake-server.js";

export const DEMO_USERS: DemoUser[] = [
  { id: "chairman", name: "Lãnh đạo UBND tỉnh (demo)", role: "chairman" },
  { id: "home-affairs", name: "Chuyên viên Sở Nội vụ (demo)", role: "home-affairs" },
  { id: "officer-stp", name: "Cán bộ Sở Tư pháp (demo)", role: "unit-officer", unitId: "DEPT-STP" },
  // A unit that ended with the district tier on 30 June 2025 (its successors are wards).
  { id: "officer-bien-hoa", name: "Cán bộ UBND TP. Biên Hòa (demo)", role: "unit-officer", unitId: "DIST-731" },
];

export interface Call {
  readonly method: string;
  readonly path: string;
  readonly authorized: boolean;
  readonly body: unknown;
  readonly ifMatch: string | null;
}

export interface FullServerInit {
  readonly meta: PublicMeta;
  readonly rankings?: Record<string, Answer>;
  /** Role-checked rankings, keyed `${period}/${tier}`. */
  readonly privateRankings?: Record<string, RankingView>;
  /** Keyed `${unitId}/${period}`. */
  readonly scorecards?: Record<string, UnitScorecard>;
  /** The period's dossiers (no `indicator`), keyed `${unitId}/${period}`: answered as the server's IndicatorList, paged. */
  readonly cases?: Record<string, UnitCases>;
  /** An indicator's lists, keyed `${unitId}/${period}/${indicator}/${part}`: answered paged (`page`, `limit`). */
  readonly lists?: Record<string, IndicatorList>;
  /** Keyed `${unitId}/${year}`; a unit without one answers an empty year. */
  readonly trends?: Record<string, UnitTrend>;
  readonly warnings?: Record<string, UnitWarnings>;
  readonly warningSummary?: WarningSummary;
  readonly findings?: Finding[];
  readonly criteria?: Record<string, Criterion[]>;
  readonly heads?: HeadRoster[];
  readonly publications?: Record<string, Publications>;
  readonly audit?: AuditEntry[];
  /**
   * Head-of-unit ratings and reform index, keyed by period (absent = 404 NO_RATINGS); the unit routes
   * (`/v1/units/{unitId}/head-ratings`, `…/reform-index`) answer the same documents cut to the unit.
   */
  readonly headRatings?: Record<string, HeadRatings>;
  readonly reformIndex?: Record<string, ReformIndexView>;
  /** The values frozen with a published version, keyed `${period}@${version}` (asked with `&version=N`; absent = 404 NO_RATINGS). */
  readonly frozenHeadRatings?: Record<string, HeadRatings>;
  readonly frozenReformIndex?: Record<string, ReformIndexView>;
  /** Dossier timelines by caseId (`/v1/cases/{caseId}`; absent = 404, or 403 for a unit officer). */
  readonly timelines?: Record<string, CaseTimeline>;
  /** Seconds until a token expires (default 900). */
  readonly ttl?: number;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ type: "about:blank", title: code, status, code }), { status, headers: { "content-type": "application/problem+json" } });

/** The working document of the period, or with `version` the one frozen with that version (undefined: none). */
function ratingsOf<T>(working: Record<string, T> | undefined, frozen: Record<string, T> | undefined, q: URLSearchParams): T | undefined {
  const period = q.get("period") ?? "";
  const version = q.get("version");
  return version === null ? working?.[period] : frozen?.[`${period}@${version}`];
}

/**
 * A fixture's dossier rows (the former shape) as the server's list of the period's dossiers (no
 * indicator): days late counted as the facts count them, as of the period's end.
 */
export function dossierList(c: UnitCases, rows: UnitCases["cases"], status: string | null = null): IndicatorList {
  const end = new Date(`${parsePeriod(c.period).endDate}T12:00:00+07:00`);
  const records = rows.map((r) => ({
    kind: "dossier" as const, id: r.caseId, rule: r.rule, value: null, inNumerator: null, caseId: r.caseId, field: r.field, procedureCode: null, procedureNameVi: null, procedureNameEn: null,
    channel: null, status: r.status, receivedAt: r.receivedAt, dueAt: r.dueAt, endAt: r.endAt, resolvedAt: null, returnedAt: null, supplementRequests: r.supplementRequests,
    handlingDays: null, overrunDays: daysLate(r, c.period, end) ?? 0, consultedUnits: 0,
  }));
  return {
    unitId: c.unitId, period: c.period, methodology: c.methodology, computedAt: "2024-07-01T02:00:00.000Z", indicator: null, part: null, computed: true, reason: null, kind: "dossier",
    aggregate: "count", total: records.length, count: records.length, status, page: 1, limit: records.length, pages: 1, records,
  };
}

export function fullServer(init: FullServerInit) {
  const base = fakeServer({ meta: init.meta, rankings: init.rankings ?? {} });
  const calls: Call[] = [];
  const findings = new Map((init.findings ?? []).map((f) => [f.findingId, f]));
  const criteria = new Map(Object.entries(init.criteria ?? {}));
  const state = { revoked: false, nextId: 100, published: [] as string[], general: new Map<string, Record<string, unknown> & { version: number }>() };

  const userOf = (auth: string | null): DemoUser | null => {
    const m = /^Bearer tok-(.+)$/.exec(auth ?? "");
    if (!m || state.revoked) return null;
    return DEMO_USERS.find((u) => u.id === m[1]) ?? null;
  };

  const fetch: typeof globalThis.fetch = async (input, reqInit) => {
    const url = new URL(String(input), "http://localhost");
    const method = reqInit?.method ?? "GET";
    const headers = new Headers(reqInit?.headers);
    const auth = headers.get("authorization");
    const body = typeof reqInit?.body === "string" ? (JSON.parse(reqInit.body) as unknown) : undefined;
    const path = `${url.pathname}${url.search}`;
    calls.push({ method, path, authorized: auth !== null, body, ifMatch: headers.get("if-match") });
    const p = url.pathname;
    const q = url.searchParams;

    if (p.startsWith("/v1/public/")) return base.fetch(input, reqInit);
    if (p === "/v1/local/users") return json({ users: DEMO_USERS, tokenTtlSeconds: init.ttl ?? 900 });
    if (p === "/v1/local/login") {
      const user = DEMO_USERS.find((u) => u.id === (body as { userId?: string }).userId);
      if (!user) return problem(422, "UNKNOWN_USER");
      return json({ token: `tok-${user.id}`, user, expiresAt: new Date(Date.now() + (init.ttl ?? 900) * 1000).toISOString() });
    }
    const user = userOf(auth);
    if (!user) return problem(401, "UNAUTHENTICATED");
    const caseMatch = /^\/v1\/cases\/([^/]+)$/.exec(p);
    if (caseMatch) {
      const t = init.timelines?.[decodeURIComponent(caseMatch[1] as string)];
      // Like the server: an officer reads the dossiers their unit received, was given or was consulted on; a missing one is the same 403.
      if (user.role === "unit-officer") {
        const parties = t ? [t.leadUnitId, ...t.holds.map((h) => h.unitId), ...t.consultations.map((c) => c.consultedUnitId)] : [];
        if (!parties.includes(user.unitId ?? "")) return problem(403, "FORBIDDEN");
      }
      return t ? json(t) : problem(404, "NOT_FOUND");
    }
    const unitMatch = /^\/v1\/units\/([^/]+)\/(scorecard|cases|warnings|trend|head-ratings|reform-index)$/.exec(p);
    if (unitMatch) {
      const unitId = decodeURIComponent(unitMatch[1] as string);
      if (user.role === "unit-officer" && user.unitId !== unitId) return problem(403, "FORBIDDEN");
      if (unitMatch[2] === "trend") {
        const year = q.get("year") ?? "";
        if (!/^20\d\d$/.test(year)) return problem(422, "INVALID_PARAMETER");
        return json(init.trends?.[`${unitId}/${year}`] ?? { unitId, year: Number(year), methodology: "dn-2026.1", points: [] });
      }
      if (unitMatch[2] === "head-ratings") {
        const doc = ratingsOf(init.headRatings, init.frozenHeadRatings, q);
        return doc ? json({ ...doc, heads: doc.heads.filter((h) => h.unitId === unitId) }) : problem(404, "NO_RATINGS");
      }
      if (unitMatch[2] === "reform-index") {
        // Like the server: half-years and years only.
        if (!/^20\d\d(-H[12])?$/.test(q.get("period") ?? "")) return problem(422, "INVALID_PARAMETER");
        const doc = ratingsOf(init.reformIndex, init.frozenReformIndex, q);
        return doc ? json({ ...doc, units: doc.units.filter((u) => u.unitId === unitId) }) : problem(404, "NO_RATINGS");
      }
      const key = `${unitId}/${q.get("period")}`;
      if (unitMatch[2] === "scorecard") return init.scorecards?.[key] ? json(init.scorecards[key]) : problem(404, "NOT_FOUND");
      if (unitMatch[2] === "warnings") return init.warnings?.[unitId] ? json(init.warnings[unitId]) : json({ unitId, asOf: "2024-07-01T02:00:00.000Z", overdue: [], dueSoon: [], dueSoonUntil: "2024-07-03T17:00:00.000Z", paused: [], consultations: [] });
      // The records behind a number (IndicatorList), one page of them as the server pages.
      const page = Number(q.get("page") ?? "1");
      const limit = Number(q.get("limit") ?? "50");
      const paged = (l: IndicatorList) => ({ ...l, page, limit, pages: Math.max(1, Math.ceil(l.count / limit)), records: l.records.slice((page - 1) * limit, page * limit) });
      const indicator = q.get("indicator");
      if (indicator) {
        const l = init.lists?.[`${key}/${indicator}/${q.get("part") ?? "denominator"}`];
        return l ? json(paged(l)) : problem(404, "NOT_FOUND");
      }
      const c = init.cases?.[key];
      if (!c) return problem(404, "NOT_FOUND");
      const status = q.get("status");
      const rows = status ? c.cases.filter((x) => x.status === status) : c.cases;
      return json(paged(dossierList(c, rows, status)));
    }
    if (p === "/v1/rankings") {
      const r = init.privateRankings?.[`${q.get("period")}/${q.get("tier")}`];
      return r ? json(r) : problem(404, "NO_SNAPSHOT");
    }
    if (p === "/v1/head-ratings" || p === "/v1/reform-index") {
      if (user.role === "unit-officer") return problem(403, "FORBIDDEN");
      const tier = q.get("tier");
      if (p === "/v1/head-ratings") {
        const doc = ratingsOf(init.headRatings, init.frozenHeadRatings, q);
        return doc ? json({ ...doc, heads: doc.heads.filter((h) => !tier || h.tier === tier) }) : problem(404, "NO_RATINGS");
      }
      const doc = ratingsOf(init.reformIndex, init.frozenReformIndex, q);
      return doc ? json({ ...doc, units: doc.units.filter((u) => !tier || u.tier === tier) }) : problem(404, "NO_RATINGS");
    }
    if (p === "/v1/warnings") {
      if (user.role === "unit-officer") return problem(403, "FORBIDDEN");
      return json(init.warningSummary ?? { asOf: "2024-07-01T02:00:00.000Z", units: [] });
    }
    if (p.startsWith("/v1/admin/")) {
      if (user.role === "unit-officer") return problem(403, "FORBIDDEN");
      const write = method !== "GET";
      if (write && user.role !== "home-affairs") return problem(403, "FORBIDDEN");
      if (p === "/v1/admin/findings" && method === "GET") {
        return json({ findings: [...findings.values()].filter((f) => f.period === q.get("period") && (!q.get("unitId") || f.unitId === q.get("unitId"))) });
      }
      if (p === "/v1/admin/findings" && method === "POST") {
        const b = body as Finding;
        const f: Finding = {
          findingId: `F-${state.nextId++}`, unitId: b.unitId, headId: b.headId ?? null, period: b.period, criterion: b.criterion ?? "PAR5",
          deduction: b.deduction, evidence: b.evidence, noticeNumber: null, noticeDate: null, status: "DRAFT", version: 1,
          createdAt: "2024-07-02T01:00:00.000Z", updatedAt: "2024-07-02T01:00:00.000Z",
        };
        findings.set(f.findingId, f);
        return json(f, 201, { etag: '"1"' });
      }
      const conclude = /^\/v1\/admin\/findings\/([^/]+)\/conclude$/.exec(p);
      if (conclude) {
        const f = findings.get(conclude[1] as string);
        if (!f) return problem(404, "NOT_FOUND");
        if (f.status === "CONCLUDED") return problem(409, "INSPECTION_LOCKED");
        if (headers.get("if-match") !== `"${f.version}"`) return problem(409, "VERSION_CONFLICT");
        const n = body as { noticeNumber: string; noticeDate: string };
        const next: Finding = { ...f, status: "CONCLUDED", noticeNumber: n.noticeNumber, noticeDate: n.noticeDate, version: f.version + 1 };
        findings.set(f.findingId, next);
        return json(next);
      }
      const crit = /^\/v1\/admin\/criteria\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(p);
      if (crit) {
        const key = `${crit[1]}/${crit[2]}`;
        const list = criteria.get(key) ?? [];
        if (method === "GET") return json({ criteria: list });
        const c = list.find((x) => x.criterion === crit[3]);
        if (!c) return problem(404, "NOT_FOUND");
        if (c.locked) return problem(409, "CRITERION_LOCKED");
        const b = body as { points: number; evidence: string };
        const next: Criterion = { ...c, points: b.points, evidence: b.evidence, version: c.version + 1 };
        criteria.set(key, list.map((x) => (x.criterion === c.criterion ? next : x)));
        return json(next);
      }
      if (p === "/v1/admin/heads") return json({ units: init.heads ?? [] });
      const general = /^\/v1\/admin\/units\/([^/]+)\/heads\/([^/]+)\/general\/([^/]+)$/.exec(p);
      if (general) {
        const key = general.slice(1).map((x) => decodeURIComponent(x as string)).join("/");
        const current = state.general.get(key) ?? { unitId: general[1], headId: general[2], period: general[3], max: 30, points: null, evidence: null, version: 0, updatedAt: null };
        if (method === "GET") return json(current, 200, { etag: `"${current.version}"` });
        if (headers.get("if-match") !== `"${current.version}"`) return problem(409, "VERSION_CONFLICT");
        const b = body as { points: number; evidence: string };
        if (!(b.points >= 0 && b.points <= 30)) return problem(422, "INVALID_CONTENT");
        const next = { ...current, points: b.points, evidence: b.evidence, version: current.version + 1 };
        state.general.set(key, next);
        return json(next);
      }
      if (p === "/v1/admin/ratings") {
        const period = (body as { period: string }).period;
        return init.headRatings?.[period] ? json({ period, refreshed: true }) : problem(409, "NO_DRAFT");
      }
      if (p === "/v1/admin/publications") {
        return json(init.publications?.[q.get("period") ?? ""] ?? { period: q.get("period"), versions: [], draft: {} });
      }
      if (p === "/v1/admin/publish") {
        state.published.push((body as { period: string }).period);
        return json({ version: 1, label: "v1", differences: {} }, 201);
      }
      if (p === "/v1/admin/audit") return json({ entries: init.audit ?? [], next: null });
      if (p === "/v1/admin/audit.csv") return new Response("at,actor\r\n", { status: 200, headers: { "content-type": "text/csv" } });
    }
    return problem(404, "NOT_FOUND");
  };

  return {
    fetch,
    calls,
    state,
    base,
    findings,
    /** Requests of a kind, e.g. `callsTo("/v1/units/")`. */
    callsTo: (prefix: string) => calls.filter((c) => c.path.startsWith(prefix)),
  };
}

export type FullServer = ReturnType<typeof fullServer>;
