/**
 * The scoring state machine as deployed: its Amazon States Language, read from the synthesized
 * template (the definition string with its references replaced by placeholders), and the
 * resources around it (schedule, dead-letter path, the function it invokes).
 */
import { describe, expect, it } from "vitest";
import { LAMBDA_SERVICE_ERRORS, SCORING_STEPS } from "../lib/constructs/scoring-orchestration.js";
import { JOB_RETRIES } from "../lib/constructs/scheduled-job.js";
import { actionsOf, logicalId, resource, statementsOfRole } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev, prod } = synthesized().templates;

interface Retrier {
  ErrorEquals: string[];
  MaxAttempts?: number;
  IntervalSeconds?: number;
  BackoffRate?: number;
}
interface State {
  Type: string;
  Next?: string;
  End?: boolean;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  ResultPath?: string;
  OutputPath?: string;
  ItemsPath?: string;
  ItemSelector?: Record<string, unknown>;
  MaxConcurrency?: number;
  ItemProcessor?: Machine;
  Retry?: Retrier[];
  Catch?: { ErrorEquals: string[]; Next: string; ResultPath?: string }[];
  Choices?: { Variable: string; BooleanEquals?: boolean; Next: string }[];
  Default?: string;
  TimeoutSeconds?: number;
}
interface Machine {
  StartAt: string;
  States: Record<string, State>;
  TimeoutSeconds?: number;
}

/** The ASL of the stage's state machine: the Fn::Join's strings, each reference a placeholder string. */
function aslOf(template: typeof dev): Machine {
  const sm = resource(template, "AWS::StepFunctions::StateMachine", "JobsScoring").Properties;
  const def = sm["DefinitionString"] as string | { "Fn::Join": [string, unknown[]] };
  const text = typeof def === "string" ? def : def["Fn::Join"][1].map((p) => (typeof p === "string" ? p : `REF:${JSON.stringify(p).replace(/"/g, "'")}`)).join("");
  return JSON.parse(text) as Machine;
}

const asl = aslOf(dev);
const states = asl.States;
const mapName = Object.keys(states).find((n) => states[n]!.Type === "Map")!;
const map = states[mapName]!;
const inner = map.ItemProcessor!;
const fnId = logicalId(dev, "AWS::Lambda::Function", "JobsScoringHandler");

/** Walks from `start` along Next/Default/Choices (not Catch): the states a run passes through when nothing fails. */
function path(machine: Machine, start = machine.StartAt): string[] {
  const seen: string[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.includes(name)) continue;
    seen.push(name);
    const s = machine.States[name]!;
    for (const next of [s.Next, s.Default, ...(s.Choices ?? []).map((c) => c.Next)]) if (next) queue.push(next);
  }
  return seen;
}

/** The step (the `step` field of the payload) a task state sends the scoring function (the task's Parameters: the payload itself, the function's ARN as the Resource). */
const stepOf = (s: State) => (s.Type === "Task" ? (s.Parameters?.["step"] as string | undefined) : undefined);

describe("Construct: ScoringOrchestration (the scoring state machine)", () => {
  it("stages once: the plan is the first state, outside the Map, and no state inside the Map plans", () => {
    expect(stepOf(states[asl.StartAt]!)).toBe("plan");
    expect(Object.values(states).filter((s) => stepOf(s) === "plan")).toHaveLength(1);
    expect(Object.values(inner.States).map(stepOf)).not.toContain("plan");
    // The plan hands the Map its groups and the run (staged prefix, lease) once, for every item.
    expect(states[asl.StartAt]).toMatchObject({ ResultPath: "$.plan", Next: expect.any(String) });
    expect(map).toMatchObject({ ItemsPath: "$.plan.groups", ItemSelector: { "run.$": "$.plan.run", "group.$": "$$.Map.Item.Value" } });
  });

  it("invokes the scoring function synchronously in every task, with the execution's name as the lock's owner", () => {
    const tasks = [...Object.values(states), ...Object.values(inner.States)].filter((s) => s.Type === "Task");
    expect(tasks.map(stepOf).sort()).toEqual(["finish", "group", "plan"]);
    for (const t of tasks) {
      // The function's ARN itself: a synchronous invocation whose result is the handler's return value.
      expect(t.Resource).toBe(`REF:{'Fn::GetAtt':['${fnId}','Arn']}`);
      expect(t.TimeoutSeconds).toBe(900);
    }
    expect(states[asl.StartAt]!.Parameters).toEqual({ step: "plan", "input.$": "$", "owner.$": "$$.Execution.Name" });
  });

  it("skips the run when another holds the lock, and otherwise scores the groups, then finishes", () => {
    const choice = states[states[asl.StartAt]!.Next!]!;
    expect(choice.Type).toBe("Choice");
    expect(choice.Choices).toEqual([{ Variable: "$.plan.skipped", BooleanEquals: true, Next: expect.any(String) }]);
    expect(states[choice.Choices![0]!.Next]!.Type).toBe("Succeed");
    expect(choice.Default).toBe(mapName);
    const finish = states[map.Next!]!;
    expect(stepOf(finish)).toBe("finish");
    expect(finish.Parameters).toEqual({ step: "finish", "run.$": "$.plan.run", "results.$": "$.results" });
    expect(finish.End).toBe(true);
    // Every top-level state is on one of the two paths: nothing else runs (no clean-up branch, no Fail).
    expect(path(asl).sort()).toEqual([asl.StartAt, states[asl.StartAt]!.Next!, choice.Choices![0]!.Next, mapName, map.Next!].sort());
    expect(Object.keys(states).sort()).toEqual(path(asl).sort());
  });

  it("scores at most a few groups at once", () => {
    expect(map.MaxConcurrency).toBe(SCORING_STEPS.maxConcurrency);
    expect(map.MaxConcurrency).toBeGreaterThanOrEqual(2);
    expect(map.MaxConcurrency).toBeLessThanOrEqual(4);
    expect(map.ResultPath).toBe("$.results");
  });

  it("retries each group on its own: Lambda's faults soon, a failed group twice with backoff, a refused input never", () => {
    const group = inner.States[inner.StartAt]!;
    expect(stepOf(group)).toBe("group");
    expect(group.Retry).toEqual([
      { ErrorEquals: ["InvalidJobInputError"], MaxAttempts: 0 },
      { ErrorEquals: [...LAMBDA_SERVICE_ERRORS], MaxAttempts: 6, IntervalSeconds: 5, BackoffRate: 2 },
      { ErrorEquals: ["States.TaskFailed", "States.Timeout"], MaxAttempts: 2, IntervalSeconds: 60, BackoffRate: 2 },
    ]);
    // The retriers live inside the Map's item, not on the Map: one group's retry re-runs that group only.
    expect(map.Retry ?? []).toEqual([]);
  });

  it("records a group whose retries are spent as failed, ending its item normally, so the Map and the other groups go on", () => {
    const group = inner.States[inner.StartAt]!;
    expect(group.Catch).toEqual([{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: expect.any(String) }]);
    const recorded = inner.States[group.Catch![0]!.Next]!;
    // A Pass that ends the item (not a Fail): the item's result is { group, error } for Finish.
    expect(recorded).toEqual({ Type: "Pass", Parameters: { "group.$": "$.group", "error.$": "$.error" }, End: true });
    expect(Object.values(inner.States).map((s) => s.Type)).not.toContain("Fail");
    expect(Object.values(states).map((s) => s.Type)).not.toContain("Fail");
    // Nothing catches at the Map: an item cannot fail it.
    expect(map.Catch ?? []).toEqual([]);
  });

  it("bounds the run by the scoring lock's lease (3 h), logs every state and traces", async () => {
    const { SCORING_LEASE_MS } = await import("../../functions/src/handlers/job-deps.js");
    expect(asl.TimeoutSeconds).toBe(SCORING_STEPS.timeout.toSeconds());
    expect(SCORING_LEASE_MS / 1000).toBeGreaterThan(asl.TimeoutSeconds!);
    expect(resource(dev, "AWS::StepFunctions::StateMachine", "JobsScoring").Properties).toMatchObject({
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: "ALL", IncludeExecutionData: false },
    });
  });

  it("is started by the nightly schedule with the job's input, its undelivered starts dead-lettered", () => {
    const target = resource(dev, "AWS::Scheduler::Schedule", "JobsScoring").Properties["Target"] as Record<string, unknown>;
    expect(target).toMatchObject({
      Arn: { Ref: logicalId(dev, "AWS::StepFunctions::StateMachine", "JobsScoring") },
      Input: '{"job":"score","source":"schedule"}',
      RetryPolicy: { MaximumRetryAttempts: JOB_RETRIES.schedulerAttempts },
      DeadLetterConfig: { Arn: { "Fn::GetAtt": [logicalId(dev, "AWS::SQS::Queue", "JobsScoringFailed"), "Arn"] } },
    });
    const start = statementsOfRole(dev, "JobsScoringSchedulerRole").filter((s) => actionsOf(s).includes("states:StartExecution"));
    expect(JSON.stringify(start.map((s) => s.Resource))).toContain(logicalId(dev, "AWS::StepFunctions::StateMachine", "JobsScoring"));
    expect(statementsOfRole(dev, "JobsScoringSchedulerRole").flatMap(actionsOf)).not.toContain("lambda:InvokeFunction");
  });

  it("sends a run that fails, times out or is aborted to the job's dead-letter queue (the alarmed queue)", () => {
    const rule = resource(dev, "AWS::Events::Rule", "JobsScoringRunFailed").Properties;
    expect(rule["EventPattern"]).toMatchObject({
      source: ["aws.states"],
      "detail-type": ["Step Functions Execution Status Change"],
      detail: { status: ["FAILED", "TIMED_OUT", "ABORTED"], stateMachineArn: [{ Ref: logicalId(dev, "AWS::StepFunctions::StateMachine", "JobsScoring") }] },
    });
    expect(rule["Targets"]).toEqual([expect.objectContaining({ Arn: { "Fn::GetAtt": [logicalId(dev, "AWS::SQS::Queue", "JobsScoringFailed"), "Arn"] } })]);
  });

  it("names the state machine in the stack's outputs (an operator's run: start-execution with {\"periods\":[…]})", () => {
    expect(dev.toJSON()["Outputs"]["ScoringStateMachineArn"]).toEqual({ Value: { Ref: logicalId(dev, "AWS::StepFunctions::StateMachine", "JobsScoring") } });
  });

  it("gives the function no asynchronous retries of its own (the state machine retries) and the same definition in prod", () => {
    expect(Object.keys(dev.findResources("AWS::Lambda::EventInvokeConfig")).filter((id) => id.startsWith("JobsScoring"))).toEqual([]);
    expect(aslOf(prod).States[mapName]?.MaxConcurrency).toBe(SCORING_STEPS.maxConcurrency);
  });
});
