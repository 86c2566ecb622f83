import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

// A corrected measurement leaves its series: the correction (a row whose supersedes_id names it)
// counts instead (docs/scoring.md, "Corrections"). The `IS NOT NULL` says nothing new, but it lets
// PostgreSQL's planner read the few corrections from measurement_supersedes_idx instead of
// hashing every measurement row for the anti-join: the statistics query on the benchmark data
// went from ~420 to ~135 ms (BENCHMARKS.md). SQLite seeks the same index either way.

/** SQL text for raw statements: the measurement aliased `alias` has not been corrected. */
export const notSupersededSql = (alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM measurement s WHERE s.supersedes_id = ${alias}.id AND s.supersedes_id IS NOT NULL)`;

/** The same condition for drizzle, on the outer measurement's id column. */
export const notSuperseded = (id: AnyColumn): SQL =>
  sql`NOT EXISTS (SELECT 1 FROM measurement s WHERE s.supersedes_id = ${id} AND s.supersedes_id IS NOT NULL)`;
