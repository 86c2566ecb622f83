import { describe, expect, it } from 'vitest';
import { createReportCache } from './report-cache.js';

const key = { municipalityId: 'm', asOf: '2026-10-31', minCellSize: 5 };
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 9, minutes));

describe('the month’s cost report cache', () => {
  it('computes once for requests at the same time and within the time to live', async () => {
    const cache = createReportCache<number>(10 * 60_000);
    let computed = 0;
    const compute = async () => ++computed;
    const [a, b] = await Promise.all([cache.get(key, at(0), compute), cache.get(key, at(0), compute)]);
    expect([a, b, computed]).toEqual([1, 1, 1]);
    expect(await cache.get(key, at(9), compute)).toBe(1);
    expect(await cache.get(key, at(10), compute)).toBe(2);
  });

  it('keeps months, cell sizes and municipalities apart, and drops one municipality on a change', async () => {
    const cache = createReportCache<string>();
    const make = (s: string) => async () => s;
    await cache.get(key, at(0), make('m-oct'));
    await cache.get({ ...key, asOf: '2026-11-30' }, at(0), make('m-nov'));
    await cache.get({ ...key, municipalityId: 'other' }, at(0), make('other'));
    expect(await cache.get({ ...key, minCellSize: 10 }, at(1), make('m-oct-10'))).toBe('m-oct-10');
    cache.invalidate('m');
    expect(await cache.get(key, at(1), make('fresh'))).toBe('fresh');
    expect(await cache.get({ ...key, municipalityId: 'other' }, at(1), make('recomputed'))).toBe('other');
  });

  it('does not keep a failed computation', async () => {
    const cache = createReportCache<number>();
    await expect(
      cache.get(key, at(0), async () => Promise.reject(new Error('database gone'))),
    ).rejects.toThrow();
    expect(await cache.get(key, at(0), async () => 7)).toBe(7);
  });

  it('computes every time with no time to live (the default outside the server)', async () => {
    const cache = createReportCache<number>(0);
    let computed = 0;
    await cache.get(key, at(0), async () => ++computed);
    await cache.get(key, at(0), async () => ++computed);
    expect(computed).toBe(2);
  });
});
