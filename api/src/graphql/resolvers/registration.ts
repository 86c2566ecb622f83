import { parseInput } from '../../domain/inputs/commands.js';
import { registerCitizenInput } from '../../domain/inputs/registration.js';
import { registerCitizen } from '../../domain/registration.js';
import { type HelhedContext, requireActor } from '../context.js';

/** One person, one record: registration by CPR number (domain/registration.ts). */
export const registrationResolvers = {
  Mutation: {
    registerCitizen: (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const now = ctx.now();
      const input = parseInput(registerCitizenInput(now), args.input);
      return registerCitizen(ctx.db, requireActor(ctx), ctx.cprKeyring, input, now);
    },
  },
};
