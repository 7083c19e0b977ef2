import { describe, expect, it } from "vitest";
import { ApiProblemError, NetworkError, createApiClient, isNoSnapshot } from "../src/lib/api.js";
import { aMeta, aProblem, departmentsH1 } from "./support/builders.js";
import { createActionsApi } from "../src/lib/actions-api.js";
import { createReportsApi } from "../src/lib/reports-api.js";

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

function clientAnswering(answer: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const client = createApiClient({
    baseUrl: "https://example.test",
    fetch: async (input, init) => {
      requests.push({ url: String(input), init });
      return answer();
    },
  });
  return { client, requests };
}

describe("Module: api client", () => {
  it("asks for a public ranking by period and tier and returns the snapshot", async () => {
    const snapshot = departmentsH1();
    const { client, requests } = clientAnswering(() => json(snapshot));

    const got = await client.publicRanking({ period: "2024-H1", tier: "DEPARTMENT" });

    expect(got).toEqual(snapshot);
    expect(requests[0]?.url).toBe("https://example.test/v1/public/rankings?period=2024-H1&tier=DEPARTMENT");
    expect(new Headers(requests[0]?.init?.headers).get("accept")).toBe("application/json");
  });

  it("returns the public meta", async () => {
    const { client, requests } = clientAnswering(() => json(aMeta()));

    expect((await client.publicMeta()).periods[0]).toBe("2024-06");
    expect(requests[0]?.url).toBe("https://example.test/v1/public/meta");
  });

  it("turns application/problem+json into an ApiProblemError with the stable code", async () => {
    const { client } = clientAnswering(() => json(aProblem(404, "NO_SNAPSHOT", "none yet"), 404, "application/problem+json"));

    const error = await client.publicRanking({ period: "2024-H1", tier: "DEPARTMENT" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblemError);
    expect(error).toMatchObject({ status: 404, code: "NO_SNAPSHOT", message: "none yet" });
    expect(isNoSnapshot(error)).toBe(true);
  });

  it("synthesises a problem when an error answer is not problem+json (a proxy's HTML page)", async () => {
    const { client } = clientAnswering(() => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));

    const error = await client.publicMeta().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblemError);
    expect(error).toMatchObject({ status: 502, code: "HTTP_502", message: "Bad Gateway" });
    expect(isNoSnapshot(error)).toBe(false);
  });

  it("reports a NetworkError when the request fails or the body is not the expected shape", async () => {
    const failing = clientAnswering(() => Promise.reject(new TypeError("Failed to fetch")));
    const wrongShape = clientAnswering(() => json({ hello: "world" }));

    await expect(failing.client.publicMeta()).rejects.toBeInstanceOf(NetworkError);
    await expect(wrongShape.client.publicRanking({ period: "2024", tier: "COMMUNE" })).rejects.toBeInstanceOf(NetworkError);
  });

  it("lets an abort through unchanged", async () => {
    const controller = new AbortController();
    const client = createApiClient({
      fetch: (_input, init) =>
        new Promise((_ok, fail) => init?.signal?.addEventListener("abort", () => fail(new DOMException("aborted", "AbortError")))),
    });

    const pending = client.publicMeta(controller.signal);
    controller.abort();

    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("a feature client sends once more with the renewed token when onUnauthorized resolves true, once only", async () => {
    let token = "old";
    const seen: (string | null)[] = [];
    const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get("authorization"));
      return new Headers(init?.headers).get("authorization") === "Bearer new" ? json({ actions: [] }) : json(aProblem(401, "UNAUTHORIZED", "expired"), 401);
    };
    const renewing = async () => {
      token = "new";
      return true;
    };
    expect(await createActionsApi({ fetch, token: () => token, onUnauthorized: renewing }).unitList("u1")).toEqual({ actions: [] });
    expect(seen).toEqual(["Bearer old", "Bearer new"]);

    seen.length = 0;
    token = "old";
    const report = createReportsApi({ fetch, token: () => token, onUnauthorized: () => undefined });
    const refused = await report.report("2024-H1", null).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    expect(seen).toEqual(["Bearer old"]);

    seen.length = 0;
    const stillRefused = await createActionsApi({ fetch, token: () => "old", onUnauthorized: async () => true }).unitList("u1").catch((e: unknown) => e);
    expect(stillRefused).toBeInstanceOf(ApiProblemError);
    expect(seen).toEqual(["Bearer old", "Bearer old"]);
  });
});
