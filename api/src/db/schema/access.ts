import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { citizen } from './citizen.js';
import { id, instant, municipalityId } from './columns.js';
import { department } from './organisation.js';

/**
 * A citizen's consent that one department may see what another recorded, for a purpose.
 * Never deleted: revocation stamps revoked_at so the history stays auditable.
 */
export const consent = sqliteTable(
  'consent',
  {
    id: id(),
    municipalityId: municipalityId(),
    citizenId: text('citizen_id')
      .notNull()
      .references(() => citizen.id),
    fromDepartmentId: text('from_department_id')
      .notNull()
      .references(() => department.id),
    toDepartmentId: text('to_department_id')
      .notNull()
      .references(() => department.id),
    purpose: text('purpose').notNull(),
    grantedAt: instant('granted_at').notNull(),
    grantedBy: text('granted_by').notNull(),
    validUntil: instant('valid_until'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('consent_citizen_idx').on(t.municipalityId, t.citizenId, t.toDepartmentId)],
);

export const auditOutcomes = ['ALLOWED', 'DENIED'] as const;

/** Append-only trail of every read and write of a citizen's data. No API updates or deletes it. */
export const auditEvent = sqliteTable(
  'audit_event',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    municipalityId: municipalityId(),
    at: instant('at').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    departmentId: text('department_id'),
    citizenId: text('citizen_id'),
    action: text('action').notNull(),
    purpose: text('purpose').notNull(),
    outcome: text('outcome', { enum: auditOutcomes }).notNull(),
    /** What exactly was asked where the action alone does not say (a statistics query's filter). */
    detail: text('detail'),
  },
  (t) => [index('audit_event_citizen_idx').on(t.municipalityId, t.citizenId, t.at)],
);

export const caseReasons = ['REGISTERED', 'MEASUREMENT', 'GOAL', 'INTERVENTION'] as const;
export type CaseReason = (typeof caseReasons)[number];

/**
 * A department's case with a citizen: the relationship that lets its professionals see the
 * citizen at all (docs/design.md §5). Created when the department registers the citizen, and by
 * database triggers when it records a measurement, owns a goal or runs an intervention in the
 * citizen's (family's) plan, so no write path can forget it. Rows are never removed.
 */
export const citizenDepartment = sqliteTable(
  'citizen_department',
  {
    citizenId: text('citizen_id')
      .notNull()
      .references(() => citizen.id),
    departmentId: text('department_id')
      .notNull()
      .references(() => department.id),
    municipalityId: municipalityId(),
    /** What first made the relationship. */
    reason: text('reason', { enum: caseReasons }).notNull(),
    since: instant('since').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.citizenId, t.departmentId] }),
    index('citizen_department_department_idx').on(t.municipalityId, t.departmentId),
  ],
);

export type Consent = typeof consent.$inferSelect;
export type AuditEvent = typeof auditEvent.$inferSelect;
