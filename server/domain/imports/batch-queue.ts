export type QueuedBatch = { table: string; matched: number };

/** Staged, prepared batch tables, handed from the reader to the merge transaction as they are ready. */
export class BatchQueue {
  private items: QueuedBatch[] = [];
  private ended = false;
  private error: unknown = null;
  private waiting: (() => void) | null = null;
  private drained: (() => void) | null = null;
  /** Batches staged but not yet merged before the reader waits: disk use stays a few batches ahead. */
  private static readonly AHEAD = 2;

  async push(batch: QueuedBatch) {
    if (this.error) throw this.error;
    this.items.push(batch);
    this.wake();
    while (this.items.length >= BatchQueue.AHEAD && !this.error) await new Promise<void>((resolve) => (this.drained = resolve));
    if (this.error) throw this.error;
  }

  end() {
    this.ended = true;
    this.wake();
  }

  fail(error: unknown) {
    this.error ??= error;
    this.wake();
    this.drained?.();
  }

  async next(): Promise<QueuedBatch | null> {
    for (;;) {
      if (this.error) throw this.error;
      const item = this.items.shift();
      if (item) {
        this.drained?.();
        this.drained = null;
        return item;
      }
      if (this.ended) return null;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private wake() {
    this.waiting?.();
    this.waiting = null;
  }
}
