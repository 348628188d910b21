import { describe, expect, it } from 'vitest';
import type { CodeKind } from '../../../shared/codeRequest';
import { appError, wechatError } from '../../../shared/errors';
import { type AppError, Failure } from '../../../shared/result';
import { RowFailures } from './rowFailures';
import { RowScheduler } from './scheduler';

/** The policy over a real queue; the batch's pause and stop act on that queue, its failed rows are listed. */
function watched(kind: CodeKind) {
  const queue = new RowScheduler(async () => {});
  const seen: { failedRows: number[]; stoppedBy?: AppError } = { failedRows: [] };
  const failures = new RowFailures(
    kind,
    {},
    {
      queue,
      pause: () => queue.pause(),
      stop: (reason) => {
        seen.stoppedBy = reason;
        queue.stop();
      },
      slowDown: () => {},
      failRow: (index) => seen.failedRows.push(index),
      forgetRow: (index) => seen.failedRows.splice(seen.failedRows.indexOf(index), 1),
    },
  );
  return { failures, queue, seen };
}

describe('what a batch does when rows fail', () => {
  it('stops after 25 tries in a row fail, the tries to come back included; a code received starts the count over', () => {
    const { failures, queue, seen } = watched('unlimited');
    const down = new Failure(appError('network', { detail: 'reset' }));
    for (let index = 0; index < 24; index++) failures.rowFailed({ index, requeued: 0 }, down);
    failures.codeReceived();
    for (let index = 0; index < 24; index++) failures.rowFailed({ index, requeued: 1 }, down);
    expect(queue.waiting).toBe(48);
    expect(seen.stoppedBy).toBeUndefined();

    failures.rowFailed({ index: 24, requeued: 0 }, down);
    expect(failures.count).toBe(1);
    expect(seen.failedRows).toEqual([24]);
    expect(queue.stopping).toBe(true);
    expect(seen.stoppedBy?.message.en).toMatch(/^The batch stopped after 25 tries in a row failed\./);
  });

  it('pauses at WeChat’s daily cap on limited codes, saying why, the row left to do rather than failed', () => {
    const { failures, queue } = watched('limited');
    const cap = wechatError(45009, 'reach max api daily quota limit', 'limited');
    failures.rowFailed({ index: 7, requeued: 0 }, new Failure(cap));
    expect(failures.count).toBe(0);
    expect(queue.waiting).toBe(1);
    expect(queue.pauseWanted).toBe(true);
    expect(failures.pauseReason?.message.en).toBe(
      "WeChat's daily limit for this mini program is reached; continue tomorrow.",
    );

    failures.resumed();
    queue.resume();
    expect(failures.pauseReason).toBeUndefined();
  });
});
