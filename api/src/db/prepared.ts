import { type Placeholder, sql } from 'drizzle-orm';
import type { Db } from './handle.js';

const built = new WeakMap<object, Map<string, unknown>>();

/**
 * A query built once per database handle and then only run, its values given as placeholders
 * (`sql.placeholder`). drizzle otherwise assembles the SQL text of every statement anew, checking
 * each piece's type — about a sixth of a write's CPU on the hot paths (BENCHMARKS.md, "What limits
 * them"). Keyed by handle because a prepared query belongs to the handle (SQLite's outer handle
 * and its transaction handle are two long-lived ones; a PostgreSQL transaction's handle lives
 * for one transaction, so there it is built per transaction, as before). A placeholder in a WHERE
 * clause is bound as given: wrap a value that needs its column's encoding (a Date) in
 * `new Param(sql.placeholder(…), column)`.
 */
export function prepared<Q, H extends Partial<Db>>(db: H, key: string, build: (db: H) => Q): Q {
  let queries = built.get(db);
  if (!queries) {
    queries = new Map();
    built.set(db, queries);
  }
  let query = queries.get(key) as Q | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(key, query);
  }
  return query;
}

/**
 * A prepared insert's values: one placeholder per column, named after it. Every column a row
 * needs must be listed, its id too: a column's default function would run once, when the insert
 * is built, and give every row the same value.
 */
export function insertPlaceholders<K extends string>(columns: readonly K[]): Record<K, Placeholder<K>> {
  return Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as Record<K, Placeholder<K>>;
}

/** A row's values for a prepared insert built by insertPlaceholders; a missing one is NULL. */
export function insertValues<K extends string>(
  columns: readonly K[],
  row: Partial<Record<K, unknown>>,
): Record<K, unknown> {
  const values = {} as Record<K, unknown>;
  for (const column of columns) values[column] = row[column] ?? null;
  return values;
}
