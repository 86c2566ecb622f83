import { describe, expect, it } from 'vitest';
import { snapWindow } from './period.js';

describe('snapWindow', () => {
  it('widens a window to whole quarters', () => {
    expect(snapWindow('2026-02-15', '2026-04-03', 'QUARTER')).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
      startMs: Date.UTC(2026, 0, 1),
      endMs: Date.UTC(2026, 6, 1),
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

  it('keeps a window that is already whole', () => {
    expect(snapWindow('2026-04-01', '2026-06-30', 'QUARTER')).toMatchObject({
      from: '2026-04-01',
      to: '2026-06-30',
    });
  });
});
