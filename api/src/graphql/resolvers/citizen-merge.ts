import type { CitizenMerge } from '../../db/schema/index.js';
import {
  confirmCitizenMerge,
  listCitizenMerges,
  mergeCitizens,
  undoCitizenMerge,
} from '../../domain/citizen-merge.js';
import { mergeCounts } from '../../domain/citizen-merge-counts.js';
import { idArgs, parseInput } from '../../domain/inputs/commands.js';
import { type HelhedContext, requireActor } from '../context.js';
import { citizenMergesArgs, mergeCitizensInput } from '../merge-inputs.js';

/** Merging two records of one person (domain/citizen-merge.ts); the domain audits each change. */
export const citizenMergeResolvers = {
  Query: {
    citizenMerges: (_: unknown, args: unknown, ctx: HelhedContext) =>
      listCitizenMerges(ctx.db, requireActor(ctx), parseInput(citizenMergesArgs, args).status ?? null),
  },
  Mutation: {
    mergeCitizens: (_: unknown, args: { input: unknown }, ctx: HelhedContext) =>
      mergeCitizens(ctx.db, requireActor(ctx), parseInput(mergeCitizensInput, args.input), ctx.now()),
    undoCitizenMerge: (_: unknown, args: unknown, ctx: HelhedContext) =>
      undoCitizenMerge(ctx.db, requireActor(ctx), parseInput(idArgs, args).id, ctx.now()),
    confirmCitizenMerge: (_: unknown, args: unknown, ctx: HelhedContext) =>
      confirmCitizenMerge(ctx.db, requireActor(ctx), parseInput(idArgs, args).id, ctx.now()),
  },
  CitizenMerge: {
    movedCounts: (m: CitizenMerge, _: unknown, ctx: HelhedContext) => mergeCounts(ctx.db, m),
    createdAt: (m: CitizenMerge) => m.createdAt.toISOString(),
    decidedAt: (m: CitizenMerge) => m.decidedAt?.toISOString() ?? null,
  },
};
