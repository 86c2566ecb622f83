import { describe, expect, it } from 'vitest';
import { suppressCells } from './suppression.js';

const cells = (...rows: [string[], number][]) => rows.map(([keys, n]) => ({ keys, n }));

describe('suppressCells', () => {
  it('suppresses a small cell and the next-smallest cell of its line', () => {
    // Total 14 is published elsewhere; hiding only the 3 would leave it as 14 − 5 − 6.
    expect(suppressCells(cells([['ADULT'], 3], [['HEALTH'], 5], [['JOB'], 6]), 5)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('adds nothing when two cells of the line are already suppressed', () => {
    expect(suppressCells(cells([['A'], 3], [['B'], 4], [['C'], 9]), 5)).toEqual([true, true, false]);
  });

  it('publishes everything when no cell is small', () => {
    expect(suppressCells(cells([['A'], 5], [['B'], 7]), 5)).toEqual([false, false]);
  });

  it('leaves a lone cell alone: there is nothing to subtract it from', () => {
    expect(suppressCells(cells([['A'], 3]), 5)).toEqual([true]);
    expect(suppressCells(cells([[], 8]), 5)).toEqual([false]);
  });

  it('breaks ties by order, and never picks a cell that is already hidden', () => {
    expect(suppressCells(cells([['A'], 2], [['B'], 6], [['C'], 6]), 5)).toEqual([true, true, false]);
  });

  it('repeats along the other dimension until every line is safe', () => {
    // Rows are departments, columns periods. JOB/Q1 = 2 is small; its row and its column each
    // need a second hidden cell, and those leave the other row and column with one hidden cell
    // each: in a 2 × 2 table one small cell hides all four.
    const result = suppressCells(
      cells([['JOB', 'Q1'], 2], [['JOB', 'Q2'], 7], [['ADULT', 'Q1'], 9], [['ADULT', 'Q2'], 8]),
      5,
    );
    expect(result).toEqual([true, true, true, true]);
  });

  it('leaves a second row alone when its column already hides two cells', () => {
    const result = suppressCells(
      cells(
        [['JOB', 'Q1'], 2],
        [['JOB', 'Q2'], 3],
        [['JOB', 'Q3'], 9],
        [['ADULT', 'Q1'], 4],
        [['ADULT', 'Q2'], 1],
        [['ADULT', 'Q3'], 8],
      ),
      5,
    );
    // Every row and column already hides 0 or ≥ 2 cells: nothing more is needed.
    expect(result).toEqual([true, true, false, true, true, false]);
  });
});
