import { describe, expect, it } from 'vitest';
import type { BatchProgress } from '../core/batch/batchJob';
import { progressLine } from './batchProgress';

const running: BatchProgress = {
  state: 'running',
  total: 1000,
  done: 412,
  failed: 3,
  remaining: 585,
  fromLibrary: 0,
  codesPerSecond: 35.24,
  secondsLeft: 3725,
};

describe('progressLine', () => {
  it('shows the bar, done of total, failures, speed and time left', () => {
    expect(progressLine(running, 'en')).toBe(
      '[##########--------------] 412/1000 done · 3 failed · 585 left · 35.2 codes/s · 1:02:05 to go',
    );
    expect(progressLine(running, 'zh')).toBe(
      '[##########--------------] 412/1000 完成 · 失败 3 · 剩余 585 · 35.2 个/秒 · 还需 1:02:05',
    );
  });

  it('says when the batch is paused or stopping, and drops the time left when it is unknown or over', () => {
    const { secondsLeft: _, ...unknown } = running;
    expect(progressLine({ ...unknown, state: 'paused' }, 'en')).toMatch(
      /35\.2 codes\/s · \? to go · paused$/,
    );
    const over = { ...running, state: 'finished' as const, done: 997, remaining: 0, secondsLeft: 0 };
    expect(progressLine(over, 'en')).toBe(
      '[########################] 997/1000 done · 3 failed · 0 left · 35.2 codes/s',
    );
  });
});
