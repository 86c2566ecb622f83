import { parseInput, statisticsFilterInput } from '../../domain/inputs/commands.js';
import { progressionStatistics } from '../../domain/statistics/query.js';
import { type HelhedContext, requireActor } from '../context.js';

/** Anonymous statistics: computed off the request thread, never a row about a person. */
export const statisticsResolvers = {
  Query: {
    progressionStatistics: (_: unknown, args: { filter: unknown }, ctx: HelhedContext) => {
      const actor = requireActor(ctx);
      const filter = parseInput(statisticsFilterInput, args.filter);
      return progressionStatistics(
        ctx.db,
        actor,
        ctx.instruments,
        ctx.statistics.runner,
        filter,
        ctx.statistics.minCellSize,
      );
    },
  },
};
