import { describe, expect, it } from 'vitest';
import { codesPerSecond, ProgressMeter, SPEED_WINDOW_MS, secondsLeft } from './progressMeter';

describe('codesPerSecond', () => {
  it('says nothing in the first half second of a run', () => {
    expect(codesPerSecond({ finishedInWindow: 3, finishedThisRun: 3, elapsedS: 0.4, ended: false })).toBe(0);
  });

  it('while running, counts the rows of the last 10 seconds over the time they cover', () => {
    expect(codesPerSecond({ finishedInWindow: 20, finishedThisRun: 20, elapsedS: 4, ended: false })).toBe(5);
    expect(codesPerSecond({ finishedInWindow: 50, finishedThisRun: 900, elapsedS: 60, ended: false })).toBe(
      5,
    );
  });

  it('once ended, gives the whole run’s pace', () => {
    expect(codesPerSecond({ finishedInWindow: 0, finishedThisRun: 900, elapsedS: 60, ended: true })).toBe(15);
    expect(codesPerSecond({ finishedInWindow: 0, finishedThisRun: 0, elapsedS: 0, ended: true })).toBe(0);
  });
});

describe('secondsLeft', () => {
  it('is the rows left at the current pace, unknown while nothing moves', () => {
    expect(secondsLeft(100, 4, true)).toBe(25);
    expect(secondsLeft(100, 4, false)).toBeUndefined();
    expect(secondsLeft(100, 0, true)).toBeUndefined();
  });
});

describe('ProgressMeter', () => {
  it('forgets rows older than the window', () => {
    const meter = new ProgressMeter();
    meter.start(0);
    for (let t = 0; t < 20_000; t += 100) meter.rowFinished(t);
    // 200 rows over 20 s; the last 10 s hold 100 of them.
    expect(meter.speed(20_000)).toBeCloseTo(100 / (SPEED_WINDOW_MS / 1000));
    meter.end(20_000);
    expect(meter.speed(30_000)).toBe(10);
  });

  it('keeps a long run’s memory flat', () => {
    const meter = new ProgressMeter();
    meter.start(0);
    for (let t = 0; t < 1_000_000; t += 10) {
      meter.rowFinished(t);
      if (t % 1000 === 0) meter.speed(t);
    }
    expect(meter.speed(1_000_000)).toBeCloseTo(100, 0);
  });
});
