/** What the scheduled jobs (compaction, scoring) share: their lock, their log and their input error. */

/** One run at a time (a lease that expires if its run dies). */
export interface RunLock<L> {
  acquire(owner: string): Promise<L | undefined>;
  release(lease: L): Promise<void>;
}

/** The job's input cannot be run (permanent: a retry would fail the same way). */
export class InvalidJobInputError extends Error {
  override readonly name = "InvalidJobInputError";
}

/** Where a job reports progress (the handler passes the Powertools logger). */
export type JobLog = (level: "info" | "warn" | "error", message: string, detail: Record<string, unknown>) => void;
