import { idArgs, parseInput, setPlanCoordinatorInput } from '../../domain/inputs/commands.js';
import { closePlan, setPlanCoordinator } from '../../domain/plan-lifecycle.js';
import { type HelhedContext, requireActor } from '../context.js';

/** One plan per citizen and per family: its coordinator and its closing (domain/plan-lifecycle.ts). */
export const planLifecycleResolvers = {
  Mutation: {
    setPlanCoordinator: (_: unknown, args: { input: unknown }, ctx: HelhedContext) =>
      setPlanCoordinator(
        ctx.db,
        requireActor(ctx),
        parseInput(setPlanCoordinatorInput, args.input),
        ctx.now(),
      ),
    closePlan: (_: unknown, args: unknown, ctx: HelhedContext) =>
      closePlan(ctx.db, requireActor(ctx), parseInput(idArgs, args).id, ctx.now()),
  },
};
