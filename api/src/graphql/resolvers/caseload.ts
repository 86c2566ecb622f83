import { z } from 'zod';
import { listReachableCitizens } from '../../access/policy.js';
import type { Citizen } from '../../db/schema/index.js';
import type { AttentionReason } from '../../domain/caseload/attention.js';
import { readCaseload } from '../../domain/caseload/caseload.js';
import { citizensByIds } from '../../domain/citizens.js';
import { badInput } from '../../domain/errors.js';
import { setFollowUpInterval } from '../../domain/follow-up.js';
import { hasControlCharacter, parseInput } from '../../domain/inputs/commands.js';
import { caseloadFilterInput, followUpIntervalArgs } from '../caseload-input.js';
import { type HelhedContext, requireActor } from '../context.js';

const caseloadArgs = z.object({ filter: caseloadFilterInput.nullish() });

/**
 * The caller's caseload: the citizens they may open by name (`citizens`), and who of them needs
 * attention today (`caseload`, domain/caseload).
 */
export const caseloadResolvers = {
  Query: {
    citizens: async (
      _: unknown,
      args: { search?: string | null; limit?: number | null },
      ctx: HelhedContext,
    ) => {
      const limit = args.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw badInput('limit must be 1 to 200.', 'limit');
      const search = (args.search ?? '').trim().slice(0, 100);
      // No name holds one, and PostgreSQL refuses NUL in a query parameter (an internal error).
      if (hasControlCharacter(search))
        throw badInput('search must not contain control characters.', 'search');
      const ids = await listReachableCitizens(ctx.db, requireActor(ctx), search, limit);
      if (ids.length === 0) return [];
      const byId = new Map((await citizensByIds(ctx.db, ids)).map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id)).filter((c): c is Citizen => c !== undefined);
    },
    caseload: (_: unknown, args: unknown, ctx: HelhedContext) => {
      const { filter } = parseInput(caseloadArgs, args);
      return readCaseload(ctx.db, requireActor(ctx), ctx.instruments, filter ?? {}, ctx.now());
    },
  },
  Mutation: {
    setFollowUpInterval: (_: unknown, args: unknown, ctx: HelhedContext) =>
      setFollowUpInterval(ctx.db, requireActor(ctx), parseInput(followUpIntervalArgs, args), ctx.now()),
  },
  AttentionReason: {
    department: (r: AttentionReason, _: unknown, ctx: HelhedContext) =>
      r.departmentId ? ctx.loaders.department.load(r.departmentId) : null,
  },
};
