import { Column, is } from 'drizzle-orm';
import type { Db } from './handle.js';

/** A flat selection: each result key is one table column (no nesting, no SQL expressions). */
export type FlatFields = Record<string, Column>;

/** A select over a {@link FlatFields} selection, before it is awaited. */
export interface FlatSelect<T> extends PromiseLike<T[]> {
  values(): Promise<unknown[][]>;
}

/**
 * Runs a select of many rows and answers what `await query` would. On SQLite the rows come back
 * as arrays and each column's decoder is looked up once for the whole answer, not per cell:
 * drizzle's general row mapper checks every cell's field kind and path, which cost a
 * 2,000-citizen caseload ~9 ms and much of its garbage over ~18,000 rows (docs/caseload.md,
 * "Reading a department at once"). PostgreSQL keeps drizzle's mapping: its driver already
 * answers typed rows.
 */
export async function flatRows<T>(db: Db, fields: FlatFields, query: FlatSelect<T>): Promise<T[]> {
  if (db.$dialect !== 'sqlite') return await query;
  const keys = Object.keys(fields);
  const columns = keys.map((key) => {
    const column = fields[key];
    if (!is(column, Column)) throw new Error(`flatRows: "${key}" is not a table column.`);
    return column;
  });
  const raw = await query.values();
  const out = new Array<T>(raw.length);
  for (let r = 0; r < raw.length; r++) {
    const values = raw[r] as unknown[];
    const row: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) {
      const value = values[c];
      row[keys[c] as string] = value === null ? null : (columns[c] as Column).mapFromDriverValue(value);
    }
    out[r] = row as T;
  }
  return out;
}
