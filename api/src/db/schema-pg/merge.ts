// PostgreSQL twin of ../schema (SQLite). Keep both in step: schema-drift.test.ts fails otherwise.
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { citizen } from './citizen.js';
import { id, instant, municipalityId } from './columns.js';

export const citizenMergeStatuses = ['PENDING', 'CONFIRMED', 'UNDONE'] as const;
export type CitizenMergeStatus = (typeof citizenMergeStatuses)[number];

/**
 * An administrator's merge of two records of one person (docs/setup.md): the duplicate's rows
 * now belong to the survivor. PENDING can be undone exactly from its rows below; CONFIRMED is
 * final. Kept for the record whatever its status.
 */
export const citizenMerge = pgTable(
  'citizen_merge',
  {
    id: id(),
    municipalityId: municipalityId(),
    survivorId: text('survivor_id')
      .notNull()
      .references(() => citizen.id),
    duplicateId: text('duplicate_id')
      .notNull()
      .references(() => citizen.id),
    status: text('status', { enum: citizenMergeStatuses }).notNull(),
    /** Why the two records are one person, in the administrator's words. */
    reason: text('reason').notNull(),
    mergedBy: text('merged_by').notNull(),
    createdAt: instant('created_at').notNull(),
    /** When the merge was confirmed or undone, and by whom. */
    decidedAt: instant('decided_at'),
    decidedBy: text('decided_by'),
  },
  (t) => [
    index('citizen_merge_survivor_idx').on(t.municipalityId, t.survivorId),
    index('citizen_merge_duplicate_idx').on(t.municipalityId, t.duplicateId),
  ],
);

export const mergeRowActions = ['MOVED', 'SET_ASIDE', 'EARLIER_SINCE', 'CPR_HASH'] as const;
export type MergeRowAction = (typeof mergeRowActions)[number];

/**
 * One change a merge made, so undo reverses exactly that: a row MOVED to the survivor (its key),
 * a duplicate's row SET_ASIDE because the survivor already had its twin (the row itself, as JSON
 * in `previous`), the survivor's case given the duplicate's EARLIER_SINCE (the former values),
 * the CPR_HASH the survivor took over.
 */
export const citizenMergeRow = pgTable(
  'citizen_merge_row',
  {
    id: id(),
    mergeId: text('merge_id')
      .notNull()
      .references(() => citizenMerge.id),
    /** `table.column` the change was made in, e.g. `measurement.citizen_id`. */
    target: text('target').notNull(),
    /** The row's id, or for a table keyed by the citizen and one more column, that column's value. */
    rowKey: text('row_key').notNull(),
    action: text('action', { enum: mergeRowActions }).notNull(),
    previous: text('previous'),
  },
  (t) => [index('citizen_merge_row_merge_idx').on(t.mergeId)],
);

export type CitizenMerge = typeof citizenMerge.$inferSelect;
export type CitizenMergeRow = typeof citizenMergeRow.$inferSelect;
