/**
 * Rules as data reach the cloud's scoring job (issue 24, item 4): the production dependencies
 * (handlers/job-deps.ts) read the holiday rules from the table (ADMIN#RULES / HOLIDAYS, behind
 * aws-sdk-client-mock's keeping table) and the job writes the lake's dim_calendar from them — the
 * table the SQL counts working days with.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { VN_CALENDAR_DAYS } from "@scorecard/shared/data/calendar.data";
import { dimPrefix, tableObjectKey } from "@scorecard/shared/lake/layout";
import { DynamoDbRulesStore } from "../src/adapters/dynamodb/dynamodb-rules-store.js";
import { handler } from "../src/handlers/score.js";
import { parseJsonLinesGz } from "../src/lib/json-lines.js";
import { scoreHandlerFixture } from "./support/score-handler-fixture.js";
import { lambdaContext } from "./support/lambda-context.js";

const { s3 } = scoreHandlerFixture();
const run = (event: unknown) => handler(event as never, lambdaContext("score"));
const CALENDAR = tableObjectKey(dimPrefix("calendar"), "calendar");
const working = (date: string) => parseJsonLinesGz<{ date: string; is_working: boolean }>(s3.body(CALENDAR) as Uint8Array, "calendar").find((r) => r.date === date)?.is_working;

describe("Handler: score, with the holiday rules Home Affairs recorded", () => {
  it("writes dim_calendar from the compiled calendar when nothing is stored: Tuesday 20 February 2024 is a working day", async () => {
    await run({ job: "score", periods: ["2024-02"] });
    expect(working("2024-02-20")).toBe(true);
    expect(working("2024-02-12")).toBe(false); // Tết 2024 (compiled)
  });

  it("writes dim_calendar from the stored year: 20 February 2024 added as a day off is not a working day", async () => {
    const store = new DynamoDbRulesStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-1" })), "scorecard-test");
    const days = [...VN_CALENDAR_DAYS.filter((d) => d.date.startsWith("2024-")), { date: "2024-02-20", kind: "HOLIDAY", nameVi: "Ngày nghỉ thêm", nameEn: "Extra day off" }];
    const by = { sub: "ha", role: "home-affairs" };
    expect(await store.putHolidays({ version: 1, lastAudit: null, versions: [{ version: 1, year: 2024, days, basis: "x", at: "2024-02-01T00:00:00Z", by, added: 1, removed: 0 }] }, 0)).toBe("ok");
    await run({ job: "score", periods: ["2024-02"] });
    expect(working("2024-02-20")).toBe(false);
    expect(working("2024-02-21")).toBe(true);
  });
});
