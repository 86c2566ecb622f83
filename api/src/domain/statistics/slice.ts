import type { Statistics, StatisticsCell, StatisticsDimension, StatisticsRequest } from './types.js';

/**
 * What a filtered query is a slice of: the same question over the whole municipality, grouped
 * by the filtered dimensions too. Suppression is decided over that full table, so a cell hidden
 * there stays hidden in every slice, and a slice can never be subtracted from a published total
 * to reveal one hidden cell (docs/statistics.md, differencing).
 */
export interface Slice {
  /** The department filter's kind, when the query filters on a department. */
  departmentKind: string | null;
  /** The target-group filter's key, when the query filters on a group. */
  targetGroup: string | null;
}

/** The unfiltered request whose table the filtered one is a slice of; null when unfiltered. */
export function fullTableOf(request: StatisticsRequest, slice: Slice): StatisticsRequest | null {
  if (request.departmentId === null && request.targetGroupKey === null) return null;
  const groupBy = new Set<StatisticsDimension>(request.groupBy);
  if (request.departmentId !== null) groupBy.add('DEPARTMENT_KIND');
  if (request.targetGroupKey !== null && slice.targetGroup !== null) groupBy.add('TARGET_GROUP');
  return { ...request, departmentId: null, targetGroupKey: null, groupBy: [...groupBy] };
}

/**
 * The slice's own total in the table grouped by the filtered dimensions alone (the department
 * kinds, the target groups). If that total is hidden there, a breakdown of it would reveal it
 * as a sum, so every cell of the slice is hidden too.
 */
export function marginalOf(request: StatisticsRequest): StatisticsRequest {
  const groupBy: StatisticsDimension[] = [];
  if (request.departmentId !== null) groupBy.push('DEPARTMENT_KIND');
  if (request.targetGroupKey !== null) groupBy.push('TARGET_GROUP');
  return { ...request, departmentId: null, targetGroupKey: null, groupBy };
}

function marginalPublished(marginal: Statistics, slice: Slice): boolean {
  const cell = marginal.cells.find(
    (c) =>
      (slice.departmentKind === null || c.departmentKind === slice.departmentKind) &&
      (slice.targetGroup === null || c.targetGroup === slice.targetGroup),
  );
  return cell !== undefined && !cell.suppressed;
}

const fullKey = (cell: StatisticsCell, slice: Slice) =>
  JSON.stringify([
    slice.departmentKind ?? cell.departmentKind,
    slice.targetGroup ?? cell.targetGroup,
    cell.interventionType,
    cell.period,
  ]);

/**
 * The filtered answer with the full table's suppression on top of its own: a cell is published
 * only when its counterpart in the full table is published too, and the slice's total in the
 * marginal table is published.
 */
export function withFullTableSuppression(
  filtered: Statistics,
  full: Statistics,
  marginal: Statistics,
  slice: Slice,
): Statistics {
  const sliceOpen = marginalPublished(marginal, slice);
  const hiddenInFull = new Set(
    full.cells
      .filter((c) => c.suppressed)
      .map((c) => fullKey(c, { departmentKind: null, targetGroup: null })),
  );
  const publishedInFull = new Set(
    full.cells
      .filter((c) => !c.suppressed)
      .map((c) => fullKey(c, { departmentKind: null, targetGroup: null })),
  );
  return {
    ...filtered,
    cells: filtered.cells.map((cell) => {
      const key = fullKey(cell, slice);
      if (cell.suppressed || (sliceOpen && publishedInFull.has(key) && !hiddenInFull.has(key))) return cell;
      return {
        ...cell,
        n: null,
        improved: null,
        noChange: null,
        deteriorated: null,
        recovered: null,
        meanChange: null,
        sdChange: null,
        suppressed: true,
      };
    }),
  };
}
