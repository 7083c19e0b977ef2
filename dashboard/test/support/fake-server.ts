/**
 * A stub for `fetch` that answers the two public routes from fixtures and records the calls.
 * A ranking answer can be a snapshot, a Problem (sent as application/problem+json), an Error
 * (the network fails) or a promise of one of these (to hold a response back).
 */
import type { Problem, PublicMeta, RankingSnapshot } from "@scorecard/shared/contracts/api";
import type { PublicRanking } from "../../src/lib/public-ranking.js";

/** A ranking: today's exact snapshot, or the server's public view (withheld values null and marked). */
export type Answer = RankingSnapshot | PublicRanking | Problem | Error;

export interface FakeServer {
  readonly fetch: typeof fetch;
  /** Paths requested, in order (`/v1/public/rankings?period=...&tier=...`). */
  readonly calls: string[];
  meta: PublicMeta | Problem | Error | Promise<PublicMeta>;
  /** Keyed by `${period}/${tier}`; a missing key answers 404 NO_SNAPSHOT. */
  readonly rankings: Map<string, Answer | Promise<Answer>>;
  rankingCalls(): { period: string | null; tier: string | null }[];
}

const isProblem = (v: object): v is Problem => "code" in v && "status" in v && "title" in v;

function respond(answer: object): Response {
  if (answer instanceof Error) throw answer;
  if (isProblem(answer)) {
    return new Response(JSON.stringify(answer), {
      status: answer.status,
      headers: { "content-type": "application/problem+json" },
    });
  }
  return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
}

export function fakeServer(init: { meta: PublicMeta; rankings?: Record<string, Answer> }): FakeServer {
  const server: FakeServer = {
    calls: [],
    meta: init.meta,
    rankings: new Map(Object.entries(init.rankings ?? {})),
    rankingCalls: () =>
      server.calls
        .filter((c) => c.startsWith("/v1/public/rankings"))
        .map((c) => {
          const q = new URLSearchParams(c.split("?")[1]);
          return { period: q.get("period"), tier: q.get("tier") };
        }),
    fetch: async (input, init2) => {
      const url = new URL(String(input), "http://localhost");
      const path = `${url.pathname}${url.search}`;
      server.calls.push(path);
      if (url.pathname === "/v1/public/meta") return respond(await server.meta);
      if (url.pathname === "/v1/public/rankings") {
        // period=latest: the newest period of the meta (the server's rule).
        const period = url.searchParams.get("period") === "latest" ? ((await server.meta) as PublicMeta).periods?.[0] : url.searchParams.get("period");
        const key = `${period}/${url.searchParams.get("tier")}`;
        const answer = await (server.rankings.get(key) ?? {
          type: "about:blank",
          title: "Not found",
          status: 404,
          code: "NO_SNAPSHOT",
          detail: `No ranking has been computed for ${key} yet.`,
        });
        if (init2?.signal?.aborted) throw new DOMException("aborted", "AbortError");
        return respond(answer);
      }
      return respond({ type: "about:blank", title: "Not found", status: 404, code: "NOT_FOUND" });
    },
  };
  return server;
}

/** A promise resolved from outside, to hold a response back. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
