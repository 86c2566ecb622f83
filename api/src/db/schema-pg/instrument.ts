// PostgreSQL twin of ../schema (SQLite). Keep both in step: schema-drift.test.ts fails otherwise.
import { integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, instant } from './columns.js';

/**
 * Versioned instrument definitions as data. Built-ins have no municipality; a tenant's licensed
 * pack is stored with its municipality and seen by that tenant only.
 */
export const instrumentDefinition = pgTable(
  'instrument_definition',
  {
    id: id(),
    municipalityId: text('municipality_id'),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<unknown>().notNull(),
    loadedAt: instant('loaded_at').notNull(),
  },
  (t) => [uniqueIndex('instrument_definition_uq').on(t.municipalityId, t.key, t.version)],
);
