import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, instant, municipalityId } from './columns.js';

export const departmentKinds = [
  'EMPLOYMENT',
  'CHILDREN_FAMILY',
  'ADULT_SOCIAL',
  'HEALTH',
  'EDUCATION',
  'OTHER',
] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

/** A municipality is a tenant: everything else belongs to exactly one. */
export const municipality = sqliteTable('municipality', {
  id: id(),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  createdAt: instant('created_at').notNull(),
});

export const department = sqliteTable(
  'department',
  {
    id: id(),
    municipalityId: municipalityId(),
    kind: text('kind', { enum: departmentKinds }).notNull(),
    name: text('name').notNull(),
    /** A retired department keeps its history but takes no new cases. */
    retiredAt: instant('retired_at'),
    /** Days without a measurement before the caseload flags a citizen; null = the default (28). */
    followUpDays: integer('follow_up_days'),
  },
  (t) => [
    index('department_municipality_idx').on(t.municipalityId, t.kind),
    uniqueIndex('department_name_uq').on(t.municipalityId, t.name),
  ],
);

export const professional = sqliteTable(
  'professional',
  {
    id: id(),
    municipalityId: municipalityId(),
    departmentId: text('department_id')
      .notNull()
      .references(() => department.id),
    displayName: text('display_name').notNull(),
    title: text('title').notNull(),
    /** The identity provider's `sub` of the person, when they have signed in; null before. */
    subject: text('subject'),
    /** Work e-mail for the daily digest (docs/delivery.md); null: no digest. */
    email: text('email'),
  },
  (t) => [
    index('professional_department_idx').on(t.municipalityId, t.departmentId),
    uniqueIndex('professional_subject_uq').on(t.municipalityId, t.subject),
  ],
);

/** Target groups tag citizens for anonymous statistics ("vulnerable young 17–25"). */
export const targetGroup = sqliteTable(
  'target_group',
  {
    id: id(),
    municipalityId: municipalityId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** Who belongs to the group, in the municipality's words; empty until described. */
    description: text('description').notNull().default(''),
  },
  (t) => [uniqueIndex('target_group_key_uq').on(t.municipalityId, t.key)],
);

export type Department = typeof department.$inferSelect;
export type Professional = typeof professional.$inferSelect;
