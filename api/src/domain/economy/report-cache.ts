/**
 * The anonymous cost report is the same for everyone in a municipality for a whole month (it
 * ends with the last whole month, docs/economy.md), and computing it walks every provision
 * over a dozen windows. So it is computed once and kept: per municipality, month and cell size,
 * for at most `ttlMs`, dropped at once when the municipality's catalogue, baskets or provisions
 * change on this instance (other instances catch up within `ttlMs`). Requests arriving while
 * it is computed share the one computation. Authorization and audit stay per request.
 */
export interface ReportCache<T> {
  get(
    key: { municipalityId: string; asOf: string; minCellSize: number },
    now: Date,
    compute: () => Promise<T>,
  ): Promise<T>;
  invalidate(municipalityId: string): void;
}

export function createReportCache<T>(ttlMs = 10 * 60_000): ReportCache<T> {
  const entries = new Map<string, { municipalityId: string; at: number; value: Promise<T> }>();
  return {
    get(key, now, compute) {
      const id = `${key.municipalityId}|${key.asOf}|${key.minCellSize}`;
      const held = entries.get(id);
      if (held && now.getTime() - held.at < ttlMs && now.getTime() >= held.at) return held.value;
      const value = compute();
      entries.set(id, { municipalityId: key.municipalityId, at: now.getTime(), value });
      // A failed computation is not kept: the next request tries again.
      value.catch(() => {
        if (entries.get(id)?.value === value) entries.delete(id);
      });
      return value;
    },
    invalidate(municipalityId) {
      for (const [id, e] of entries) if (e.municipalityId === municipalityId) entries.delete(id);
    },
  };
}
