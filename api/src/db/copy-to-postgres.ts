import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, is, type Table } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type pg from 'pg';
import * as sqliteSchema from './schema/index.js';
import * as pgSchema from './schema-pg/index.js';
import { tablesParentsFirst } from './table-order.js';

const BATCH = 1000;

/**
 * Copies every row of a SQLite database into an empty, migrated PostgreSQL one: read through the
 * SQLite tables, written through their pg twins, so the values keep their JS types. Triggers are
 * switched off for the copy (it brings the rows they would derive) where the role may do so.
 * Used to load the benchmark data set into PostgreSQL.
 */
export async function copyToPostgres(
  sqlite: Database.Database,
  pool: pg.Pool,
  onTable: (table: string, rows: number) => void = () => {},
): Promise<void> {
  const from = drizzle(sqlite);
  const sqliteTables = tablesByName(sqliteSchema);
  const pgTables = tablesByName(pgSchema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica').catch(() => undefined);
    for (const name of tablesParentsFirst) {
      const source = sqliteTables.get(name);
      const target = pgTables.get(name);
      if (!source || !target) throw new Error(`No table ${name} in both schemas.`);
      const rows = from
        .select()
        .from(source as SQLiteTable)
        .all() as Record<string, unknown>[];
      for (let i = 0; i < rows.length; i += BATCH) {
        const { text, values } = insertOf(target, rows.slice(i, i + BATCH));
        await client.query(text, values);
      }
      onTable(name, rows.length);
    }
    // Explicit ids went into the identity column: continue after the largest.
    await client.query(
      "SELECT setval(pg_get_serial_sequence('audit_event', 'id'), coalesce((SELECT max(id) FROM audit_event), 0) + 1, false)",
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

function tablesByName(module: Record<string, unknown>): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (const value of Object.values(module)) {
    if (is(value, SQLiteTable) || is(value, PgTable)) tables.set(getTableName(value), value);
  }
  return tables;
}

/** One multi-row INSERT with the pg columns' own value mapping (Date, jsonb, boolean). */
function insertOf(table: Table, rows: Record<string, unknown>[]): { text: string; values: unknown[] } {
  const columns = Object.entries(getTableColumns(table));
  const values: unknown[] = [];
  const tuples = rows.map((row) =>
    columns
      .map(([key, column]) => {
        const value = row[key];
        values.push(value === null || value === undefined ? null : column.mapToDriverValue(value));
        return `$${values.length}`;
      })
      .join(', '),
  );
  const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
  return {
    text: `INSERT INTO "${getTableName(table)}" (${names}) VALUES (${tuples.join('), (')})`,
    values,
  };
}
