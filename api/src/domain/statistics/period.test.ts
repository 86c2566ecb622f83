import { describe, expect, it } from 'vitest';
import { periodsOf, snapWindow } from './period.js';

describe('snapWindow', () => {
  it('widens a window to whole quarters', () => {
    expect(snapWindow('2026-02-15', '2026-04-03', 'QUARTER')).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
      // Copenhagen midnights: 1 January is winter time (+01:00), 1 July summer time (+02:00).
      startMs: Date.parse('2026-01-01T00:00:00+01:00'),
      endMs: Date.parse('2026-07-01T00:00:00+02:00'),
    });
  });

  it('widens to whole months, leap days included', () => {
    const w = snapWindow('2028-02-29', '2028-02-29', 'MONTH');
    expect([w.from, w.to]).toEqual(['2028-02-01', '2028-02-29']);
  });

  it('widens to whole years and crosses a year end in the last quarter', () => {
    expect(snapWindow('2025-07-04', '2026-01-02', 'YEAR')).toMatchObject({
      from: '2025-01-01',
      to: '2026-12-31',
    });
    expect(snapWindow('2025-11-30', '2025-12-31', 'QUARTER')).toMatchObject({
      from: '2025-10-01',
      to: '2025-12-31',
    });
  });

  it("lists a window's periods with the Copenhagen instant each starts", () => {
    const w = snapWindow('2026-02-10', '2026-05-02', 'MONTH');
    expect(periodsOf(w, 'MONTH')).toEqual([
      { label: '2026-02', startMs: Date.parse('2026-02-01T00:00:00+01:00') },
      { label: '2026-03', startMs: Date.parse('2026-03-01T00:00:00+01:00') },
      { label: '2026-04', startMs: Date.parse('2026-04-01T00:00:00+02:00') },
      { label: '2026-05', startMs: Date.parse('2026-05-01T00:00:00+02:00') },
    ]);
    expect(
      periodsOf(snapWindow('2025-12-01', '2026-01-01', 'QUARTER'), 'QUARTER').map((p) => p.label),
    ).toEqual(['2025-Q4', '2026-Q1']);
  });

  it('keeps a window that is already whole', () => {
    expect(snapWindow('2026-04-01', '2026-06-30', 'QUARTER')).toMatchObject({
      from: '2026-04-01',
      to: '2026-06-30',
    });
  });
});
