import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { citizen } from './citizen.js';
import { id, instant, municipalityId } from './columns.js';
import { department, targetGroup } from './organisation.js';
import { plan } from './plan.js';

export const priceKinds = ['INTERVENTION', 'BENEFIT'] as const;
export type PriceKind = (typeof priceKinds)[number];

/** What a price is per (docs/economy.md); domain/economy/accrual.ts prorates each. */
export const costUnits = ['HOUR', 'WEEK', 'MONTH', 'PLACEMENT_DAY'] as const;
export type CostUnit = (typeof costUnits)[number];

/**
 * One price version of the municipality's catalogue (docs/economy.md): a type's price in øre per
 * unit, who pays, under which legal basis, valid from/to (inclusive Copenhagen dates).
 */
export const priceVersion = sqliteTable(
  'price_version',
  {
    id: id(),
    municipalityId: municipalityId(),
    typeCode: text('type_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: priceKinds }).notNull(),
    unit: text('unit', { enum: costUnits }).notNull(),
    priceOre: integer('price_ore').notNull(),
    departmentId: text('department_id')
      .notNull()
      .references(() => department.id),
    legalBasis: text('legal_basis').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
  },
  (t) => [index('price_version_type_idx').on(t.municipalityId, t.typeCode)],
);

/** Help or a benefit a citizen received or receives, costed from the catalogue. */
export const provision = sqliteTable(
  'provision',
  {
    id: id(),
    municipalityId: municipalityId(),
    citizenId: text('citizen_id')
      .notNull()
      .references(() => citizen.id),
    planId: text('plan_id').references(() => plan.id),
    typeCode: text('type_code').notNull(),
    quantity: integer('quantity').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('provision_citizen_idx').on(t.citizenId),
    index('provision_municipality_idx').on(t.municipalityId, t.startsOn),
  ],
);

/** One line of a target group's typical year of help, for estimating a missing baseline. */
export const archetypeLine = sqliteTable(
  'archetype_line',
  {
    id: id(),
    municipalityId: municipalityId(),
    targetGroupId: text('target_group_id')
      .notNull()
      .references(() => targetGroup.id),
    typeCode: text('type_code').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [index('archetype_line_group_idx').on(t.targetGroupId)],
);

export type PriceVersionRow = typeof priceVersion.$inferSelect;
export type ProvisionRow = typeof provision.$inferSelect;
