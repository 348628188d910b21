import { beforeEach, describe, expect, it } from 'vitest';
import type { BatchState, BatchUpdate } from '../../../shared/batch';
import { appError } from '../../../shared/errors';
import type { LibraryEntryView } from '../../../shared/ipc/channels';
import { fail, ok } from '../../../shared/result';
import { PAGE_SIZE, useHistory } from './historyStore';

/** The library, newest first, answering library:list by cursor and limit as the main process does. */
const library: LibraryEntryView[] = [];
const listed: Array<{ cursor?: string; limit?: number }> = [];
/** Past this many codes the main process says only that there are more (it counts 10,000 at most). */
const countedUpTo = { most: 10_000 };
/** The order codes were made in, which the cursor names (code-3 is 3). */
const madeAt = (entry: LibraryEntryView) => Number(entry.codeId.slice('code-'.length));
(globalThis as { window?: unknown }).window = {
  wxacode: new Proxy(
    {},
    {
      get: (_target, channel: string) => async (payload: { cursor?: string; limit?: number }) => {
        if (channel !== 'library:list') return fail(appError('internal'));
        listed.push(payload);
        const limit = payload.limit ?? 50;
        const after = library.filter((e) => madeAt(e) < Number(payload.cursor ?? Number.POSITIVE_INFINITY));
        const entries = after.slice(0, limit);
        const last = entries.at(-1);
        return ok({
          entries,
          // Counted with the first page only, as the main process does.
          ...(payload.cursor === undefined
            ? library.length > countedUpTo.most
              ? { total: countedUpTo.most, totalCapped: true }
              : { total: library.length }
            : {}),
          ...(after.length > limit && last ? { nextCursor: String(madeAt(last)) } : {}),
        });
      },
    },
  ),
};

let made = 0;
/** A new code at the top of the library, as the form or a batch adds it. */
function make(): void {
  made++;
  library.unshift({
    codeId: `code-${made}`,
    accountId: 'sandbox',
    appId: 'wxsandbox',
    kind: 'unlimited',
    request: {
      kind: 'unlimited',
      scene: `n=${made}`,
      page: '',
      checkPath: false,
      envVersion: 'release',
      width: 280,
      autoColor: false,
      lineColor: { r: 0, g: 0, b: 0 },
      transparent: false,
    },
    width: 280,
    height: 280,
    createdAt: new Date(made * 1000).toISOString(),
    suggestedName: `n=${made}.png`,
  });
}

const shownIds = () => useHistory.getState().entries?.map((e) => e.codeId) ?? [];

/** A batch's progress event, as much of it as History reads. */
const batch = (state: BatchState): Pick<BatchUpdate, 'progress'> => ({
  progress: { state, total: 2, done: 2, failed: 0, remaining: 0, fromLibrary: 0, codesPerSecond: 1 },
});

beforeEach(() => {
  library.length = 0;
  listed.length = 0;
  made = 0;
  countedUpTo.most = 10_000;
  useHistory.setState(useHistory.getInitialState(), true);
});

describe('the History store', () => {
  it('lists each code once when codes were made between two pages', async () => {
    for (let n = 0; n < PAGE_SIZE + 5; n++) make();
    await useHistory.getState().load(useHistory.getState().filter);
    expect(shownIds()).toHaveLength(PAGE_SIZE);

    // Three codes made meanwhile push the last three of the first page into the second.
    make();
    make();
    make();
    await useHistory.getState().showMore();
    const ids = shownIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(PAGE_SIZE + 5);
    expect(ids.at(-1)).toBe('code-1');
    // The count is the first page's: "Show more" does not count again (the new codes come with the next refresh).
    expect(useHistory.getState().total).toBe(PAGE_SIZE + 5);
  });

  it('keeps a capped count through Show more, paging past the cap', async () => {
    countedUpTo.most = PAGE_SIZE;
    for (let n = 0; n < PAGE_SIZE * 2 + 1; n++) make();
    await useHistory.getState().load(useHistory.getState().filter);
    expect(useHistory.getState()).toMatchObject({ total: PAGE_SIZE, totalCapped: true });
    await useHistory.getState().showMore();
    await useHistory.getState().showMore();
    expect(shownIds()).toHaveLength(PAGE_SIZE * 2 + 1);
    expect(useHistory.getState()).toMatchObject({
      total: PAGE_SIZE,
      totalCapped: true,
      nextCursor: undefined,
    });
  });

  it('reads the list again when a batch finishes or pauses, not at each step', async () => {
    make();
    await useHistory.getState().load(useHistory.getState().filter);
    make();
    make();
    const before = listed.length;
    useHistory.getState().batchUpdated(batch('running'));
    expect(listed.length).toBe(before);

    useHistory.getState().batchUpdated(batch('finished'));
    await expect.poll(shownIds).toEqual(['code-3', 'code-2', 'code-1']);
    make();
    useHistory.getState().batchUpdated(batch('paused'));
    await expect.poll(shownIds).toHaveLength(4);
    // A paused batch reports every second: the list is read once for the pause, not each time.
    const afterPause = listed.length;
    useHistory.getState().batchUpdated(batch('paused'));
    useHistory.getState().batchUpdated(batch('paused'));
    expect(listed.length).toBe(afterPause);
  });
});
