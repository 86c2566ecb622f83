import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, instant } from './columns.js';

/**
 * Versioned instrument definitions as data. Built-ins have no municipality; a tenant's licensed
 * pack is stored with its municipality and seen by that tenant only.
 */
export const instrumentDefinition = sqliteTable(
  'instrument_definition',
  {
    id: id(),
    municipalityId: text('municipality_id'),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).$type<unknown>().notNull(),
    loadedAt: instant('loaded_at').notNull(),
  },
  (t) => [uniqueIndex('instrument_definition_uq').on(t.municipalityId, t.key, t.version)],
);
