/** The share of spend used by the costliest citizens, in per mille; null when too few to publish. */
export interface SpendShare {
  percent: number;
  topCitizens: number;
  perMille: number | null;
  suppressed: boolean;
}

/**
 * The top ⌈n × percent / 100⌉ citizens' share of the total spend (docs/economy.md). Suppressed when
 * that top group holds fewer citizens than the minimum cell size, so no one person's cost shows.
 */
export function spendShare(costsOre: readonly number[], percent: number, minCellSize: number): SpendShare {
  const paying = costsOre.filter((c) => c > 0).sort((a, b) => b - a);
  const topCitizens = Math.ceil((paying.length * percent) / 100);
  const total = paying.reduce((s, c) => s + c, 0);
  if (topCitizens < minCellSize || total === 0)
    return { percent, topCitizens, perMille: null, suppressed: true };
  const top = paying.slice(0, topCitizens).reduce((s, c) => s + c, 0);
  return { percent, topCitizens, perMille: Math.round((top * 1000) / total), suppressed: false };
}
