import { copenhagenDate } from '../../kernel/calendar.js';
import { single } from '../client.js';
import type { DepartmentKind } from '../schema/index.js';
import { citizen, citizenTargetGroup, intervention, measurement, plan, targetGroup } from '../tables.js';
import type { SeedTx } from './demo-tx.js';
import { seededRandom } from './random.js';

const DAY = 86_400_000;

export const demoTargetGroups = [
  { key: 'family-child-parent-benefits', name: 'Familie med børnesag og forælder på ydelse' },
  { key: 'vulnerable-young-17-25', name: 'Udsat ung 17–25' },
  { key: 'adult-complex-needs', name: 'Voksen med komplekse behov' },
] as const;
export type DemoTargetGroupKey = (typeof demoTargetGroups)[number]['key'];

/** Where a cohort citizen is helped: department, intervention and target group. */
const tracks: { kind: DepartmentKind; type: string; legalBasis: string; group: DemoTargetGroupKey }[] = [
  { kind: 'EMPLOYMENT', type: 'Mentorstøtte', legalBasis: 'LAB § 31', group: 'family-child-parent-benefits' },
  {
    kind: 'ADULT_SOCIAL',
    type: 'Socialpædagogisk støtte',
    legalBasis: 'SEL § 85',
    group: 'adult-complex-needs',
  },
  {
    kind: 'EDUCATION',
    type: 'Uddannelsesvejledning',
    legalBasis: 'Vejledningsloven',
    group: 'vulnerable-young-17-25',
  },
];

export interface CohortSeed {
  municipalityId: string;
  department: (kind: DepartmentKind) => string;
  professional: (kind: DepartmentKind) => string | null;
  now: Date;
  /** Demo citizens to tag, by target group. */
  tags: Record<DemoTargetGroupKey, string[]>;
}

/**
 * Target groups, and a cohort of 45 fictional citizens ("Demoborger 01"…) with one plan, one
 * intervention and an outcome series each, so the anonymous statistics of the demo have cells
 * large enough to publish. Deterministic: its own seeded generator.
 */
export async function seedStatisticsCohort(tx: SeedTx, s: CohortSeed): Promise<void> {
  const rnd = seededRandom(2028);
  const m = s.municipalityId;
  const groupId = new Map<DemoTargetGroupKey, string>();
  for (const g of demoTargetGroups) {
    groupId.set(
      g.key,
      single(
        await tx
          .insert(targetGroup)
          .values({ municipalityId: m, ...g })
          .returning(),
      ).id,
    );
  }
  const tag = async (citizenId: string, key: DemoTargetGroupKey) =>
    await tx.insert(citizenTargetGroup).values({ citizenId, targetGroupId: groupId.get(key) as string });
  for (const [key, ids] of Object.entries(s.tags) as [DemoTargetGroupKey, string[]][]) {
    for (const id of ids) await tag(id, key);
  }
  const now = s.now.getTime();
  for (let i = 0; i < 45; i++) {
    const track = tracks[i % tracks.length] as (typeof tracks)[number];
    const createdAt = new Date(now - 200 * DAY);
    const person = single(
      await tx
        .insert(citizen)
        .values({
          municipalityId: m,
          displayName: `Demoborger ${String(i + 1).padStart(2, '0')}`,
          birthYear: track.group === 'vulnerable-young-17-25' ? rnd.int(2001, 2008) : rnd.int(1960, 1995),
          createdAt,
        })
        .returning(),
    );
    await tag(person.id, track.group);
    const planId = single(
      await tx.insert(plan).values({ municipalityId: m, citizenId: person.id, createdAt }).returning(),
    ).id;
    const startDaysAgo = rnd.int(90, 160);
    const iv = single(
      await tx
        .insert(intervention)
        .values({
          municipalityId: m,
          planId,
          departmentId: s.department(track.kind),
          type: track.type,
          legalBasis: track.legalBasis,
          startsOn: copenhagenDate(now - startDaysAgo * DAY),
          responsibleProfessionalId: s.professional(track.kind),
        })
        .returning(),
    );
    const totals = trajectory(rnd);
    for (const [session, total] of totals.entries()) {
      const at = new Date(now - (startDaysAgo - 5 - session * 14) * DAY);
      const items = [0, 1, 2, 3].map((k) => Math.floor(total / 4) + (k < total % 4 ? 1 : 0));
      await tx.insert(measurement).values({
        municipalityId: m,
        citizenId: person.id,
        departmentId: s.department(track.kind),
        interventionId: iv.id,
        professionalId: s.professional(track.kind),
        instrumentKey: 'outcome',
        instrumentVersion: 1,
        respondentRole: 'CITIZEN',
        session: session + 1,
        occurredAt: at,
        recordedAt: at,
        total,
        itemValues: items,
        idempotencyKey: `seed-${rnd.uuid()}`,
        recordedBy: 'seed',
      });
    }
  }
}

/** 3–6 outcome totals (tenths): about half improve, a third stay, the rest get worse. */
function trajectory(rnd: ReturnType<typeof seededRandom>): number[] {
  const sessions = rnd.int(3, 6);
  const start = rnd.int(120, 290);
  const roll = rnd.next();
  const change = roll < 0.5 ? rnd.int(60, 130) : roll < 0.8 ? rnd.int(-30, 30) : -rnd.int(55, 90);
  return Array.from({ length: sessions }, (_, k) => {
    const noise = k === 0 || k === sessions - 1 ? 0 : rnd.int(-10, 10);
    const value = start + Math.round((change * k) / (sessions - 1)) + noise;
    return Math.min(400, Math.max(0, value));
  });
}
