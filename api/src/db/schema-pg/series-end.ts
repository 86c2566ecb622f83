// PostgreSQL twin of ../schema (SQLite). Keep both in step: schema-drift.test.ts fails otherwise.
import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { instant, municipalityId } from './columns.js';

/** Derived by triggers from `measurement`: see ../schema/series-end.ts. */
export const measurementSeriesEnd = pgTable(
  'measurement_series_end',
  {
    municipalityId: municipalityId(),
    citizenId: text('citizen_id').notNull(),
    departmentId: text('department_id').notNull(),
    instrumentKey: text('instrument_key').notNull(),
    respondentRole: text('respondent_role').notNull(),
    place: integer('place').notNull(),
    points: integer('points').notNull(),
    measurementId: text('measurement_id').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    total: integer('total').notNull(),
    itemValues: jsonb('item_values').$type<number[]>().notNull(),
    session: integer('session'),
  },
  (t) => [
    primaryKey({
      // Department before citizen: a department's caseload reads its series ends as one range.
      columns: [t.municipalityId, t.departmentId, t.citizenId, t.instrumentKey, t.respondentRole, t.place],
    }),
  ],
);
