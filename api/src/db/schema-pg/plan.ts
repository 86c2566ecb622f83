// PostgreSQL twin of ../schema (SQLite). Keep both in step: schema-drift.test.ts fails otherwise.
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { citizen, family } from './citizen.js';
import { id, instant, municipalityId } from './columns.js';
import { department, professional } from './organisation.js';

export const goalStatuses = ['ACTIVE', 'ACHIEVED', 'CLOSED'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/**
 * One plan per citizen or per family: the shared plan every department works from. At most one is
 * active (closed_at null) per citizen and per family, enforced by partial unique indexes.
 */
export const plan = pgTable(
  'plan',
  {
    id: id(),
    municipalityId: municipalityId(),
    citizenId: text('citizen_id').references(() => citizen.id),
    familyId: text('family_id').references(() => family.id),
    createdAt: instant('created_at').notNull(),
    /** The family's one contact person across departments ("én tovholder"). */
    coordinatorId: text('coordinator_professional_id').references(() => professional.id),
    closedAt: instant('closed_at'),
  },
  (t) => [
    index('plan_citizen_idx').on(t.municipalityId, t.citizenId),
    index('plan_family_idx').on(t.municipalityId, t.familyId),
    uniqueIndex('plan_one_active_per_citizen_uq').on(t.citizenId).where(sql`${t.closedAt} is null`),
    uniqueIndex('plan_one_active_per_family_uq').on(t.familyId).where(sql`${t.closedAt} is null`),
  ],
);

/** A goal in the citizen's own words. Baseline and target are in tenths of the goal's scale. */
export const goal = pgTable(
  'goal',
  {
    id: id(),
    municipalityId: municipalityId(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id),
    subjectCitizenId: text('subject_citizen_id').references(() => citizen.id),
    text: text('text').notNull(),
    instrumentKey: text('instrument_key').notNull(),
    baseline: integer('baseline').notNull(),
    target: integer('target').notNull(),
    weight: doublePrecision('weight').notNull().default(1),
    status: text('status', { enum: goalStatuses }).notNull().default('ACTIVE'),
    dominant: boolean('dominant').notNull().default(false),
    createdAt: instant('created_at').notNull(),
    /**
     * When the goal was last rated: derived from goal_rating by database triggers (migration
     * goal_last_rated_triggers), never written by the application. The caseload's
     * unrated-goal rule reads it for thousands of goals at once (docs/caseload.md).
     */
    lastRatedAt: instant('last_rated_at'),
  },
  (t) => [
    index('goal_plan_idx').on(t.planId),
    // At most one dominant goal per plan, whatever the code above the database does.
    uniqueIndex('goal_one_dominant_uq').on(t.planId).where(sql`${t.dominant}`),
  ],
);

export const goalDepartment = pgTable(
  'goal_department',
  {
    goalId: text('goal_id')
      .notNull()
      .references(() => goal.id),
    departmentId: text('department_id')
      .notNull()
      .references(() => department.id),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.departmentId] })],
);

/** What a department does for the plan, under which legal basis, serving which goals. */
export const intervention = pgTable(
  'intervention',
  {
    id: id(),
    municipalityId: municipalityId(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id),
    departmentId: text('department_id')
      .notNull()
      .references(() => department.id),
    type: text('type').notNull(),
    legalBasis: text('legal_basis').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on'),
    responsibleProfessionalId: text('responsible_professional_id').references(() => professional.id),
    yearlyCost: integer('yearly_cost'),
  },
  (t) => [
    index('intervention_plan_idx').on(t.planId),
    index('intervention_type_idx').on(t.municipalityId, t.type),
  ],
);

export const interventionGoal = pgTable(
  'intervention_goal',
  {
    interventionId: text('intervention_id')
      .notNull()
      .references(() => intervention.id),
    goalId: text('goal_id')
      .notNull()
      .references(() => goal.id),
  },
  (t) => [
    primaryKey({ columns: [t.interventionId, t.goalId] }),
    index('intervention_goal_goal_idx').on(t.goalId),
  ],
);

export type Plan = typeof plan.$inferSelect;
export type Goal = typeof goal.$inferSelect;
export type Intervention = typeof intervention.$inferSelect;
