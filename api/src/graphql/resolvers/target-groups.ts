import { listTargetGroups } from '../../domain/target-groups.js';
import { type HelhedContext, requireActor } from '../context.js';

/**
 * Target groups: municipal configuration, like departments, so every signed-in role of the
 * municipality may list them (the statistics picker, case work).
 */
export const targetGroupResolvers = {
  Query: {
    targetGroups: (_: unknown, __: unknown, ctx: HelhedContext) =>
      listTargetGroups(ctx.db, requireActor(ctx).municipalityId),
  },
};
