/** At most `limit` requests per client in each window of `windowSeconds`. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Windows kept before the ended ones are swept: enough for every client of a county at once. */
const sweepAbove = 10_000;

/**
 * Counts requests per key in fixed windows that start at a key's first request. Fixed windows let a
 * client ask up to twice the limit across a window's end, which is fine for slowing down guessing and
 * runaway scripts, and they need one number per client where a sliding log needs one per request.
 */
export const rateCounter = ({ limit, windowSeconds }: RateLimit) => {
  const windows = new Map<string, { count: number; endsAtMs: number }>();
  const sweep = (nowMs: number) => {
    for (const [key, window] of windows) if (window.endsAtMs <= nowMs) windows.delete(key);
  };
  return (key: string, nowMs: number): RateVerdict => {
    let window = windows.get(key);
    if (!window || window.endsAtMs <= nowMs) {
      if (windows.size >= sweepAbove) sweep(nowMs);
      window = { count: 0, endsAtMs: nowMs + windowSeconds * 1000 };
      windows.set(key, window);
    }
    if (window.count >= limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAtMs - nowMs) / 1000)) };
    }
    window.count += 1;
    return { allowed: true };
  };
};
