import { inArray } from 'drizzle-orm';
import { listReachableCitizens } from '../../access/policy.js';
import type { Citizen } from '../../db/schema/index.js';
import { citizen } from '../../db/tables.js';
import { citizenPlans } from '../../domain/citizen-plans.js';
import { type HelhedContext, requireActor } from '../context.js';
import { badInput } from '../errors.js';
import { hasControlCharacter } from '../inputs.js';

/** The caller's caseload: the citizens they may open, and the plans each takes part in. */
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
      const rows = await ctx.db.select().from(citizen).where(inArray(citizen.id, ids));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id)).filter((c): c is Citizen => c !== undefined);
    },
  },
  Citizen: {
    plans: (c: Citizen, _: unknown, ctx: HelhedContext) => citizenPlans(ctx.db, c.id),
  },
};
