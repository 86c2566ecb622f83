import { describe, expect, it } from 'vitest';
import { builtInInstruments } from '../instruments/built-in.js';
import type { InstrumentDefinition } from '../instruments/definition.js';
import { resolveRules } from './rules.js';
import { analyseSeries, type SeriesPoint } from './series.js';

function builtIn(key: string): InstrumentDefinition {
  const def = builtInInstruments.find((d) => d.key === key);
  if (!def) throw new Error(`no built-in ${key}`);
  return def;
}

const session = builtIn('session');

/** Session ratings a week apart; each entry is the four item values in tenths. */
function ratings(...items: number[][]): SeriesPoint[] {
  return items.map((values, i) => ({
    occurredAt: new Date(Date.UTC(2025, 1, 3 + 7 * i)).toISOString(),
    total: values.reduce((a, b) => a + b, 0),
    values,
  }));
}

describe('alliance alert', () => {
  it('is green for a strong first session', () => {
    expect(analyseSeries(session, ratings([95, 95, 95, 95]))).toMatchObject({
      alert: 'GREEN',
      alertReasons: [],
    });
  });

  it('turns orange when the total drops a point from 38.5 to 37.0', () => {
    const result = analyseSeries(session, ratings([95, 95, 95, 100], [92, 93, 92, 93]));
    expect(result).toMatchObject({ alert: 'ORANGE', alertReasons: ['ALLIANCE_DROP'] });
  });

  it('counts a drop of exactly one point, 38.0 to 37.0, but not 0.9', () => {
    expect(analyseSeries(session, ratings([95, 95, 95, 95], [92, 93, 92, 93])).alertReasons).toEqual([
      'ALLIANCE_DROP',
    ]);
    expect(analyseSeries(session, ratings([95, 95, 95, 95], [93, 93, 92, 93])).alertReasons).toEqual([]);
  });

  it('turns red at the very first session when the total is 35.9', () => {
    const result = analyseSeries(session, ratings([90, 90, 90, 89]));
    expect(result.alert).toBe('RED');
    expect(result.alertReasons).toEqual(['ALLIANCE_BELOW_THRESHOLD', 'ALLIANCE_ITEM_LOW']);
  });

  it('turns orange when one item is 8.9 though the total is high', () => {
    expect(analyseSeries(session, ratings([89, 100, 100, 100]))).toMatchObject({
      alert: 'ORANGE',
      alertReasons: ['ALLIANCE_ITEM_LOW'],
    });
  });

  it('treats exactly 36 as fine with < and as red with ≤', () => {
    const points = ratings([90, 90, 90, 90]);
    expect(analyseSeries(session, points).alert).toBe('GREEN');
    const strict = resolveRules(session, { instruments: { session: { alliance: { comparison: 'LTE' } } } });
    expect(analyseSeries(session, points, { rules: strict })).toMatchObject({
      alert: 'RED',
      alertReasons: ['ALLIANCE_BELOW_THRESHOLD'],
    });
  });

  it('lists every reason that applies and lets red win', () => {
    const result = analyseSeries(session, ratings([100, 100, 100, 100], [80, 90, 90, 90]));
    expect(result.alert).toBe('RED');
    expect(result.alertReasons).toEqual(['ALLIANCE_BELOW_THRESHOLD', 'ALLIANCE_DROP', 'ALLIANCE_ITEM_LOW']);
  });

  it('judges the latest session, not the earlier ones', () => {
    expect(analyseSeries(session, ratings([80, 80, 80, 80], [95, 95, 95, 95])).alert).toBe('GREEN');
  });

  it('applies the same rules to the child session instrument', () => {
    expect(analyseSeries(builtIn('child-session'), ratings([90, 90, 90, 89])).alert).toBe('RED');
  });

  it('classifies a session series without a reliable-change threshold as no reliable change', () => {
    expect(analyseSeries(session, ratings([50, 50, 50, 50], [100, 100, 100, 100])).classification).toBe(
      'NO_RELIABLE_CHANGE',
    );
  });
});
