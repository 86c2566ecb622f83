import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * `column IN (ids)` for a caseload's long id lists, as one parameter. PostgreSQL gets an array
 * (`= any($1)`): planning `IN ($1 … $1928)` cost it 13–19 ms per statement on the bench data.
 * SQLite gets a JSON array read by `json_each`: it executes as fast as a literal list, but the
 * statement is built and bound with one parameter instead of one per id (drizzle spent ~20 ms of
 * a 2,000-citizen caseload building those lists).
 */
export const among = (db: Db, column: AnyColumn, ids: readonly string[]): SQL =>
  db.$dialect === 'postgres'
    ? sql`${column} = any(${sql.param([...ids])})`
    : sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;

/** Very long lists are read in slices, so that no one statement's parameter grows without bound. */
const SLICE = 5000;

export async function inSlices<T>(
  ids: readonly string[],
  read: (slice: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += SLICE) out.push(...(await read(ids.slice(i, i + SLICE))));
  return out;
}
