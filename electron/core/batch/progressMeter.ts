/** The recent pace is measured over this window: it follows slowdowns and pauses within seconds. */
export const SPEED_WINDOW_MS = 10_000;
/** Below this much running time the recent pace says nothing yet. */
const SETTLING_S = 0.5;

export interface SpeedInput {
  /** Rows finished within the last window. */
  finishedInWindow: number;
  /** Rows finished since this run started. */
  finishedThisRun: number;
  /** Seconds since this run started (to its end once it has ended). */
  elapsedS: number;
  ended: boolean;
}

/** Codes a second: while running the recent pace, at the end the whole run's. */
export function codesPerSecond({ finishedInWindow, finishedThisRun, elapsedS, ended }: SpeedInput): number {
  if (ended) return elapsedS > 0 ? finishedThisRun / elapsedS : 0;
  const windowS = Math.min(SPEED_WINDOW_MS / 1000, elapsedS);
  return windowS > SETTLING_S ? finishedInWindow / windowS : 0;
}

/** Seconds to go at the current pace; unknown while nothing moves (paused, just started, stalled). */
export function secondsLeft(remaining: number, perSecond: number, moving: boolean): number | undefined {
  return moving && perSecond > 0 ? remaining / perSecond : undefined;
}

/** Keeps the times rows finished, as much as the speed window needs. */
export class ProgressMeter {
  private times: number[] = [];
  private head = 0;
  private finished = 0;
  private startedAt?: number;
  private endedAt?: number;

  start(now = performance.now()): void {
    this.startedAt = now;
  }

  end(now = performance.now()): void {
    this.endedAt = now;
  }

  rowFinished(now = performance.now()): void {
    this.times.push(now);
    this.finished++;
  }

  speed(now = performance.now()): number {
    while (this.head < this.times.length && this.times[this.head]! < now - SPEED_WINDOW_MS) this.head++;
    // Drop the old part now and then rather than shifting on every call.
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return codesPerSecond({
      finishedInWindow: this.times.length - this.head,
      finishedThisRun: this.finished,
      elapsedS: ((this.endedAt ?? now) - (this.startedAt ?? now)) / 1000,
      ended: this.endedAt !== undefined,
    });
  }
}
