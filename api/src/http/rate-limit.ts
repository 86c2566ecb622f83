/**
 * A small in-memory token bucket per key (an actor's subject, or an IP before sign-in): each
 * bucket holds up to `perMinute` requests and refills continuously at `perMinute` a minute.
 * One process only; behind several instances each counts on its own.
 */
export interface RateLimiter {
  /** Takes one request from the key's bucket: 0 when allowed, else seconds until one is free. */
  take(key: string): number;
}

const MAX_KEYS = 50_000;

export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  if (perMinute <= 0) return { take: () => 0 };
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const forgetFull = (t: number) => {
    for (const [key, b] of buckets) if (b.tokens + (t - b.at) * perMs >= perMinute) buckets.delete(key);
  };
  return {
    take(key) {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= MAX_KEYS) forgetFull(t);
        bucket = { tokens: perMinute, at: t };
        buckets.set(key, bucket);
      }
      bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
  };
}
