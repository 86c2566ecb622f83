import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant, municipalityId } from './columns.js';

/**
 * The first, previous and latest live point of every measurement series (citizen × department ×
 * instrument × respondent), derived from `measurement` by database triggers on every write path
 * (API, imports, seeds, merges). The caseload reads a department's series ends from here in one
 * range scan instead of grouping its measurements per request (docs/caseload.md, "Series ends").
 * Never written by the application. On SQLite the table is WITHOUT ROWID (migration
 * 0013_series_end_triggers), so the scan reads the rows in key order from one B-tree.
 */
export const measurementSeriesEnd = sqliteTable(
  'measurement_series_end',
  {
    municipalityId: municipalityId(),
    citizenId: text('citizen_id').notNull(),
    departmentId: text('department_id').notNull(),
    instrumentKey: text('instrument_key').notNull(),
    respondentRole: text('respondent_role').notNull(),
    /** 1-based place of the point among the series' live points in (time, id) order. */
    place: integer('place').notNull(),
    /** How many live points the series has. */
    points: integer('points').notNull(),
    measurementId: text('measurement_id').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    total: integer('total').notNull(),
    itemValues: text('item_values', { mode: 'json' }).$type<number[]>().notNull(),
    session: integer('session'),
  },
  (t) => [
    primaryKey({
      // Department before citizen: a department's caseload reads its series ends as one range.
      columns: [t.municipalityId, t.departmentId, t.citizenId, t.instrumentKey, t.respondentRole, t.place],
    }),
  ],
);
