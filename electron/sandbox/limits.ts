/** The lifetime count of limited codes (getwxacode + createwxaqrcode), reported in `Num-Used`. */
export class CodeQuota {
  constructor(
    private readonly limit: number,
    private count: number,
  ) {}

  get used(): number {
    return this.count;
  }

  exhausted(): boolean {
    return this.count >= this.limit;
  }

  spend(): void {
    this.count++;
  }
}

const MINUTE_MS = 60_000;

/** At most `perMinute` calls in any rolling 60 s; 0 means no limit. */
export class RollingMinuteLimit {
  // A ring of the admitted calls' times, oldest at `head`.
  private readonly times: Float64Array;
  private head = 0;
  private count = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.times = new Float64Array(perMinute);
  }

  full(): boolean {
    if (this.perMinute === 0) return false;
    const cutoff = this.now() - MINUTE_MS;
    while (this.count > 0 && this.times[this.head]! <= cutoff) {
      this.head = (this.head + 1) % this.perMinute;
      this.count--;
    }
    return this.count >= this.perMinute;
  }

  /** Call only after `full()` said false. */
  record(): void {
    if (this.perMinute === 0) return;
    this.times[(this.head + this.count) % this.perMinute] = this.now();
    this.count++;
  }
}
