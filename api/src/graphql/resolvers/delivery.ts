import { z } from 'zod';
import { id, parseInput } from '../../domain/inputs/commands.js';
import { readReminderChoices, setReminderChoice } from '../../domain/messages/opt-out.js';
import { type HelhedContext, requireActor } from '../context.js';

const reminderKind = z.enum(['DIGEST', 'MEETING_REMINDER', 'INVITATION_REMINDER']);
const choiceTarget = { citizenId: id.nullish(), professionalId: id.nullish() };
const choiceArgs = z.object(choiceTarget);
const choiceInput = z.object({
  input: z.object({ kind: reminderKind, enabled: z.boolean(), ...choiceTarget }),
});

/** Opt-out of reminders and the digest, per person, through the access policy. */
export const deliveryResolvers = {
  Query: {
    reminderChoices: (_: unknown, args: unknown, ctx: HelhedContext) =>
      readReminderChoices(ctx.db, requireActor(ctx), parseInput(choiceArgs, args)),
  },
  Mutation: {
    setReminderChoice: (_: unknown, args: unknown, ctx: HelhedContext) =>
      setReminderChoice(ctx.db, requireActor(ctx), parseInput(choiceInput, args).input, ctx.now()),
  },
};
