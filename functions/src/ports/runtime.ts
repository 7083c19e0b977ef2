/** What the runtime gives every use case: the time and new ids. */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A new unique id (random UUIDs in production; deterministic in tests). */
export type NewId = () => string;
