import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, instant, municipalityId } from './columns.js';
import { targetGroup } from './organisation.js';

/**
 * A citizen is an opaque id. A CPR number is never stored: registration by CPR keeps only a keyed
 * hash (HMAC-SHA256 with the municipality's secret, domain/cpr.ts), so two departments that
 * register one person reach one record, and the number cannot be read back or guessed from it.
 * Source systems are linked through external references; age bands come from the birth year.
 */
export const citizen = sqliteTable(
  'citizen',
  {
    id: id(),
    municipalityId: municipalityId(),
    displayName: text('display_name').notNull(),
    birthYear: integer('birth_year').notNull(),
    createdAt: instant('created_at').notNull(),
    /** HMAC-SHA256 of the CPR number under the municipality's key (hex); null without a CPR. */
    cprHash: text('cpr_hash'),
    /**
     * Set when an administrator merged this record into another (domain/citizen-merge.ts): the
     * record is then hidden from every list and read, and answers NOT_FOUND.
     */
    mergedIntoId: text('merged_into_id'),
  },
  (t) => [
    index('citizen_municipality_idx').on(t.municipalityId),
    // One person, one record: the database refuses a second citizen with the same CPR.
    uniqueIndex('citizen_cpr_hash_uq').on(t.municipalityId, t.cprHash),
  ],
);

/** A case system's own reference to the citizen (e.g. its case number), unique per system. */
export const citizenExternalRef = sqliteTable(
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

export const citizenTargetGroup = sqliteTable(
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

/** Where parents live apart: whether a parent has custody (forældremyndighed), alone or shared. */
export const custodyKinds = ['SOLE', 'SHARED', 'NONE'] as const;
export type Custody = (typeof custodyKinds)[number];

export const family = sqliteTable(
  'family',
  {
    id: id(),
    municipalityId: municipalityId(),
    name: text('name').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('family_municipality_idx').on(t.municipalityId)],
);

export const familyMember = sqliteTable(
  'family_member',
  {
    familyId: text('family_id')
      .notNull()
      .references(() => family.id),
    citizenId: text('citizen_id')
      .notNull()
      .references(() => citizen.id),
    role: text('role', { enum: familyMemberRoles }).notNull(),
    /** Noted for a parent where the parents live apart; null when not noted. */
    custody: text('custody', { enum: custodyKinds }),
  },
  (t) => [
    primaryKey({ columns: [t.familyId, t.citizenId] }),
    index('family_member_citizen_idx').on(t.citizenId),
  ],
);

export type Citizen = typeof citizen.$inferSelect;
