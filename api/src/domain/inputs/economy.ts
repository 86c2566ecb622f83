import { z } from 'zod';
import { priceKinds } from '../../db/schema/index.js';
import { costUnits } from '../economy/accrual.js';
import { MAX_PRICE_ORE, MAX_QUANTITY } from '../economy/catalogue.js';
import { calendarDate, id, text } from './commands.js';

/** Whole øre, never negative: money is never a floating-point number (docs/economy.md). */
const ore = z
  .number()
  .int('must be whole øre')
  .min(0, 'must not be negative')
  .max(MAX_PRICE_ORE, `must be at most ${MAX_PRICE_ORE} øre`);
const quantity = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`);
const typeCode = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'must be letters, digits, dot, dash or underscore (at most 64)',
  );
const unit = z.enum(costUnits, { message: `must be one of ${costUnits.join(', ')}` });

/** A price version as an ADMIN types it or a CSV row holds it, with the department by id. */
export const priceVersionInput = z
  .object({
    typeCode,
    name: text(200),
    kind: z.enum(priceKinds, { message: `must be one of ${priceKinds.join(', ')}` }),
    unit,
    priceOre: ore,
    departmentId: id,
    legalBasis: text(200),
    validFrom: calendarDate,
    validTo: calendarDate.nullish().transform((v) => v ?? null),
  })
  .refine((v) => v.validTo === null || v.validTo >= v.validFrom, {
    message: 'must not be before validFrom',
    path: ['validTo'],
  });
export type PriceVersionInput = z.infer<typeof priceVersionInput>;

export const addProvisionInput = z
  .object({
    citizenId: id,
    planId: id.nullish().transform((v) => v ?? null),
    typeCode,
    unit,
    quantity,
    startsOn: calendarDate,
    endsOn: calendarDate.nullish().transform((v) => v ?? null),
  })
  .refine((v) => v.endsOn === null || v.endsOn >= v.startsOn, {
    message: 'must not be before startsOn',
    path: ['endsOn'],
  });
export type AddProvisionInput = z.infer<typeof addProvisionInput>;

export const setArchetypeBasketInput = z.object({
  targetGroup: text(100),
  lines: z.array(z.object({ typeCode, quantity })).max(50),
});

/** The CSV of a price catalogue: at most 5,000 rows keeps one import inside one request. */
export const catalogueCsv = z.object({ csv: text(90_000) });

export const endPriceVersionInput = z.object({
  id,
  validTo: calendarDate.nullish().transform((v) => v ?? null),
});
