import { z } from 'zod';
import { attentionKinds } from '../domain/caseload/attention.js';
import { hasControlCharacter } from '../domain/inputs/commands.js';

/**
 * `caseload(filter:)` checked at the edge: the schema's enums already refuse unknown kinds and
 * scopes; ranges and the target group key's shape are checked here (BAD_USER_INPUT naming the field).
 */
export const caseloadFilterInput = z
  .object({
    reasons: z.array(z.enum(attentionKinds)).max(attentionKinds.length).nullish(),
    targetGroup: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters')
      .refine((s) => !hasControlCharacter(s), 'must not contain control characters')
      .nullish(),
    scope: z.enum(['DEPARTMENT', 'MINE']).nullish(),
    followUpDays: z.number().int().min(1, 'must be 1 to 365').max(365, 'must be 1 to 365').nullish(),
    unratedWeeks: z.number().int().min(1, 'must be 1 to 52').max(52, 'must be 1 to 52').nullish(),
    limit: z.number().int().min(1, 'must be 1 to 500').max(500, 'must be 1 to 500').nullish(),
  })
  .strict();

export const followUpIntervalArgs = z.object({
  departmentId: z
    .string()
    .min(1)
    .max(64)
    .refine((s) => !hasControlCharacter(s), 'is not a valid id'),
  days: z.number().int().min(1, 'must be 1 to 365').max(365, 'must be 1 to 365').nullish(),
});
