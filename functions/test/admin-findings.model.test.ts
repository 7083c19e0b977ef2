import type { StoredCriterion } from "../src/ports/admin.js";
import { randomUUID } from "node:crypto";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillCriterionIndex } from "../src/adapters/dynamodb/criterion-index-backfill.js";
import { dynamoDbAdminStores } from "../src/adapters/dynamodb/dynamodb-admin-stores.js";
import { DynamoDbPublicationStore } from "../src/adapters/dynamodb/dynamodb-publication-store.js";
import { DynamoDbSnapshotStore } from "../src/adapters/dynamodb/dynamodb-snapshot-store.js";
import { ensureTable } from "../src/adapters/dynamodb/table.js";
import { type AdminDeps, AdminError } from "../src/use-cases/admin/common.js";
import { appraiseCriterion, getCriterion } from "../src/use-cases/admin/criteria.js";
import { concludeFinding, createFinding, getFinding, listFindings, updateFinding } from "../src/use-cases/admin/findings.js";
import { tempRuntime } from "./support/temp-runtime.js";

const UNIT = "DIST-731";
const PERIOD = "2024-H1";
const CRITERIA = ["PAR1", "PAR5"] as const;
type Crit = (typeof CRITERIA)[number];
const HA = { sub: "home-affairs", role: "home-affairs" };
const HA2 = { sub: "home-affairs-2", role: "home-affairs" };

interface Model {
  findings: { id: string; version: number; status: "DRAFT" | "CONCLUDED"; criterion: Crit }[];
  criteria: Record<Crit, { version: number; locked: boolean }>;
}
interface Real {
  deps: AdminDeps;
}

/** The outcome of a use-case call: "ok" or the AdminError code. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof AdminError) return e.code;
    throw e;
  }
}

const input = (criterion: Crit, deduction: number) => ({ unitId: UNIT, period: PERIOD, criterion, deduction, evidence: `BB-${deduction}` });

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly criterion: Crit, readonly deduction: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const { finding, created } = await createFinding(r.deps)(HA, input(this.criterion, this.deduction));
    expect(created).toBe(true);
    m.findings.push({ id: finding.findingId, version: 1, status: "DRAFT", criterion: this.criterion });
  }
  toString = () => `Create(${this.criterion}, −${this.deduction})`;
}

class Edit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number, readonly stale: boolean, readonly criterion: Crit, readonly deduction: number) {}
  check = (m: Readonly<Model>) => m.findings.length > 0;
  async run(m: Model, r: Real) {
    const f = m.findings[this.index % m.findings.length]!;
    const version = this.stale ? f.version - 1 : f.version;
    const got = await outcome(updateFinding(r.deps)(HA, f.id, version, input(this.criterion, this.deduction)));
    const expected = f.status === "CONCLUDED" ? "INSPECTION_LOCKED" : this.stale ? "VERSION_CONFLICT" : "ok";
    expect(got).toBe(expected);
    if (got === "ok") Object.assign(f, { version: f.version + 1, criterion: this.criterion });
  }
  toString = () => `Edit(#${this.index}, ${this.stale ? "stale" : "current"}, ${this.criterion})`;
}

/** Two people save the same version at the same time: exactly one wins, the other gets 409. */
class RacingEdits implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.findings.length > 0;
  async run(m: Model, r: Real) {
    const f = m.findings[this.index % m.findings.length]!;
    const got = await Promise.all([
      outcome(updateFinding(r.deps)(HA, f.id, f.version, input(f.criterion, 1))),
      outcome(updateFinding(r.deps)(HA2, f.id, f.version, input(f.criterion, 2))),
    ]);
    if (f.status === "CONCLUDED") expect(got).toEqual(["INSPECTION_LOCKED", "INSPECTION_LOCKED"]);
    else {
      expect(got.sort()).toEqual(["VERSION_CONFLICT", "ok"]);
      f.version += 1;
    }
  }
  toString = () => `RacingEdits(#${this.index})`;
}

class Conclude implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number, readonly stale: boolean) {}
  check = (m: Readonly<Model>) => m.findings.length > 0;
  async run(m: Model, r: Real) {
    const f = m.findings[this.index % m.findings.length]!;
    const got = await outcome(concludeFinding(r.deps)(HA, f.id, this.stale ? f.version - 1 : f.version, { noticeNumber: "12/TB-SNV", noticeDate: "2024-06-20" }));
    const expected = f.status === "CONCLUDED" ? "INSPECTION_LOCKED" : this.stale ? "VERSION_CONFLICT" : "ok";
    expect(got).toBe(expected);
    if (got === "ok") {
      Object.assign(f, { version: f.version + 1, status: "CONCLUDED" });
      m.criteria[f.criterion].locked = true;
    }
  }
  toString = () => `Conclude(#${this.index}, ${this.stale ? "stale" : "current"})`;
}

/** Concluding and editing the same version at once: exactly one of them happens. */
class ConcludeRacingEdit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number, readonly criterion: Crit) {}
  check = (m: Readonly<Model>) => m.findings.length > 0;
  async run(m: Model, r: Real) {
    const f = m.findings[this.index % m.findings.length]!;
    const [c, e] = await Promise.all([
      outcome(concludeFinding(r.deps)(HA, f.id, f.version, { noticeNumber: "13/TB-SNV", noticeDate: "2024-06-21" })),
      outcome(updateFinding(r.deps)(HA2, f.id, f.version, input(this.criterion, 3))),
    ]);
    if (f.status === "CONCLUDED") {
      expect([c, e]).toEqual(["INSPECTION_LOCKED", "INSPECTION_LOCKED"]);
      return;
    }
    expect([c, e].filter((x) => x === "ok")).toHaveLength(1);
    if (c === "ok") {
      expect(e).toBe("INSPECTION_LOCKED");
      Object.assign(f, { version: f.version + 1, status: "CONCLUDED" });
      m.criteria[f.criterion].locked = true;
    } else {
      expect(["VERSION_CONFLICT", "CONCURRENT_CHANGE"]).toContain(c);
      Object.assign(f, { version: f.version + 1, criterion: this.criterion });
    }
  }
  toString = () => `ConcludeRacingEdit(#${this.index}, ${this.criterion})`;
}

/** Manual (re-)appraisal: refused once a concluded finding covers the criterion. */
class Appraise implements fc.AsyncCommand<Model, Real> {
  constructor(readonly criterion: Crit, readonly points: number, readonly stale: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const c = m.criteria[this.criterion];
    const version = this.stale ? c.version + 1 : c.version;
    const got = await outcome(appraiseCriterion(r.deps)(HA, UNIT, PERIOD, this.criterion, version, { points: this.points, evidence: "QĐ 1/2024" }));
    const expected = c.locked ? "CRITERION_LOCKED" : this.stale ? "VERSION_CONFLICT" : "ok";
    expect(got).toBe(expected);
    if (got === "ok") c.version += 1;
  }
  toString = () => `Appraise(${this.criterion}, ${this.points}, ${this.stale ? "stale" : "current"})`;
}

/** After every command the stored state equals the model's. */
async function assertSameState(m: Model, r: Real) {
  for (const f of m.findings) {
    const stored = await getFinding(r.deps)(f.id);
    expect({ version: stored.version, status: stored.status, criterion: stored.criterion }).toEqual({ version: f.version, status: f.status, criterion: f.criterion });
  }
  for (const crit of CRITERIA) {
    const stored = await getCriterion(r.deps)(UNIT, PERIOD, crit);
    expect({ version: stored.version, locked: stored.locked }).toEqual(m.criteria[crit]);
  }
  // A finding counts once, in its own period.
  const listed = await listFindings(r.deps)(PERIOD, UNIT);
  expect(listed.map((f) => f.findingId).sort()).toEqual(m.findings.map((f) => f.id).sort());
  expect(await listFindings(r.deps)("2024-H2", UNIT)).toEqual([]);
}

const crit = fc.constantFrom(...CRITERIA);
const commands = [
  fc.tuple(crit, fc.integer({ min: 1, max: 5 })).map(([c, d]) => new Create(c, d)),
  fc.tuple(fc.nat(9), fc.boolean(), crit, fc.integer({ min: 1, max: 5 })).map(([i, s, c, d]) => new Edit(i, s, c, d)),
  fc.nat(9).map((i) => new RacingEdits(i)),
  fc.tuple(fc.nat(9), fc.boolean()).map(([i, s]) => new Conclude(i, s)),
  fc.tuple(fc.nat(9), crit).map(([i, c]) => new ConcludeRacingEdit(i, c)),
  fc.tuple(crit, fc.integer({ min: 0, max: 8 }), fc.boolean()).map(([c, p, s]) => new Appraise(c, p, s)),
];

describe("Model: the inspection-finding life cycle draft → concluded, with races and locked criteria (dynalite)", () => {
  let env: Awaited<ReturnType<typeof tempRuntime>>;
  let db: DynamoDBDocumentClient;
  const newTable = async () => {
    const table = `admin-model-${randomUUID().slice(0, 8)}`;
    await ensureTable(env.rt.dynamoClient, table);
    return table;
  };
  /** A fresh table per run, so that each run starts from nothing. */
  const depsFor = async (table?: string): Promise<AdminDeps> => {
    table ??= await newTable();
    return { ...env.rt.admin, stores: dynamoDbAdminStores(db, table), publications: new DynamoDbPublicationStore(db, table), snapshots: new DynamoDbSnapshotStore(db, table) };
  };
  const appraisal = (unitId: string, periodId: string, criterion: string, points: number, version = 1): StoredCriterion =>
    ({ unitId, periodId, criterion, points, evidence: `BC-${points}`, lockedBy: [], version, updatedAt: "2024-07-01T00:00:00.000Z", lastAudit: null });
  /** What the per-unit reads return for these units, in listByPeriod's order (unit, then criterion). */
  const perUnit = async (deps: AdminDeps, periodId: string, units: readonly string[]) => (await Promise.all(units.map((u) => deps.stores.criteria.list(u, periodId)))).flat();

  beforeAll(async () => {
    env = await tempRuntime();
    db = DynamoDBDocumentClient.from(env.rt.dynamoClient, { marshallOptions: { removeUndefinedValues: true } });
  });
  afterAll(() => env.dispose());

  it("matches the model for any sequence of creates, edits, racing edits, conclusions and appraisals", async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (cmds) => {
        const real: Real = { deps: await depsFor() };
        const model: Model = { findings: [], criteria: { PAR1: { version: 0, locked: false }, PAR5: { version: 0, locked: false } } };
        await fc.asyncModelRun(() => ({ model, real }), [...cmds].flatMap((c) => [c, new Check()]) as Iterable<fc.AsyncCommand<Model, Real>>);
      }),
      { numRuns: 25, seed: 20261127 },
    );
  });

  it("the lock is the storage condition: writes that skip the use case's checks are refused by DynamoDB", async () => {
    const deps = await depsFor();
    const { finding } = await createFinding(deps)(HA, input("PAR5", 2));
    await concludeFinding(deps)(HA, finding.findingId, 1, { noticeNumber: "7/TB-TTr", noticeDate: "2024-05-02" });
    const stored = (await deps.stores.findings.get(finding.findingId))!;
    // The concluded finding at its current version: only the condition stands in the way.
    expect(await deps.stores.findings.replace({ ...stored, deduction: 0.5, version: stored.version + 1 }, stored.version)).toBe("condition-failed");
    const crit = (await deps.stores.criteria.get(UNIT, PERIOD, "PAR5"))!;
    expect(crit.lockedBy).toHaveLength(1);
    expect(await deps.stores.criteria.appraise({ ...crit, points: 12, evidence: "x", lockedBy: [], version: 1 }, crit.version)).toBe("condition-failed");
    expect((await deps.stores.findings.get(finding.findingId))!.deduction).toBe(2);
  });

  it("an abandoned lock (crash between lock and conclusion) is fenced off, then cleared by the next appraisal", async () => {
    const deps = await depsFor();
    const { finding } = await createFinding(deps)(HA, input("PAR1", 1));
    const token = `${finding.findingId}#crashed-attempt`;
    await deps.stores.criteria.lock(UNIT, PERIOD, "PAR1", token); // the concluder died right after step 1
    expect((await getCriterion(deps)(UNIT, PERIOD, "PAR1")).locked).toBe(false); // not a live lock
    await appraiseCriterion(deps)(HA, UNIT, PERIOD, "PAR1", 0, { points: 7, evidence: "BC 5/2024" });
    // The slow concluder wakes up: its token was revoked, so the storage condition refuses it.
    const stored = (await deps.stores.findings.get(finding.findingId))!;
    expect(await deps.stores.findings.replace({ ...stored, status: "CONCLUDED", noticeNumber: "1", noticeDate: "2024-05-01", lockToken: token, version: 2 }, 1)).toBe("condition-failed");
    // A proper conclusion still works and locks.
    await concludeFinding(deps)(HA, finding.findingId, 1, { noticeNumber: "9/TB-SNV", noticeDate: "2024-05-03" });
    expect(await outcome(appraiseCriterion(deps)(HA, UNIT, PERIOD, "PAR1", 1, { points: 9, evidence: "x" }))).toBe("CRITERION_LOCKED");
  });

  it("every change and every refused attempt is in the audit log (who, what, before, after)", async () => {
    const deps = await depsFor();
    const { finding } = await createFinding(deps)(HA, input("PAR5", 2));
    await updateFinding(deps)(HA2, finding.findingId, 1, input("PAR5", 3));
    await concludeFinding(deps)(HA, finding.findingId, 2, { noticeNumber: "3/TB", noticeDate: "2024-04-01" });
    await outcome(updateFinding(deps)(HA2, finding.findingId, 3, input("PAR5", 1)));
    await outcome(appraiseCriterion(deps)(HA2, UNIT, PERIOD, "PAR5", 0, { points: 10, evidence: "x" }));
    const { entries } = await deps.stores.audit.page({ limit: 50 });
    expect(entries.map((e) => `${e.action}:${e.actor.sub}`).reverse()).toEqual([
      "finding.create:home-affairs",
      "finding.update:home-affairs-2",
      "finding.conclude:home-affairs",
      "finding.update.refused:home-affairs-2",
      "criterion.appraise.refused:home-affairs-2",
    ]);
    const update = entries.find((e) => e.action === "finding.update")!;
    expect(update.before).toMatchObject({ deduction: 2, version: 1 });
    expect(update.after).toMatchObject({ deduction: 3, version: 2 });
  });

  it("criteria.listByPeriod: every unit's criteria of one period (appraised, head general, locked, unlocked), as the per-unit reads; no other period", async () => {
    const deps = await depsFor();
    const c = deps.stores.criteria;
    expect(await c.appraise(appraisal("U1", "2024-H1", "PAR1", 5), 0)).toBe("ok");
    expect(await c.appraise(appraisal("U1", "2024-H1", "PAR1", 6, 2), 1)).toBe("ok"); // the index follows the update
    expect(await c.appraise(appraisal("U1", "2024-H1", "HEAD#H-1", 25), 0)).toBe("ok");
    expect(await c.appraise(appraisal("U2", "2024-H1", "PAR5", 9), 0)).toBe("ok");
    await c.lock("U2", "2024-H1", "PAR1", "F-1#a");
    await c.lock("U3", "2024-H1", "PAR5", "F-2#a");
    await c.lock("U4", "2024-H1", "PAR1", "F-3#a");
    await c.unlock("U4", "2024-H1", "PAR1", "F-3#a");
    await c.unlock("U5", "2024-H1", "PAR1", "F-4#a"); // never locked: the update creates the item
    // Other periods, same units.
    expect(await c.appraise(appraisal("U1", "2024-H2", "PAR1", 3), 0)).toBe("ok");
    await c.lock("U2", "2024", "PAR5", "F-5#a");

    const h1 = await c.listByPeriod("2024-H1");
    expect(h1.map((x) => `${x.unitId}/${x.criterion}:${x.points}:${x.lockedBy.join(",")}`)).toEqual([
      "U1/HEAD#H-1:25:",
      "U1/PAR1:6:",
      "U2/PAR1:null:F-1#a",
      "U2/PAR5:9:",
      "U3/PAR5:null:F-2#a",
      "U4/PAR1:null:",
      "U5/PAR1:null:",
    ]);
    expect(h1).toEqual(await perUnit(deps, "2024-H1", ["U1", "U2", "U3", "U4", "U5"]));
    expect((await c.listByPeriod("2024-H2")).map((x) => `${x.unitId}/${x.criterion}:${x.points}`)).toEqual(["U1/PAR1:3"]);
    expect((await c.listByPeriod("2024")).map((x) => `${x.unitId}/${x.criterion}:${x.lockedBy.join(",")}`)).toEqual(["U2/PAR5:F-5#a"]);
    expect(await c.listByPeriod("2023")).toEqual([]);
  });

  it("backfillCriterionIndex: criterion items written without gsi1 keys are found by listByPeriod afterwards; it scans once per table", async () => {
    const table = await newTable();
    const deps = await depsFor(table);
    const legacy = (unitId: string, periodId: string, criterion: string, extra: Record<string, unknown>) =>
      db.send(new PutCommand({ TableName: table, Item: { pk: `ADMIN#CRIT#${unitId}#${periodId}`, sk: criterion, kind: "CRITERION", unitId, periodId, criterion, ...extra } }));
    // As appraise and lock wrote them before the index.
    await legacy("U1", "2024-H1", "PAR1", { points: 4, evidence: "BC-4", version: 1, updatedAt: "2024-07-01T00:00:00.000Z", lastAudit: null });
    await legacy("U2", "2024-H1", "PAR5", { lockedBy: new Set(["F-1#a"]) });
    await legacy("U2", "2024-H2", "PAR5", { points: 8, evidence: "BC-8", version: 1, updatedAt: "2024-07-01T00:00:00.000Z", lastAudit: null });
    expect(await deps.stores.criteria.appraise(appraisal("U3", "2024-H1", "PAR1", 2), 0)).toBe("ok"); // already indexed
    expect((await deps.stores.criteria.listByPeriod("2024-H1")).map((x) => x.unitId)).toEqual(["U3"]);

    expect(await backfillCriterionIndex(db, table)).toBe(3);
    const h1 = await deps.stores.criteria.listByPeriod("2024-H1");
    expect(h1.map((x) => `${x.unitId}/${x.criterion}:${x.points}:${x.lockedBy.join(",")}`)).toEqual(["U1/PAR1:4:", "U2/PAR5:null:F-1#a", "U3/PAR1:2:"]);
    expect(h1).toEqual(await perUnit(deps, "2024-H1", ["U1", "U2", "U3"]));
    expect((await deps.stores.criteria.listByPeriod("2024-H2")).map((x) => `${x.unitId}/${x.criterion}:${x.points}`)).toEqual(["U2/PAR5:8"]);

    // The marker stops any second scan: an unindexed item written now stays unindexed.
    await legacy("U4", "2024-H1", "PAR1", { points: 1, evidence: "BC-1", version: 1, updatedAt: "2024-07-01T00:00:00.000Z", lastAudit: null });
    expect(await backfillCriterionIndex(db, table)).toBe(0);
    expect((await deps.stores.criteria.listByPeriod("2024-H1")).map((x) => x.unitId)).toEqual(["U1", "U2", "U3"]);
  });
});

/** Runs the state comparison after each command (a command that is always allowed). */
class Check implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  run = (m: Model, r: Real) => assertSameState(m, r);
  toString = () => "·";
}
