import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { targetGroup } from '../db/tables.js';
import type { TargetGroupRecord } from './target-group-admin.js';

/** Names are Danish municipal wording, so they sort as Danish (æ, ø, å last), not by code point. */
const byName = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/**
 * The municipality's target groups, sorted by name. Municipal configuration, like departments:
 * no citizen data, so listing them is not audited.
 */
export async function listTargetGroups(db: Db, municipalityId: string): Promise<TargetGroupRecord[]> {
  const rows = await db
    .select({ key: targetGroup.key, name: targetGroup.name, description: targetGroup.description })
    .from(targetGroup)
    .where(eq(targetGroup.municipalityId, municipalityId));
  return rows.sort((a, b) => byName.compare(a.name, b.name) || (a.key < b.key ? -1 : 1));
}
