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
const DAY_MS = 86_400_000;
// WeChat's days begin at midnight in China (UTC+8).
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** At most `perDay` codes a day, the count starting afresh at midnight China time; 0 means no cap. */
export class DailyCap {
  private day = -1;
  private count = 0;

  constructor(
    private readonly perDay: number,
    private readonly now: () => number = Date.now,
  ) {}

  reached(): boolean {
    this.roll();
    return this.perDay > 0 && this.count >= this.perDay;
  }

  record(): void {
    this.roll();
    this.count++;
  }

  private roll(): void {
    const day = Math.floor((this.now() + CHINA_OFFSET_MS) / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.count = 0;
    }
  }
}

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
