/**
 * Holds chosen requests of a fake fetch until the test releases them, to force an interleaving
 * (a late answer after a newer request). Like a browser's fetch, a held request rejects with an
 * AbortError as soon as its signal aborts.
 */
export interface Held {
  /** Has a request matching the pattern been made (and is it waiting)? */
  requested(): boolean;
  /** Lets the held request(s) through. */
  release(): void;
}

export function holding(inner: typeof fetch) {
  const gates: { part: string; promise: Promise<void>; release: () => void; seen: boolean }[] = [];
  const held: typeof fetch = async (input, init) => {
    const url = String(input);
    const gate = gates.find((g) => url.includes(g.part));
    if (gate) {
      gate.seen = true;
      const signal = init?.signal;
      await new Promise<void>((ok, fail) => {
        const abort = () => fail(new DOMException("aborted", "AbortError"));
        if (signal?.aborted) return abort();
        signal?.addEventListener("abort", abort, { once: true });
        void gate.promise.then(ok);
      });
    }
    return inner(input, init);
  };
  return {
    fetch: held,
    /** Holds every request whose URL contains `part`, until released. */
    hold(part: string): Held {
      let release!: () => void;
      const promise = new Promise<void>((r) => (release = r));
      const gate = { part, promise, release, seen: false };
      gates.push(gate);
      return {
        requested: () => gate.seen,
        release: () => {
          gates.splice(gates.indexOf(gate), 1);
          gate.release();
        },
      };
    },
  };
}
