import type { CaseStateOutbox } from "../../ports/ingest.js";

/**
 * Drains the case-state outbox off the answer's path, one pass at a time: `kick()` after a batch
 * starts a pass (or asks the running one for another round); `idle()` resolves when no pass is
 * running, so a reader that needs the early warnings current waits for at most the passes already
 * asked for. A failed pass is reported and retried after `retryMs` (or at the next kick).
 */
export class OutboxDrainer {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly outbox: Pick<CaseStateOutbox, "drainOutbox">,
    private readonly onError: (e: unknown) => void = () => undefined,
    private readonly retryMs = 1_000,
  ) {}

  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        // A pass drains until the outbox is empty (a batch's cases can exceed one call's limit).
        while ((await this.outbox.drainOutbox()) > 0 && !this.again) {}
      } catch (e) {
        this.onError(e);
        setTimeout(() => this.kick(), this.retryMs).unref?.();
        return;
      }
    } while (this.again);
  }
}
