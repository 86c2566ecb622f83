import Database from 'better-sqlite3';
import { getTableName, is, type Table } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { SQLiteTable, getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  openTestPool,
  startTestPostgres,
  type TestPostgres,
} from '../testing/postgres.js';
import { migrationsFolder, pgMigrationsFolder } from './migrations-folders.js';
import * as sqliteSchema from './schema/index.js';
import * as pgSchema from './schema-pg/index.js';

/**
 * The two schema modules must describe one data model: the domain reads both through a single
 * typed view (db/tables.ts), which is only sound while this test passes.
 */

/** Which pg column type stands for which SQLite column type (same JS type on both sides). */
const typeTwins: Record<string, string> = {
  SQLiteText: 'PgText',
  SQLiteInteger: 'PgInteger',
  SQLiteTimestamp: 'PgTimestamp',
  SQLiteBoolean: 'PgBoolean',
  SQLiteTextJson: 'PgJsonb',
  SQLiteReal: 'PgDoublePrecision',
};

interface ColumnShape {
  type: string;
  jsType: string;
  notNull: boolean;
  primary: boolean;
  unique: boolean;
  hasDefault: boolean;
  enumValues: string[] | undefined;
}

interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKeys: string[][];
  indexes: Record<string, { columns: string[]; unique: boolean; partial: boolean }>;
  foreignKeys: string[];
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function shapeOf(config: Config, type: (columnType: string) => string): TableShape {
  const columns: Record<string, ColumnShape> = {};
  for (const c of config.columns) {
    columns[c.name] = {
      type: type(c.columnType),
      jsType: c.dataType,
      notNull: c.notNull,
      primary: c.primary,
      unique: c.isUnique,
      hasDefault: c.hasDefault,
      enumValues: c.enumValues,
    };
  }
  const indexes: TableShape['indexes'] = {};
  for (const i of config.indexes) {
    indexes[i.config.name ?? '?'] = {
      columns: i.config.columns.map((c) => ('name' in c ? String(c.name) : '<expression>')),
      unique: i.config.unique,
      partial: i.config.where !== undefined,
    };
  }
  return {
    columns,
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    indexes,
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return `${ref.columns.map((c) => c.name)} -> ${getTableName(ref.foreignTable)}(${ref.foreignColumns.map((c) => c.name)})`;
      })
      .sort(),
  };
}

function tablesOf<T extends Table>(module: Record<string, unknown>, kind: new (...args: never[]) => T): T[] {
  return Object.values(module).filter((value): value is T => is(value, kind as never));
}

const sqliteTables = Object.fromEntries(
  tablesOf(sqliteSchema, SQLiteTable).map((t) => [
    getTableName(t),
    shapeOf(sqliteConfig(t), (columnType) => typeTwins[columnType] ?? `unmapped ${columnType}`),
  ]),
);
const pgTables = Object.fromEntries(
  tablesOf(pgSchema, PgTable).map((t) => [getTableName(t), shapeOf(pgConfig(t), (columnType) => columnType)]),
);

describe('the SQLite and PostgreSQL schema modules', () => {
  it('declare the same tables', () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(15);
  });

  it.each(Object.keys(sqliteTables))('give table %s the same columns, keys and indexes', (name) => {
    expect(pgTables[name]).toEqual(sqliteTables[name]);
  });
});

/** Columns and index names per table, as the database itself reports them after migrating. */
type Catalog = Record<string, { columns: string[]; indexes: string[] }>;

function expectedCatalog(): Catalog {
  return Object.fromEntries(
    Object.entries(sqliteTables).map(([name, shape]) => [
      name,
      { columns: Object.keys(shape.columns).sort(), indexes: Object.keys(shape.indexes).sort() },
    ]),
  );
}

describe('the migrations of each dialect', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  it('create exactly the declared tables on SQLite', () => {
    const sqlite = new Database(':memory:');
    migrateSqlite(drizzleSqlite(sqlite), { migrationsFolder });
    const tables = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like '\\_\\_%' escape '\\' and name not like 'sqlite_%'",
      )
      .all() as { name: string }[];
    const catalog: Catalog = {};
    for (const { name } of tables) {
      const columns = sqlite.prepare(`pragma table_info(${name})`).all() as { name: string }[];
      // drizzle-kit writes a column's unique() as an index on SQLite, a constraint on PostgreSQL.
      const indexes = sqlite
        .prepare(
          "select name from sqlite_master where type = 'index' and tbl_name = ? and sql is not null and name not like '%\\_unique' escape '\\'",
        )
        .all(name) as { name: string }[];
      catalog[name] = {
        columns: columns.map((c) => c.name).sort(),
        indexes: indexes.map((i) => i.name).sort(),
      };
    }
    sqlite.close();
    expect(catalog).toEqual(expectedCatalog());
  });

  it('create exactly the declared tables on PostgreSQL', async () => {
    const pool = openTestPool(await createTestDatabase(server.url, 'drift'));
    try {
      await migratePg(drizzlePg(pool), { migrationsFolder: pgMigrationsFolder });
      const columns = await pool.query<{ table_name: string; column_name: string }>(
        // Base tables only: views (measurement_series_place) are not declared tables.
        `select c.table_name, c.column_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`,
      );
      // Primary keys and column-level unique constraints have their own (generated) index names.
      const indexes = await pool.query<{ tablename: string; indexname: string }>(
        `select tablename, indexname from pg_indexes where schemaname = 'public'
         and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`,
      );
      const catalog: Catalog = {};
      for (const row of columns.rows) {
        catalog[row.table_name] ??= { columns: [], indexes: [] };
        catalog[row.table_name]?.columns.push(row.column_name);
      }
      for (const row of indexes.rows) catalog[row.tablename]?.indexes.push(row.indexname);
      for (const entry of Object.values(catalog)) {
        entry.columns.sort();
        entry.indexes.sort();
      }
      expect(catalog).toEqual(expectedCatalog());
    } finally {
      await pool.end();
    }
  });
});
