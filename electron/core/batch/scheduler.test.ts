import { describe, expect, it } from 'vitest';
import { bytesInUseAfterGc } from '../../testing/heapAfterGc';
import { RowOutcomes } from './rowOutcomes';
import { type QueueItem, RowScheduler } from './scheduler';

const items = (count: number): QueueItem[] =>
  Array.from({ length: count }, (_, index) => ({ index, requeued: 0 }));

describe('RowScheduler', () => {
  it('runs every row, never more at once than asked', async () => {
    let running = 0;
    let most = 0;
    const ran: number[] = [];
    const scheduler = new RowScheduler(async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setImmediate(r));
      ran.push(item.index);
      running--;
    });
    for (const item of items(10)) scheduler.push(item);
    await scheduler.run(3);
    expect(ran.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
  });

  it('a row put back while others are in flight is run by a worker that waited for it', async () => {
    const tries: number[] = [];
    const scheduler = new RowScheduler(async (item) => {
      tries.push(item.index);
      await new Promise((r) => setImmediate(r));
      if (item.index === 0 && item.requeued === 0) scheduler.push({ index: 0, requeued: 1 });
    });
    for (const item of items(2)) scheduler.push(item);
    await scheduler.run(2);
    expect(tries.sort()).toEqual([0, 0, 1]);
  });

  it('paused, starts no row until resumed; stopped, starts none again', async () => {
    const ran: number[] = [];
    let afterRows = 0;
    const scheduler = new RowScheduler(
      async (item) => {
        ran.push(item.index);
        if (item.index === 0) scheduler.pause();
        if (item.index === 1) scheduler.stop();
      },
      () => afterRows++,
    );
    for (const item of items(4)) scheduler.push(item);
    const done = scheduler.run(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual([0]);
    expect(scheduler.inFlight).toBe(0);
    expect(scheduler.waiting).toBe(3);
    scheduler.resume();
    await done;
    expect(ran).toEqual([0, 1]);
    expect(afterRows).toBe(2);
    expect(scheduler.stopping).toBe(true);
  });
});

describe('RowScheduler.putBack', () => {
  it('puts rows at the head of the queue, before the ones still waiting', async () => {
    const ran: string[] = [];
    const scheduler = new RowScheduler(async (item) => {
      ran.push(`${item.index}${item.requeued ? '′' : ''}`);
      if (item.index === 1 && !item.requeued) {
        scheduler.putBack([
          { index: 0, requeued: 1 },
          { index: 1, requeued: 1 },
        ]);
      }
    });
    for (const item of items(4)) scheduler.push(item);
    await scheduler.run(1);
    expect(ran).toEqual(['0', '1', '0′', '1′', '2', '3']);
  });

  it('before anything started too', async () => {
    const ran: number[] = [];
    const scheduler = new RowScheduler(async (item) => {
      ran.push(item.index);
    });
    for (const item of items(2)) scheduler.push(item);
    scheduler.putBack([{ index: 9, requeued: 0 }]);
    await scheduler.run(1);
    expect(ran).toEqual([9, 0, 1]);
  });
});

describe('RowScheduler, rows writing behind their calls', () => {
  it('a row that frees its slot lets the next call start while it writes, never more rows started than the bound', async () => {
    const writes: (() => void)[] = [];
    let started = 0;
    let calling = 0;
    let mostCalling = 0;
    const scheduler = new RowScheduler(
      async (_item, freeSlot) => {
        started++;
        calling++;
        mostCalling = Math.max(mostCalling, calling);
        await new Promise((r) => setImmediate(r));
        calling--;
        freeSlot();
        // The write: held until the test lets it land.
        await new Promise<void>((resolve) => writes.push(resolve));
      },
      () => {},
      5,
    );
    for (const item of items(20)) scheduler.push(item);
    const done = scheduler.run(2);
    await new Promise((r) => setTimeout(r, 30));
    // The disk lags: five rows answered and waiting on it, and no sixth call (back-pressure).
    expect(started).toBe(5);
    expect(scheduler.inFlight).toBe(5);
    expect(mostCalling).toBe(2);
    // One write lands: room for exactly one more row.
    writes.shift()!();
    await new Promise((r) => setTimeout(r, 30));
    expect(started).toBe(6);
    // The rest land as they come: every row runs, the bound holds throughout.
    const drain = setInterval(() => {
      for (const write of writes.splice(0)) write();
      expect(scheduler.inFlight).toBeLessThanOrEqual(5);
    }, 1);
    await done;
    clearInterval(drain);
    expect(started).toBe(20);
    expect(scheduler.inFlight).toBe(0);
  });

  it('stopped, waits for the rows writing behind before it resolves', async () => {
    let landed = 0;
    const scheduler = new RowScheduler(async (_item, freeSlot) => {
      freeSlot();
      await new Promise((r) => setTimeout(r, 20));
      landed++;
    });
    for (const item of items(6)) scheduler.push(item);
    const done = scheduler.run(3);
    await new Promise((r) => setImmediate(r));
    scheduler.stop();
    await done;
    expect(landed).toBeGreaterThan(0);
    expect(scheduler.inFlight).toBe(0);
  });
});

describe('RowScheduler fed from the plan', () => {
  it('starts the rows put back, then the fresh ones in plan order (finished ones skipped), then those to try again', async () => {
    const outcomes = new RowOutcomes(5);
    // Finished by an earlier run.
    outcomes.done(1, false);
    const ran: string[] = [];
    const scheduler = new RowScheduler(async (item) => {
      ran.push(`${item.index}${'′'.repeat(item.requeued)}${item.retriedAfterPause ? 'p' : ''}`);
      if (item.index === 0 && !item.requeued) scheduler.push({ index: 0, requeued: 1 });
      if (item.index === 2 && !item.requeued)
        scheduler.putBack([{ index: 2, requeued: 1, retriedAfterPause: true }]);
    });
    scheduler.feedFrom(outcomes.notEnded(1));
    expect(scheduler.waiting).toBe(4);
    await scheduler.run(1);
    expect(ran).toEqual(['0', '2', '2′p', '3', '4', '0′']);
  });

  it('keeps no object per row waiting: 200,000 rows queued hold under 256 KB, where a queue of objects held megabytes', async () => {
    const rows = 200_000;
    const outcomes = new RowOutcomes(rows);
    const before = bytesInUseAfterGc();
    // What the scheduler held before it was fed: an object per row queued up front.
    let objects: QueueItem[] | undefined = items(rows);
    const asObjects = bytesInUseAfterGc() - before;
    objects = undefined;
    expect(objects).toBeUndefined();

    const held: (() => void)[] = [];
    let ran = 0;
    const scheduler = new RowScheduler(async (_item, freeSlot) => {
      ran++;
      // The first rows wait: the batch is running with every other row still queued.
      if (ran <= 4) await new Promise<void>((resolve) => held.push(resolve));
      freeSlot();
    });
    scheduler.feedFrom(outcomes.notEnded(0));
    const done = scheduler.run(4);
    await new Promise((r) => setTimeout(r, 20));
    expect(held).toHaveLength(4);
    expect(scheduler.waiting).toBe(rows - 4);
    const queued = bytesInUseAfterGc() - before;
    expect(asObjects).toBeGreaterThan(4 * 2 ** 20);
    expect(queued).toBeLessThan(256 * 1024);

    for (const release of held) release();
    await done;
    expect(ran).toBe(rows);
  }, 60_000);

  it('rows to try again are kept packed, each coming back as it went in', async () => {
    const back: QueueItem[] = [
      { index: 999_999, requeued: 3 },
      { index: 0, requeued: 1, retriedAfterPause: true },
      ...items(3000),
    ];
    const ran: QueueItem[] = [];
    const scheduler = new RowScheduler(async (item) => {
      ran.push(item);
    });
    for (const item of back) scheduler.push(item);
    expect(scheduler.waiting).toBe(3002);
    await scheduler.run(1);
    expect(ran).toEqual(back);
  });
});
