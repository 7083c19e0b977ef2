import type { ActionBasis, ActionStatus } from "@scorecard/shared/contracts/corrective-actions";
import type { ConditionalWrite, Versioned } from "./versioned.js";

/** Who did a step (./admin.ts `Actor`; admin.ts names this store in AdminStores, so no import back). */
type Actor = { readonly sub: string; readonly role: string };

/**
 * Corrective actions (issue 24, item 1; docs/adr/0019-corrective-actions.md): one item per action,
 * carrying every step, its version and the audit entry of its last change (the outbox of one).
 */
export interface StoredActionStep {
  readonly kind: "OPENED" | "REPORTED" | "ACCEPTED" | "REOPENED";
  readonly at: string;
  readonly by: Actor;
  readonly text: string | null;
  readonly indicator: string | null;
  readonly deadline: string | null;
}

export interface StoredCorrectiveAction extends Versioned {
  readonly actionId: string;
  readonly unitId: string;
  readonly basis: ActionBasis;
  /** The indicator Home Affairs expects to move (null: a band with none named). */
  readonly indicator: string | null;
  readonly required: string;
  /** Local date (Asia/Ho_Chi_Minh). */
  readonly deadline: string;
  readonly status: ActionStatus;
  readonly steps: readonly StoredActionStep[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CorrectiveActionStore {
  get(actionId: string): Promise<StoredCorrectiveAction | undefined>;
  /** Every action of the province (one partition: hundreds a year at most), in no particular order. */
  list(): Promise<StoredCorrectiveAction[]>;
  /** Condition: version = expectedVersion (0 = no item with that id yet). */
  put(action: StoredCorrectiveAction, expectedVersion: number): Promise<ConditionalWrite>;
}
