/**
 * ADR 0013: the period listings (findings, criteria, head rosters) read gsi1, which DynamoDB
 * updates asynchronously, and settle it against the writes audited within the settle window.
 * dynalite's indexes are always current, so the lagging index is modelled: gsi1 queries are
 * answered by a replica table copied at one instant (`freeze`), while everything else reads the
 * real table. The truth is what the base table holds (a scan, read consistently).
 */
import type { AdminStores, StoredFinding } from "../src/ports/admin.js";
import { randomUUID } from "node:crypto";
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dynamoDbAdminStores } from "../src/adapters/dynamodb/dynamodb-admin-stores.js";
import { INDEX_SETTLE_MS } from "../src/adapters/dynamodb/index-settle.js";
import { ensureTable } from "../src/adapters/dynamodb/table.js";
import type { AdminDeps } from "../src/use-cases/admin/common.js";
import { appraiseCriterion } from "../src/use-cases/admin/criteria.js";
import { concludeFinding, createFinding, updateFinding } from "../src/use-cases/admin/findings.js";
import { addHead } from "../src/use-cases/admin/heads.js";
import { tempRuntime } from "./support/temp-runtime.js";

const HA = { sub: "home-affairs", role: "home-affairs" };
const UNITS = ["DIST-731", "DIST-732"] as const;
const PERIODS = ["2024-H1", "2024-H2"] as const;
const T0 = Date.parse("2024-07-02T08:00:00.000Z");

describe("Period listings settle a lagging index against the audit log (ADR 0013)", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let db: DynamoDBDocumentClient;

  beforeAll(async () => {
    env = await tempRuntime();
    db = DynamoDBDocumentClient.from(env.rt.dynamoClient, { marshallOptions: { removeUndefinedValues: true } });
  });
  afterAll(() => env.dispose());

  /** A fresh table, its stale index replica, and admin deps whose gsi1 reads go to the replica. */
  async function world(settleMs = INDEX_SETTLE_MS) {
    const table = `settle-${randomUUID().slice(0, 8)}`;
    const replica = `${table}-gsi1`;
    await ensureTable(env.rt.dynamoClient, table);
    await ensureTable(env.rt.dynamoClient, replica);
    let now = T0;
    const clock = { now: () => new Date(now) };
    const lagging = {
      send: (command: { input: Record<string, unknown> }) =>
        command instanceof QueryCommand && command.input.IndexName !== undefined ? db.send(new QueryCommand({ ...command.input, TableName: replica } as never)) : db.send(command as never),
    } as unknown as DynamoDBDocumentClient;
    const stores = (client: DynamoDBDocumentClient, ms = settleMs): AdminStores => dynamoDbAdminStores(client, table, { now: () => now, settleMs: ms });
    const deps: AdminDeps = { ...env.rt.admin, clock, stores: stores(db) };
    return {
      deps,
      /** The stores as a listing sees them while gsi1 lags (settling as configured, or not at all with 0). */
      lagging: (ms = settleMs) => stores(lagging, ms),
      /** The truth: the index that is current (dynalite's own), not settled. */
      current: stores(db, 0),
      advance: (ms: number) => (now += ms),
      /** The index as of now: later writes stay out of it until the next freeze. */
      async freeze() {
        const items = ((await db.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? []) as Record<string, unknown>[];
        const stale = ((await db.send(new ScanCommand({ TableName: replica, ConsistentRead: true }))).Items ?? []) as Record<string, unknown>[];
        const keep = new Set(items.map((i) => `${i["pk"]}|${i["sk"]}`));
        for (const i of stale) if (!keep.has(`${i["pk"]}|${i["sk"]}`)) await db.send(new DeleteCommand({ TableName: replica, Key: { pk: i["pk"], sk: i["sk"] } }));
        for (const i of items) await db.send(new PutCommand({ TableName: replica, Item: i }));
      },
    };
  }

  const finding = (unitId: string, period: string, deduction: number) => ({ unitId, period, criterion: "PAR5", deduction, evidence: `BB-${deduction}` });
  const view = (fs: readonly StoredFinding[]) => fs.map((f) => ({ id: f.findingId, unit: f.unitId, period: f.periodId, status: f.status, deduction: f.deduction }));

  it("a finding concluded a moment ago is listed as concluded, with its deduction; without settling the index hides it", async () => {
    const w = await world();
    const { finding: before } = await createFinding(w.deps)(HA, finding(UNITS[0], PERIODS[0], 1));
    await w.freeze();
    w.advance(400);
    await concludeFinding(w.deps)(HA, before.findingId, 1, { noticeNumber: "12/TB-SNV", noticeDate: "2024-06-20" });
    const { finding: fresh } = await createFinding(w.deps)(HA, finding(UNITS[1], PERIODS[0], 3));
    w.advance(400);
    const truth = view(await w.current.findings.listByPeriod(PERIODS[0]));
    expect(truth.map((f) => f.status)).toEqual(["CONCLUDED", "DRAFT"]);
    expect(view(await w.lagging().findings.listByPeriod(PERIODS[0]))).toEqual(truth);
    expect(view(await w.lagging().findings.listByPeriod(PERIODS[0], UNITS[1]))).toEqual(truth.filter((f) => f.id === fresh.findingId));
    // The model of the lag is real: read without settling, the index still shows the draft and misses the new finding.
    expect(view(await w.lagging(0).findings.listByPeriod(PERIODS[0]))).toEqual([{ id: before.findingId, unit: UNITS[0], period: PERIODS[0], status: "DRAFT", deduction: 1 }]);
  });

  it("a finding moved to another period or unit leaves the old listing at once", async () => {
    const w = await world();
    const { finding: f } = await createFinding(w.deps)(HA, finding(UNITS[0], PERIODS[0], 2));
    await w.freeze();
    await updateFinding(w.deps)(HA, f.findingId, 1, finding(UNITS[1], PERIODS[1], 2));
    expect(await w.lagging().findings.listByPeriod(PERIODS[0])).toEqual([]);
    expect(view(await w.lagging().findings.listByPeriod(PERIODS[1], UNITS[1]))).toEqual([{ id: f.findingId, unit: UNITS[1], period: PERIODS[1], status: "DRAFT", deduction: 2 }]);
    expect(await w.lagging().findings.listByPeriod(PERIODS[1], UNITS[0])).toEqual([]);
  });

  it("criteria appraised and head rosters changed a moment ago are listed as the table holds them", async () => {
    const w = await world();
    await appraiseCriterion(w.deps)(HA, UNITS[0], PERIODS[0], "PAR1", 0, { points: 4, evidence: "QĐ 1/2024" });
    await addHead(w.deps)(HA, UNITS[0], { name: "Nguyễn Văn A", title: "Trưởng phòng", tenureFrom: "2024-01-01", tenureTo: null });
    await w.freeze();
    await appraiseCriterion(w.deps)(HA, UNITS[0], PERIODS[0], "PAR1", 1, { points: 6, evidence: "QĐ 2/2024" });
    await appraiseCriterion(w.deps)(HA, UNITS[1], PERIODS[0], "PAR1", 0, { points: 2, evidence: "QĐ 3/2024" });
    await addHead(w.deps)(HA, UNITS[1], { name: "Trần Thị B", title: "Chủ tịch", tenureFrom: "2024-01-01", tenureTo: null });
    const points = (cs: readonly { unitId: string; criterion: string; points: number | null }[]) => cs.map((c) => `${c.unitId}/${c.criterion}=${c.points}`);
    expect(points(await w.lagging().criteria.listByPeriod(PERIODS[0]))).toEqual(["DIST-731/PAR1=6", "DIST-732/PAR1=2"]);
    expect(points(await w.lagging(0).criteria.listByPeriod(PERIODS[0]))).toEqual(["DIST-731/PAR1=4"]);
    expect(await w.lagging().criteria.listByPeriod(PERIODS[1])).toEqual([]);
    expect((await w.lagging().heads.list()).map((r) => `${r.unitId}:${r.heads.length}`)).toEqual(["DIST-731:1", "DIST-732:1"]);
    expect((await w.lagging(0).heads.list()).map((r) => r.unitId)).toEqual(["DIST-731"]);
  });

  it("writes older than the settle window are read from the index (the bound the ADR states)", async () => {
    const w = await world(60_000);
    const { finding: f } = await createFinding(w.deps)(HA, finding(UNITS[0], PERIODS[0], 1));
    await w.freeze();
    await concludeFinding(w.deps)(HA, f.findingId, 1, { noticeNumber: "12/TB-SNV", noticeDate: "2024-06-20" });
    w.advance(59_000);
    expect((await w.lagging().findings.listByPeriod(PERIODS[0])).map((x) => x.status)).toEqual(["CONCLUDED"]);
    w.advance(2_000);
    expect((await w.lagging().findings.listByPeriod(PERIODS[0])).map((x) => x.status)).toEqual(["DRAFT"]);
  });

  it("for any writes after the index froze, the settled listings equal the table's", async () => {
    type Op = { kind: "create"; unit: number; period: number; deduction: number } | { kind: "move"; which: number; unit: number; period: number } | { kind: "conclude"; which: number } | { kind: "appraise"; unit: number; period: number; points: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant("create" as const), unit: fc.nat(1), period: fc.nat(1), deduction: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant("move" as const), which: fc.nat(9), unit: fc.nat(1), period: fc.nat(1) }),
      fc.record({ kind: fc.constant("conclude" as const), which: fc.nat(9) }),
      fc.record({ kind: fc.constant("appraise" as const), unit: fc.nat(1), period: fc.nat(1), points: fc.integer({ min: 0, max: 8 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 8 }), fc.array(op, { minLength: 1, maxLength: 8 }), async (before, after) => {
        const w = await world();
        const ids: { id: string; version: number; concluded: boolean }[] = [];
        const crit = new Map<string, number>();
        const run = async (o: Op) => {
          w.advance(100);
          if (o.kind === "create") {
            const { finding: f } = await createFinding(w.deps)(HA, finding(UNITS[o.unit]!, PERIODS[o.period]!, o.deduction));
            ids.push({ id: f.findingId, version: 1, concluded: false });
          } else if (o.kind === "appraise") {
            const k = `${o.unit}/${o.period}`;
            await appraiseCriterion(w.deps)(HA, UNITS[o.unit]!, PERIODS[o.period]!, "PAR1", crit.get(k) ?? 0, { points: o.points, evidence: "QĐ" });
            crit.set(k, (crit.get(k) ?? 0) + 1);
          } else {
            const f = ids[o.which % Math.max(1, ids.length)];
            if (!f || f.concluded) return;
            if (o.kind === "move") await updateFinding(w.deps)(HA, f.id, f.version, finding(UNITS[o.unit]!, PERIODS[o.period]!, 2));
            else await concludeFinding(w.deps)(HA, f.id, f.version, { noticeNumber: "1/TB", noticeDate: "2024-06-20" });
            f.version++;
            f.concluded = o.kind === "conclude";
          }
        };
        for (const o of before) await run(o);
        await w.freeze();
        for (const o of after) await run(o);
        for (const p of PERIODS) {
          expect(view(await w.lagging().findings.listByPeriod(p))).toEqual(view(await w.current.findings.listByPeriod(p)));
          for (const u of UNITS) expect(view(await w.lagging().findings.listByPeriod(p, u))).toEqual(view(await w.current.findings.listByPeriod(p, u)));
          expect(await w.lagging().criteria.listByPeriod(p)).toEqual(await w.current.criteria.listByPeriod(p));
        }
      }),
      { numRuns: 30, seed: 20261127 },
    );
  });
});
