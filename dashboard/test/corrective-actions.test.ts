/**
 * Corrective actions in the dashboard (issue 24, item 1): the client sends what the routes take
 * (paths, filters, If-Match) and the refusals are said in the reader's language, each refused field
 * named in words — never the server's English. The pages themselves: e2e/journeys.browser.test.ts.
 */
import { describe, expect, it } from "vitest";
import { createActionsApi } from "../src/lib/actions-api.js";
import { ApiProblemError } from "../src/lib/api.js";
import { actionsEn, actionsVi } from "../src/lib/i18n/actions.js";
import { AdminActionsModel, outcomeWords } from "../src/models/corrective-actions.svelte.js";
import type { ActionsApi } from "../src/lib/actions-api.js";
import { NetworkError } from "../src/lib/api.js";

describe("Client: corrective actions", () => {
  const recorder = (status = 200, body: unknown = { actionId: "CA-1", actions: [] }) => {
    const calls: { url: string; method: string; headers: Record<string, string>; body: unknown }[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      calls.push({ url: String(input), method: init?.method ?? "GET", headers: init?.headers as Record<string, string>, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    };
    return { calls, api: createActionsApi({ fetch, token: () => "t0k" }) };
  };

  it("lists with the filters given, reports under the unit's path with the version as If-Match", async () => {
    const { calls, api } = recorder();
    await api.list({ overdue: true, unitId: "DIST-731", status: "REPORTED", period: "2024-H1" });
    await api.list({});
    await api.report("DIST-731", "CA 1/x", { text: "Đã làm", indicator: "P1" }, 4);
    await api.reopen("CA-1", { reason: "Chưa đủ", deadline: "2026-02-01" }, 2);
    expect(calls.map((c) => [c.method, c.url, c.headers["if-match"] ?? null])).toEqual([
      ["GET", "/v1/admin/actions?period=2024-H1&unitId=DIST-731&status=REPORTED&overdue=true", null],
      ["GET", "/v1/admin/actions", null],
      ["POST", "/v1/units/DIST-731/actions/CA%201%2Fx/report", '"4"'],
      ["POST", "/v1/admin/actions/CA-1/reopen", '"2"'],
    ]);
    expect(calls[2]).toMatchObject({ headers: { authorization: "Bearer t0k", "content-type": "application/json" }, body: { text: "Đã làm", indicator: "P1" } });
  });

  it("a refusal is an ApiProblemError carrying the fields", async () => {
    const problem = { type: "about:blank", title: "Invalid request", status: 422, code: "INVALID_CONTENT", errors: [{ field: "status", code: "ACTION_CLOSED", message: "closed" }] };
    const { api } = recorder(422, problem);
    const e = await api.report("DIST-731", "CA-1", { text: "x" }, 3).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiProblemError);
    expect((e as ApiProblemError).problem.errors).toEqual(problem.errors);
  });
});

describe("Function: outcomeWords", () => {
  const refused = (status: number, code: string, errors?: { field: string; code: string }[]) => ({ ok: false as const, actionId: "CA-1", status, code, errors });

  it("names each refused field and why, in Vietnamese and in English", () => {
    const o = refused(422, "INVALID_CONTENT", [
      { field: "basis.findingId", code: "NOT_CONCLUDED" },
      { field: "deadline", code: "OUT_OF_RANGE" },
    ]);
    expect(outcomeWords(o, actionsVi)).toEqual({
      kind: "error",
      text: "Chưa lưu được — kiểm tra lại:",
      fields: ["Căn cứ: kết luận kiểm tra còn là bản nháp", "Hạn báo cáo: không được trước hôm nay"],
    });
    expect(outcomeWords(o, actionsEn)?.fields).toEqual(["Basis: the finding is still a draft", "Report by: must not be before today"]);
    // A closed action; a code this build does not know: the generic reason, never the server's English.
    expect(outcomeWords(refused(422, "INVALID_CONTENT", [{ field: "status", code: "ACTION_CLOSED" }]), actionsEn)?.fields).toEqual(["Status: the action was accepted: it is closed"]);
    expect(outcomeWords(refused(422, "INVALID_CONTENT", [{ field: "text", code: "SOMETHING_NEW" }]), actionsVi)?.fields).toEqual(["Nội dung báo cáo: giá trị không hợp lệ"]);
  });

  it("a stale version, a double submit with other content, another unit's action, no network", () => {
    expect(outcomeWords(refused(409, "VERSION_CONFLICT"), actionsVi)?.text).toBe(actionsVi.outcome.conflict);
    expect(outcomeWords(refused(409, "ALREADY_EXISTS"), actionsEn)?.text).toBe("Another action already has this id.");
    expect(outcomeWords(refused(404, "NOT_FOUND"), actionsEn)?.text).toBe("This unit has no such corrective action.");
    expect(outcomeWords(refused(0, "NETWORK"), actionsVi)?.text).toBe(actionsVi.outcome.network);
    expect(outcomeWords({ ok: true, actionId: "CA-1" }, actionsVi)).toEqual({ kind: "ok", text: "Đã lưu.", fields: [] });
    expect(outcomeWords(null, actionsVi)).toBeNull();
  });
});

describe("Model: opening an action", () => {
  it("sends one id until the action is opened: a retry after a lost answer is a harmless double submit; the next action gets a new id", async () => {
    const sent: (string | undefined)[] = [];
    let fail = true;
    const api = {
      open: async (body: { actionId?: string }) => {
        sent.push(body.actionId);
        if (fail) throw new NetworkError("lost");
        return { actionId: body.actionId } as never;
      },
      list: async () => ({ actions: [], today: "2026-01-12" }),
    } as unknown as ActionsApi;
    const model = new AdminActionsModel(api);
    const input = { unitId: "DIST-731", basis: { kind: "INDICATOR" as const, indicator: "P1", period: "2024-H1" }, deadline: "2026-03-31", required: "Khắc phục" };
    expect((await model.open(input)).ok).toBe(false);
    fail = false;
    expect((await model.open(input)).ok).toBe(true);
    await model.open(input);
    expect(sent[0]).toMatch(/^CA-/);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[2]).not.toBe(sent[0]);
  });
});
