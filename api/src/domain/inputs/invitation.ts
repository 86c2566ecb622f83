import { z } from 'zod';
import { id, text } from './commands.js';

/** docs/family.md: the languages family pages and messages speak. */
export const familyLanguages = ['da', 'en', 'ar', 'uk'] as const;

export const inviteToAnswerInput = z
  .object({
    inviteeId: id,
    questionnaire: z.object({ citizenId: id, instrumentKey: text(100) }).nullish(),
    planId: id.nullish(),
    departmentId: id.nullish(),
    validDays: z.number().int().min(1, 'must be 1 to 30').max(30, 'must be 1 to 30').nullish(),
    email: z.string().trim().max(254).email('must be an e-mail address').nullish(),
    language: z.enum(familyLanguages).nullish(),
  })
  .refine((v) => (v.questionnaire ? 1 : 0) + (v.planId ? 1 : 0) === 1, {
    message: 'give exactly one of questionnaire or planId',
    path: ['questionnaire'],
  });

/** The secret is checked for shape where it is looked up, so every bad token answers alike. */
const token = z.string().max(200);

export const invitationArgs = z.object({ token });

export const answerInvitationInput = z
  .object({
    token,
    idempotencyKey: text(100),
    values: z.array(z.number().finite()).min(1).max(100).nullish(),
    ratings: z
      .array(z.object({ goalId: id, value: z.number().finite() }))
      .min(1, 'must rate at least one goal')
      .max(50)
      .nullish(),
  })
  .refine((v) => (v.values ? 1 : 0) + (v.ratings ? 1 : 0) === 1, {
    message: 'give exactly one of values or ratings',
    path: ['values'],
  });

export type InviteToAnswer = z.infer<typeof inviteToAnswerInput>;
export type AnswerInvitation = z.infer<typeof answerInvitationInput>;
