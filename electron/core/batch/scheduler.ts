/** A row waiting its turn: `index` into the plan's rows; `requeued` counts how often it came back. */
export interface QueueItem {
  index: number;
  requeued: number;
  /** Put back after the batch paused for an error every row meets: it may fail again without pausing it twice. */
  retriedAfterPause?: boolean;
}

/**
 * Frees the row's call slot before the row has ended: WeChat answered, so the next row's call may
 * go out while this one's files and journal entry reach the disk. Calling it twice is harmless.
 */
export type FreeSlot = () => void;

/**
 * Where a batch's fresh rows come from, in plan order, one at a time: the scheduler holds the rows
 * it was handed back and the rows to try again, never one object per row of the sheet.
 */
export interface RowFeed {
  /** The next row's index into the plan, or undefined once every row was given. */
  next(): number | undefined;
  /** Rows it has still to give. */
  readonly left: number;
}

/** Rows whose call is done but whose writes are not, by default: their images wait in memory. */
export const DEFAULT_WRITE_BEHIND = 64;

/**
 * Runs queued rows a few at a time. `concurrency` bounds the rows holding a call slot (waiting on
 * WeChat); a row may free its slot early (see FreeSlot) and finish its durable writes behind, and
 * `writeBehind` bounds the rows started and not yet ended, so memory stays flat however long the
 * disk lags: a full queue starts no new row (back-pressure) until one ends. Pausing lets the rows
 * in flight finish and starts no more until `resume()`; `stop()` starts no more for good. A row
 * that fails may come back to the queue while others are in flight, so an idle worker waits for
 * them rather than leaving.
 */
export class RowScheduler {
  /** Rows put back, to start before any other (see putBack): a few, those in flight at a pause. */
  private front: QueueItem[] = [];
  private feed?: RowFeed;
  /** Rows to try again once the feed is through, packed in a number each (see pack). */
  private readonly back = new PackedQueue();
  /** Rows started and not ended, in a call slot or writing behind. */
  private running = 0;
  private readonly ending = new Set<Promise<void>>();
  private failure: { cause: unknown } | undefined;
  private paused = false;
  private stopped = false;
  private waiters: (() => void)[] = [];

  /** `afterRow` runs when a row has ended, with `inFlight` already counting it out. */
  constructor(
    private readonly runRow: (item: QueueItem, freeSlot: FreeSlot) => Promise<void>,
    private readonly afterRow: () => void = () => {},
    private readonly writeBehind = DEFAULT_WRITE_BEHIND,
  ) {}

  /** Rows started and not yet ended, those writing behind included. */
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
    return this.front.length + (this.feed?.left ?? 0) + this.back.length;
  }

  /** The fresh rows, read as they are started: rows pushed meanwhile wait until it is through. */
  feedFrom(feed: RowFeed): void {
    if (this.feed) throw new Error('RowScheduler: one feed per run');
    this.feed = feed;
    this.wake();
  }

  /** Queues a row at the end, after every row of the feed. */
  push(item: QueueItem): void {
    this.back.push(item);
    this.wake();
  }

  /** Puts rows back at the head of the queue, in this order: the next rows to start. */
  putBack(items: QueueItem[]): void {
    this.front = [...items, ...this.front];
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
    const slots = Math.max(1, Math.min(concurrency, this.waiting || 1));
    const bound = Math.max(slots, this.writeBehind);
    await Promise.all(Array.from({ length: slots }, () => this.work(bound)));
    // Stopped: rows writing behind still end (their writes are what make them done).
    while (this.ending.size > 0) await Promise.all([...this.ending]);
    if (this.failure) throw this.failure.cause;
  }

  private async work(bound: number): Promise<void> {
    for (;;) {
      if (this.stopped || this.failure) return;
      const drained = this.waiting === 0;
      if (this.paused || (drained && this.running > 0) || this.running >= bound) {
        // Paused, waiting for rows in flight that may come back to the queue, or for room behind.
        await this.changed();
        continue;
      }
      const item = this.take();
      if (!item) return;
      this.running++;
      let free!: () => void;
      const slotFree = new Promise<void>((resolve) => {
        free = resolve;
      });
      const ended: Promise<void> = this.runRow(item, free)
        .catch((cause) => {
          this.failure ??= { cause };
        })
        .finally(() => {
          this.ending.delete(ended);
          this.running--;
          free();
          this.afterRow();
          this.wake();
        });
      this.ending.add(ended);
      await slotFree;
    }
  }
  /** The next row to start: put back, else fresh, else to try again. */
  private take(): QueueItem | undefined {
    const first = this.front.shift();
    if (first) return first;
    const index = this.feed?.next();
    if (index !== undefined) return { index, requeued: 0 };
    return this.back.shift();
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

/** A row queued again in one number: its index, then how often it came back and whether after a pause. */
const REQUEUED_BITS = 15;
const AFTER_PAUSE = 1 << REQUEUED_BITS;
const ITEM_BITS = REQUEUED_BITS + 1;
const MAX_REQUEUED = AFTER_PAUSE - 1;

/** A FIFO of QueueItems as numbers in one array (8 bytes a row: a double) rather than an object each. */
class PackedQueue {
  private items: number[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: QueueItem): void {
    const flags = Math.min(item.requeued, MAX_REQUEUED) | (item.retriedAfterPause ? AFTER_PAUSE : 0);
    this.items.push(item.index * 2 ** ITEM_BITS + flags);
  }

  shift(): QueueItem | undefined {
    if (this.head >= this.items.length) return undefined;
    const packed = this.items[this.head++]!;
    // Rows taken leave the array now and then, not one at a time (shift() moves every other row).
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    const flags = packed % 2 ** ITEM_BITS;
    const item: QueueItem = { index: (packed - flags) / 2 ** ITEM_BITS, requeued: flags & MAX_REQUEUED };
    if (flags & AFTER_PAUSE) item.retriedAfterPause = true;
    return item;
  }
}
