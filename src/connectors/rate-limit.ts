/** The clock a fetcher waits on; tests give a fake one so that no test sleeps for real. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A service's own limit, e.g. Statistics Finland's PxWeb: at most `calls` queries in any `windowMs`,
 * and no two closer than `minIntervalMs`. A caller over the limit waits for its turn instead of failing.
 */
export class RateLimiter {
  private readonly started: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: { calls: number; windowMs: number; minIntervalMs: number },
    private readonly clock: Clock = systemClock,
  ) {}

  /** Resolves when one more call may start now; calls are let through in the order they asked. */
  take(): Promise<number> {
    let waited = 0;
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = this.clock.now();
        while (this.started.length > 0 && (this.started[0] ?? 0) <= now - this.limit.windowMs)
          this.started.shift();
        const last = this.started.at(-1);
        const byInterval = last === undefined ? 0 : last + this.limit.minIntervalMs - now;
        const byWindow =
          this.started.length >= this.limit.calls ? (this.started[0] ?? now) + this.limit.windowMs - now : 0;
        const wait = Math.max(byInterval, byWindow);
        if (wait <= 0) {
          this.started.push(now);
          return;
        }
        waited += wait;
        await this.clock.sleep(wait);
      }
    });
    this.queue = turn;
    return turn.then(() => waited);
  }
}
