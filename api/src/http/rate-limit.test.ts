import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('allows a minute’s worth at once, then asks to wait until one request has refilled', () => {
    let t = 0;
    const limiter = createRateLimiter(6, () => t);
    expect(Array.from({ length: 6 }, () => limiter.take('a'))).toEqual([0, 0, 0, 0, 0, 0]);
    // 6 a minute = one every 10 s.
    expect(limiter.take('a')).toBe(10);
    expect(limiter.take('b')).toBe(0);
    t = 10_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(10);
  });

  it('is off at 0', () => {
    const limiter = createRateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('a')).toBe(0);
  });
});
