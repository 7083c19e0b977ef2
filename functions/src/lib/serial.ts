/** Runs one task at a time, in order; a failed task does not stop the next. */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

/** A new queue: each task starts after the previous one settled. */
export function serial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}
