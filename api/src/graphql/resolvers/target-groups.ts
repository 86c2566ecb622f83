import { eq } from 'drizzle-orm';
import { targetGroup } from '../../db/tables.js';
import { type HelhedContext, requireActor } from '../context.js';

/** A target group as the API shows it: the key statistics filter and group by, and its name. */
export interface TargetGroupView {
  key: string;
  name: string;
  description: string;
}

/** Names are Danish municipal wording, so they sort as Danish (æ, ø, å last), not by code point. */
const byName = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/** The municipality's target groups, sorted by name. */
export async function listTargetGroups(
  ctx: HelhedContext,
  municipalityId: string,
): Promise<TargetGroupView[]> {
  const rows = await ctx.db
    .select({ key: targetGroup.key, name: targetGroup.name, description: targetGroup.description })
    .from(targetGroup)
    .where(eq(targetGroup.municipalityId, municipalityId));
  return rows.sort((a, b) => byName.compare(a.name, b.name) || (a.key < b.key ? -1 : 1));
}

/**
 * Target groups: municipal configuration, like departments, so every signed-in role of the
 * municipality may list them (the statistics picker, case work). They hold no citizen data,
 * so listing them is not audited.
 */
export const targetGroupResolvers = {
  Query: {
    targetGroups: (_: unknown, __: unknown, ctx: HelhedContext) =>
      listTargetGroups(ctx, requireActor(ctx).municipalityId),
  },
};
