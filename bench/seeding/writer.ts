import type Database from 'better-sqlite3';
import { type Column, getTableColumns, getTableName, type InferInsertModel, is, SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** Appends one row; the row is typed by the drizzle table, so a schema change fails to compile. */
export type RowWriter<T extends SQLiteTable> = (row: InferInsertModel<T>) => void;

/**
 * A prepared INSERT for every column of a drizzle table, mapping values the way drizzle does
 * (dates to epoch ms, JSON to text, booleans to 0/1). Bulk seeding through drizzle's query
 * builder rebuilds the SQL per row; this prepares it once and stays typed by the schema.
 */
export function rowWriter<T extends SQLiteTable>(sqlite: Database.Database, table: T): RowWriter<T> {
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
  const statement = sqlite.prepare(
    `INSERT INTO "${getTableName(table)}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  return (row) => {
    const record = row as Record<string, unknown>;
    statement.run(columns.map(([key, column]) => driverValue(column, record[key])));
  };
}

function driverValue(column: Column, given: unknown): unknown {
  let value = given;
  if (value === undefined) value = column.defaultFn ? column.defaultFn() : column.default;
  if (value === undefined || value === null) return null;
  if (is(value, SQL))
    throw new Error(`Column ${column.name}: SQL defaults are not supported in bulk seeding.`);
  return column.mapToDriverValue(value);
}
