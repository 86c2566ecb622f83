// PostgreSQL twin of ../schema (SQLite). Keep both in step: schema-drift.test.ts fails otherwise.
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { citizen } from './citizen.js';
import { id, instant, municipalityId } from './columns.js';
import { department, professional } from './organisation.js';
import { intervention } from './plan.js';

export const respondentRoles = ['CITIZEN', 'PARENT', 'CHILD', 'PROFESSIONAL', 'OTHER'] as const;
export type RespondentRole = (typeof respondentRoles)[number];

/** How an answer or rating was given (docs/family.md): SELF and INVITATION are between meetings. */
export const answerChannels = ['SESSION', 'MEETING', 'SELF', 'INVITATION'] as const;
export type AnswerChannel = (typeof answerChannels)[number];

/**
 * One completed instrument. Append-only: a correction is a new row that names the row it
 * supersedes. Item values and the total are integers in tenths of the instrument's scale.
 */
export const measurement = pgTable(
  'measurement',
  {
    id: id(),
    municipalityId: municipalityId(),
    citizenId: text('citizen_id')
      .notNull()
      .references(() => citizen.id),
    departmentId: text('department_id')
      .notNull()
      .references(() => department.id),
    interventionId: text('intervention_id').references(() => intervention.id),
    professionalId: text('professional_id').references(() => professional.id),
    instrumentKey: text('instrument_key').notNull(),
    instrumentVersion: integer('instrument_version').notNull(),
    respondentRole: text('respondent_role', { enum: respondentRoles }).notNull(),
    session: integer('session'),
    occurredAt: instant('occurred_at').notNull(),
    recordedAt: instant('recorded_at').notNull(),
    total: integer('total').notNull(),
    itemValues: jsonb('item_values').$type<number[]>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    supersedesId: text('supersedes_id'),
    recordedBy: text('recorded_by').notNull(),
    channel: text('channel', { enum: answerChannels }).notNull().default('SESSION'),
  },
  (t) => [
    // Idempotency keys belong to the writing department: another's key is a new key, never a replay.
    uniqueIndex('measurement_idempotency_uq').on(t.municipalityId, t.departmentId, t.idempotencyKey),
    index('measurement_series_idx').on(t.municipalityId, t.citizenId, t.instrumentKey, t.occurredAt),
    index('measurement_department_idx').on(t.municipalityId, t.departmentId, t.instrumentKey),
    // Anonymous statistics scan one instrument over a time window across all citizens; the index
    // covers every column they read, so the scan never touches the (wide) table rows.
    index('measurement_statistics_idx').on(
      t.municipalityId,
      t.instrumentKey,
      t.occurredAt,
      t.citizenId,
      t.departmentId,
      t.respondentRole,
      t.total,
      t.interventionId,
      t.id,
    ),
    // The caseload (issue #19) groups a department's measurements by series and reads each
    // series' ends; in this order the grouping (SQLite) or window (PostgreSQL) streams off the
    // index without a sort, and the index covers it (who recorded, when, total, session), so only
    // the few end rows are read from the table.
    index('measurement_caseload_idx').on(
      t.municipalityId,
      t.departmentId,
      t.citizenId,
      t.instrumentKey,
      t.respondentRole,
      t.occurredAt,
      t.id,
      t.recordedBy,
      t.total,
      t.session,
    ),
    // Finding the rows a correction replaced must not scan the table.
    index('measurement_supersedes_idx').on(t.supersedesId),
  ],
);

export type Measurement = typeof measurement.$inferSelect;
export type NewMeasurement = typeof measurement.$inferInsert;
