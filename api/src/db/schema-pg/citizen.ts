// PostgreSQL twin of ../schema (SQLite). Keep both in step: schema-drift.test.ts fails otherwise.
import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, instant, municipalityId } from './columns.js';
import { targetGroup } from './organisation.js';

/**
 * A citizen is an opaque id. Identity numbers (CPR) are never stored: source systems are linked
 * through external references, and age bands come from the birth year alone.
 */
export const citizen = pgTable(
  'citizen',
  {
    id: id(),
    municipalityId: municipalityId(),
    displayName: text('display_name').notNull(),
    birthYear: integer('birth_year').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('citizen_municipality_idx').on(t.municipalityId)],
);

/** A case system's own reference to the citizen (e.g. its case number), unique per system. */
export const citizenExternalRef = pgTable(
  'citizen_external_ref',
  {
    citizenId: text('citizen_id')
      .notNull()
      .references(() => citizen.id),
    municipalityId: municipalityId(),
    system: text('system').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.citizenId, t.system] }),
    uniqueIndex('citizen_external_ref_uq').on(t.municipalityId, t.system, t.value),
  ],
);

export const citizenTargetGroup = pgTable(
  'citizen_target_group',
  {
    citizenId: text('citizen_id')
      .notNull()
      .references(() => citizen.id),
    targetGroupId: text('target_group_id')
      .notNull()
      .references(() => targetGroup.id),
  },
  (t) => [
    primaryKey({ columns: [t.citizenId, t.targetGroupId] }),
    index('citizen_target_group_group_idx').on(t.targetGroupId),
  ],
);

export const familyMemberRoles = ['PARENT', 'CHILD', 'OTHER_ADULT'] as const;
export type FamilyMemberRole = (typeof familyMemberRoles)[number];

export const family = pgTable(
  'family',
  {
    id: id(),
    municipalityId: municipalityId(),
    name: text('name').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('family_municipality_idx').on(t.municipalityId)],
);

export const familyMember = pgTable(
  'family_member',
  {
    familyId: text('family_id')
      .notNull()
      .references(() => family.id),
    citizenId: text('citizen_id')
      .notNull()
      .references(() => citizen.id),
    role: text('role', { enum: familyMemberRoles }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.familyId, t.citizenId] }),
    index('family_member_citizen_idx').on(t.citizenId),
  ],
);

export type Citizen = typeof citizen.$inferSelect;
