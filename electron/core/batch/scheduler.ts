/** A row waiting its turn: `index` into the plan's rows; `requeued` counts how often it came back. */
export interface QueueItem {
  index: number;
  requeued: number;
  /** Put back after the batch paused for an error every row meets: it may fail again without pausing it twice. */
  retriedAfterPause?: boolean;
}

/**
 * Runs queued rows a few at a time. Pausing lets the rows in flight finish and starts no more until
 * `resume()`; `stop()` starts no more for good. A row that fails may come back to the queue while
 * others are in flight, so an idle worker waits for them rather than leaving.
 */
export class RowScheduler {
  private readonly queue: QueueItem[] = [];
  private head = 0;
  private running = 0;
  private paused = false;
  private stopped = false;
  private waiters: (() => void)[] = [];

  /** `afterRow` runs when a row has ended, with `inFlight` already counting it out. */
  constructor(
    private readonly runRow: (item: QueueItem) => Promise<void>,
    private readonly afterRow: () => void = () => {},
  ) {}

  get inFlight(): number {
    return this.running;
  }

  get pauseWanted(): boolean {
    return this.paused;
  }

  get stopping(): boolean {
    return this.stopped;
  }

  /** Rows queued and not yet started. */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  push(item: QueueItem): void {
    this.queue.push(item);
    this.wake();
  }

  /** Puts rows back at the head of the queue, in this order: the next rows to start. */
  putBack(items: QueueItem[]): void {
    if (this.head >= items.length) {
      // Reuses the slots of rows already started rather than moving the whole queue.
      this.head -= items.length;
      items.forEach((item, i) => {
        this.queue[this.head + i] = item;
      });
    } else {
      this.queue.splice(this.head, 0, ...items);
    }
    this.wake();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake();
  }

  stop(): void {
    this.stopped = true;
    this.wake();
  }

  /** Resolves when the queue is empty and nothing is in flight, or once stopped and the rows in flight ended. */
  async run(concurrency: number): Promise<void> {
    const workers = Math.max(1, Math.min(concurrency, this.waiting || 1));
    await Promise.all(Array.from({ length: workers }, () => this.work()));
  }

  private async work(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      if (this.paused || (this.head >= this.queue.length && this.running > 0)) {
        // Paused, or waiting for rows in flight that may come back to the queue.
        await this.changed();
        continue;
      }
      const item = this.queue[this.head];
      if (!item) return;
      this.head++;
      this.running++;
      try {
        await this.runRow(item);
      } finally {
        this.running--;
        this.afterRow();
        this.wake();
      }
    }
  }

  /** Resolves at the next change a waiting worker cares about: a row ended, resume, stop. */
  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }
}
