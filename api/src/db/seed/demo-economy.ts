import { and, eq, like } from 'drizzle-orm';
import { addDays, copenhagenDate } from '../../kernel/calendar.js';
import type { DepartmentKind } from '../schema/index.js';
import {
  archetypeLine,
  citizen,
  citizenTargetGroup,
  plan,
  priceVersion,
  provision,
  targetGroup,
} from '../tables.js';
import type { SeedTx } from './demo-tx.js';
import { demoPriceList } from './price-list.js';

const DAY = 86_400_000;

/** What each cohort track received before its plan and receives since: [type, quantity, from, to] in days from the start. */
const tracks: Record<string, [string, number, number, number | null][]> = {
  'family-child-parent-benefits': [
    ['CASH-BENEFIT', 1, -365, null],
    ['JOB-MENTOR', 2, 0, 150],
  ],
  'adult-complex-needs': [
    ['SEL85-SUPPORT', 4, -300, 60],
    ['SEL85-SUPPORT', 2, 61, null],
  ],
  'vulnerable-young-17-25': [
    ['EDU-GUIDANCE', 2, -200, -1],
    ['EDU-GUIDANCE', 1, 0, null],
  ],
};

export interface EconomySeed {
  municipalityId: string;
  department: (kind: DepartmentKind) => string;
  now: Date;
  /** The Sørensen family plan and its members. */
  familyPlan: { id: string; startsAt: Date; anna: string; mikkel: string };
}

/**
 * A price catalogue, an archetype basket and costs: the Sørensen family across three departments
 * (Freja has no history of her own, so her part of the baseline is the basket's estimate) and
 * the statistics cohort, so the plan view and the analysts' report have something to show.
 */
export async function seedDemoEconomy(tx: SeedTx, s: EconomySeed): Promise<void> {
  const m = s.municipalityId;
  await tx.insert(priceVersion).values(
    demoPriceList.map(({ payer, ...v }) => ({
      ...v,
      municipalityId: m,
      departmentId: s.department(payer),
      validFrom: '2000-01-01',
    })),
  );
  const group = (
    await tx
      .select({ id: targetGroup.id })
      .from(targetGroup)
      .where(and(eq(targetGroup.municipalityId, m), eq(targetGroup.key, 'family-child-parent-benefits')))
  )[0];
  if (group) {
    await tx.insert(archetypeLine).values(
      [
        ['CASH-BENEFIT', 1],
        ['FAMILY-SUPPORT', 1],
        ['JOB-MENTOR', 1],
      ].map(([typeCode, quantity]) => ({
        municipalityId: m,
        targetGroupId: group.id,
        typeCode: typeCode as string,
        quantity: quantity as number,
      })),
    );
  }
  const start = copenhagenDate(s.familyPlan.startsAt);
  const on = (days: number | null) => (days === null ? null : addDays(start, days));
  const createdAt = s.now;
  const family: [string, string, number, number, number | null][] = [
    [s.familyPlan.anna, 'CASH-BENEFIT', 1, -400, null],
    [s.familyPlan.anna, 'SEL85-SUPPORT', 3, -300, -30],
    [s.familyPlan.mikkel, 'FOSTER-CARE', 1, -90, -1],
    [s.familyPlan.anna, 'JOB-MENTOR', 2, 5, null],
    [s.familyPlan.mikkel, 'FAMILY-SUPPORT', 1, 5, 180],
  ];
  await tx.insert(provision).values(
    family.map(([citizenId, typeCode, quantity, from, to]) => ({
      municipalityId: m,
      citizenId,
      planId: from >= 0 ? s.familyPlan.id : null,
      typeCode,
      quantity,
      startsOn: on(from) as string,
      endsOn: on(to),
      createdAt,
    })),
  );
  const cohort = await tx
    .select({ id: citizen.id, planId: plan.id, planStart: plan.createdAt, group: targetGroup.key })
    .from(citizen)
    .innerJoin(plan, eq(plan.citizenId, citizen.id))
    .innerJoin(citizenTargetGroup, eq(citizenTargetGroup.citizenId, citizen.id))
    .innerJoin(targetGroup, eq(targetGroup.id, citizenTargetGroup.targetGroupId))
    .where(and(eq(citizen.municipalityId, m), like(citizen.displayName, 'Demoborger %')));
  const rows = cohort.flatMap((c, i) => {
    const begin = copenhagenDate(c.planStart);
    return (tracks[c.group] ?? []).map(([typeCode, quantity, from, to]) => ({
      municipalityId: m,
      citizenId: c.id,
      planId: from >= 0 ? c.planId : null,
      typeCode,
      // Deterministic variety: some citizens get a little more help than others.
      quantity: quantity + (i % 3),
      startsOn: addDays(begin, from),
      endsOn: to === null ? null : addDays(begin, to),
      createdAt: new Date(createdAt.getTime() - DAY),
    }));
  });
  if (rows.length) await tx.insert(provision).values(rows);
}
