import { WECHAT_CALLS_PER_MINUTE } from '../../../shared/batch';
import { sleep } from '../wechat/retry';

const MAX_SLOWDOWN = 64;
/** Calls that must pass in a row before a slowed pace doubles again. */
const CALM_CALLS = 50;

/**
 * Spaces calls evenly at a pace of `perMinute` (0: no limit), with no bursts, since WeChat's limit
 * is a rolling minute that a burst at the start of a batch would fill at once. When WeChat's rate
 * limit still answers after the client's own retries, every call waits out a pause and the pace
 * halves; it climbs back as calls pass.
 */
export class RateLimiter {
  private nextStart = 0;
  private holdUntil = 0;
  private slowdown = 1;
  private calmStreak = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The pace in force, in calls per minute; undefined when nothing limits it. */
  get callsPerMinute(): number | undefined {
    const interval = this.interval();
    return interval > 0 ? 60_000 / interval : undefined;
  }

  /** Resolves when the next call may start; rejects with `cancelled` when the signal aborts first. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      const start = Math.max(now, this.nextStart, this.holdUntil);
      if (start <= now) {
        this.nextStart = now + this.interval();
        return;
      }
      // Re-checked on waking: a pause may have begun, or another caller taken this start.
      await sleep(start - now, signal);
    }
  }

  /** WeChat kept answering 45009: hold every call for `pauseMs`, then go at half the pace. */
  slowDown(pauseMs: number): void {
    this.slowdown = Math.min(this.slowdown * 2, MAX_SLOWDOWN);
    this.calmStreak = 0;
    this.holdUntil = Math.max(this.holdUntil, this.now() + pauseMs);
  }

  /** A call went through. */
  passed(): void {
    if (this.slowdown === 1) return;
    this.calmStreak++;
    if (this.calmStreak >= CALM_CALLS) {
      this.slowdown /= 2;
      this.calmStreak = 0;
    }
  }

  private interval(): number {
    if (this.slowdown === 1) return this.perMinute > 0 ? 60_000 / this.perMinute : 0;
    const base = this.perMinute > 0 ? this.perMinute : WECHAT_CALLS_PER_MINUTE;
    return (60_000 / base) * this.slowdown;
  }
}
