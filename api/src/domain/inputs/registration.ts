import { z } from 'zod';
import { parseCpr } from '../cpr.js';
import { noCpr, text } from './commands.js';

/**
 * A CPR number at the boundary: 10 digits, a dash after the date allowed, naming a day that
 * exists. Messages never repeat the number (they reach logs' error codes and people's screens).
 */
export const cprNumber = z
  .string()
  .max(11, 'must be 10 digits, DDMMYY-SSSS')
  .regex(/^\d{6}-?\d{4}$/, 'must be 10 digits, DDMMYY-SSSS')
  .transform((s, ctx) => {
    const cpr = parseCpr(s);
    if (!cpr) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a possible date of birth' });
    return cpr ?? z.NEVER;
  });

export const registerCitizenInput = (now: Date) =>
  z.object({
    cpr: cprNumber.nullish(),
    displayName: noCpr(text(200)),
    birthYear: z
      .number()
      .int()
      .min(1900, 'must be 1900 or later')
      .max(now.getUTCFullYear(), 'must not be in the future')
      .nullish(),
    externalRef: z.object({ system: text(50), value: noCpr(text(100)) }).nullish(),
  });
