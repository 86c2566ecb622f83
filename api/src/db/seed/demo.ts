import { eq } from 'drizzle-orm';
import { copenhagenDate } from '../../kernel/calendar.js';
import { type Db, single } from '../client.js';
import type { DepartmentKind } from '../schema/index.js';
import {
  citizen,
  consent,
  department,
  family,
  familyMember,
  goal,
  goalDepartment,
  goalRating,
  intervention,
  interventionGoal,
  measurement,
  municipality,
  plan,
  professional,
} from '../tables.js';
import { seedStatisticsCohort } from './demo-cohort.js';
import { seedDemoDialogue } from './demo-dialogue.js';
import { seedDemoEconomy } from './demo-economy.js';
import { seededRandom } from './random.js';

export const DEMO_MUNICIPALITY_CODE = 'demo';

const departments: { kind: DepartmentKind; name: string; professional: string; title: string }[] = [
  { kind: 'EMPLOYMENT', name: 'Jobcenter', professional: 'Mette Holm', title: 'Mentor' },
  { kind: 'CHILDREN_FAMILY', name: 'Børn og Familie', professional: 'Jonas Krog', title: 'Familiebehandler' },
  { kind: 'ADULT_SOCIAL', name: 'Voksenområdet', professional: 'Sara Lund', title: 'Bostøttemedarbejder' },
  { kind: 'HEALTH', name: 'Sundhed', professional: 'Ali Nasser', title: 'Sundhedsplejerske' },
  { kind: 'EDUCATION', name: 'Skole og Uddannelse', professional: 'Ida Berg', title: 'UU-vejleder' },
  { kind: 'OTHER', name: 'Borgerservice', professional: 'Peter Dahl', title: 'Koordinator' },
];

/**
 * Fictional people: any likeness to real persons is accidental. Ages (years this calendar year
 * minus birth year) rather than birth years, so the children stay minors whenever the demo is
 * seeded (a parent reaches only minor children, docs/access.md).
 */
const people = [
  { name: 'Anna Sørensen', age: 38 },
  { name: 'Mikkel Sørensen', age: 15 },
  { name: 'Freja Sørensen', age: 10 },
  { name: 'Karim Haddad', age: 47 },
  { name: 'Laila Haddad', age: 16 },
  { name: 'Emil Nørgaard', age: 22 },
  { name: 'Birgitte Olsen', age: 60 },
] as const;

export interface DemoSummary {
  created: boolean;
  municipalityId: string;
}

const DAY = 86_400_000;

/**
 * Seeds the fictional "Demo Kommune" once: departments of every kind, professionals, citizens,
 * two families with one plan each, goals, interventions, ratings and a few months of
 * FIT-style sessions; then the Sørensen family's dialogue (demo-dialogue.ts) and target groups
 * with an anonymous-statistics cohort (demo-cohort.ts). A second call finds the municipality
 * and writes nothing.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<DemoSummary> {
  const existing = (
    await db.select().from(municipality).where(eq(municipality.code, DEMO_MUNICIPALITY_CODE))
  )[0];
  if (existing) return { created: false, municipalityId: existing.id };
  const rnd = seededRandom(2026);
  return db.transaction(async (tx) => {
    const mun = single(
      await tx
        .insert(municipality)
        .values({ name: 'Demo Kommune', code: DEMO_MUNICIPALITY_CODE, createdAt: now })
        .returning(),
    );
    const m = mun.id;
    const dept = new Map<DepartmentKind, string>();
    const prof = new Map<DepartmentKind, string>();
    for (const d of departments) {
      const row = single(
        await tx.insert(department).values({ municipalityId: m, kind: d.kind, name: d.name }).returning(),
      );
      dept.set(d.kind, row.id);
      const p = single(
        await tx
          .insert(professional)
          .values({ municipalityId: m, departmentId: row.id, displayName: d.professional, title: d.title })
          .returning(),
      );
      prof.set(d.kind, p.id);
    }
    const ids: string[] = [];
    for (const p of people)
      ids.push(
        single(
          await tx
            .insert(citizen)
            .values({
              municipalityId: m,
              displayName: p.name,
              birthYear: Number(copenhagenDate(now).slice(0, 4)) - p.age,
              createdAt: new Date(now.getTime() - 200 * DAY),
            })
            .returning(),
        ).id,
      );
    const [anna, mikkel, freja, karim, laila, emil, birgitte] = ids as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const sorensen = single(
      await tx
        .insert(family)
        .values({ municipalityId: m, name: 'Familien Sørensen', createdAt: now })
        .returning(),
    ).id;
    const haddad = single(
      await tx
        .insert(family)
        .values({ municipalityId: m, name: 'Familien Haddad', createdAt: now })
        .returning(),
    ).id;
    await tx.insert(familyMember).values([
      { familyId: sorensen, citizenId: anna, role: 'PARENT' },
      { familyId: sorensen, citizenId: mikkel, role: 'CHILD' },
      { familyId: sorensen, citizenId: freja, role: 'CHILD' },
      { familyId: haddad, citizenId: karim, role: 'PARENT' },
      { familyId: haddad, citizenId: laila, role: 'CHILD' },
    ]);

    const id = (k: DepartmentKind) => dept.get(k) as string;
    // Anna: improving with the jobcentre mentor, flat then worse with adult services (divergent).
    const annaJob = [14, 16, 19.5, 22, 24.5, 27.3];
    const annaAdult = [24, 23.5, 21, 18.2];
    const sessionsAt = (count: number, startDaysAgo: number) =>
      Array.from({ length: count }, (_, i) => new Date(now.getTime() - (startDaysAgo - i * 14) * DAY));
    const addSeries = async (
      c: string,
      kind: DepartmentKind,
      key: string,
      totals: number[],
      start: number,
      role: 'CITIZEN' | 'CHILD' = 'CITIZEN',
    ) => {
      for (const [i, at] of sessionsAt(totals.length, start).entries()) {
        const total = Math.round((totals[i] as number) * 10);
        const items = spread4(total, rnd.next);
        await tx.insert(measurement).values({
          municipalityId: m,
          citizenId: c,
          departmentId: id(kind),
          professionalId: prof.get(kind) ?? null,
          instrumentKey: key,
          instrumentVersion: 1,
          respondentRole: role,
          session: i + 1,
          occurredAt: at,
          recordedAt: at,
          total: items.reduce((a, b) => a + b, 0),
          itemValues: items,
          idempotencyKey: `seed-${rnd.uuid()}`,
          recordedBy: 'seed',
        });
      }
    };
    await addSeries(anna, 'EMPLOYMENT', 'outcome', annaJob, 90);
    await addSeries(anna, 'EMPLOYMENT', 'session', [35, 37.5, 38.4, 39, 38.8, 39.2], 90);
    await addSeries(anna, 'ADULT_SOCIAL', 'outcome', annaAdult, 70);
    await addSeries(mikkel, 'CHILDREN_FAMILY', 'child-outcome', [22, 23, 24.1, 23.5], 60, 'CHILD');
    await addSeries(karim, 'HEALTH', 'outcome', [20, 21.4, 22], 40);
    await addSeries(emil, 'EDUCATION', 'outcome', [30, 28, 25.5, 24], 80);

    const annaPlan = single(
      await tx
        .insert(plan)
        .values({ municipalityId: m, familyId: sorensen, createdAt: new Date(now.getTime() - 120 * DAY) })
        .returning(),
    ).id;
    const goals = [
      {
        text: 'Mikkel kommer i skole hver dag',
        subject: mikkel,
        owners: ['CHILDREN_FAMILY', 'EDUCATION'] as DepartmentKind[],
        baseline: 30,
        target: 90,
        dominant: true,
      },
      {
        text: 'Anna får et fleksjob hun kan holde til',
        subject: anna,
        owners: ['EMPLOYMENT'] as DepartmentKind[],
        baseline: 20,
        target: 80,
        dominant: false,
      },
      {
        text: 'Vi har gode aftener sammen som familie',
        subject: anna,
        owners: ['CHILDREN_FAMILY', 'ADULT_SOCIAL'] as DepartmentKind[],
        baseline: 30,
        target: 80,
        dominant: false,
      },
    ];
    const goalIds: string[] = [];
    for (const g of goals) {
      const row = single(
        await tx
          .insert(goal)
          .values({
            municipalityId: m,
            planId: annaPlan,
            subjectCitizenId: g.subject,
            text: g.text,
            instrumentKey: 'goal-scale',
            baseline: g.baseline,
            target: g.target,
            dominant: g.dominant,
            createdAt: new Date(now.getTime() - 120 * DAY),
          })
          .returning(),
      );
      goalIds.push(row.id);
      await tx.insert(goalDepartment).values(g.owners.map((k) => ({ goalId: row.id, departmentId: id(k) })));
      const ratings: [string, number][] = [
        ['PARENT', g.baseline + 20],
        ['PROFESSIONAL', g.baseline + (g.dominant ? 50 : 10)],
      ];
      for (const [role, value] of ratings) {
        await tx.insert(goalRating).values({
          municipalityId: m,
          goalId: row.id,
          raterRole: role,
          value,
          occurredAt: new Date(now.getTime() - 30 * DAY),
          recordedAt: now,
          idempotencyKey: `seed-${rnd.uuid()}`,
        });
      }
    }
    const interventions = [
      { kind: 'EMPLOYMENT' as const, type: 'Mentorstøtte', legalBasis: 'LAB § 31', goals: [1] },
      { kind: 'ADULT_SOCIAL' as const, type: 'Socialpædagogisk støtte', legalBasis: 'SEL § 85', goals: [2] },
      { kind: 'CHILDREN_FAMILY' as const, type: 'Familiebehandling', legalBasis: 'BL § 32', goals: [0, 2] },
    ];
    for (const iv of interventions) {
      const row = single(
        await tx
          .insert(intervention)
          .values({
            municipalityId: m,
            planId: annaPlan,
            departmentId: id(iv.kind),
            type: iv.type,
            legalBasis: iv.legalBasis,
            startsOn: copenhagenDate(now.getTime() - 100 * DAY),
            responsibleProfessionalId: prof.get(iv.kind) ?? null,
          })
          .returning(),
      );
      await tx
        .insert(interventionGoal)
        .values(iv.goals.map((i) => ({ interventionId: row.id, goalId: goalIds[i] as string })));
    }
    await tx.insert(plan).values({ municipalityId: m, familyId: haddad, createdAt: now });
    // Anna lets the jobcentre see what adult services records, for coordinating her plan.
    await tx.insert(consent).values({
      municipalityId: m,
      citizenId: anna,
      fromDepartmentId: id('ADULT_SOCIAL'),
      toDepartmentId: id('EMPLOYMENT'),
      purpose: 'Koordinering af fælles plan',
      grantedAt: new Date(now.getTime() - 100 * DAY),
      grantedBy: 'seed',
    });
    const professionalOf = (k: DepartmentKind) => prof.get(k) ?? null;
    await seedDemoDialogue(tx, {
      municipalityId: m,
      planId: annaPlan,
      goalIds,
      department: id,
      professional: professionalOf,
      now,
    });
    await seedStatisticsCohort(tx, {
      municipalityId: m,
      department: id,
      professional: professionalOf,
      now,
      tags: {
        'family-child-parent-benefits': [anna, mikkel, freja, karim, laila],
        'vulnerable-young-17-25': [emil],
        'adult-complex-needs': [anna, birgitte],
      },
    });
    await seedDemoEconomy(tx, {
      municipalityId: m,
      department: id,
      now,
      familyPlan: { id: annaPlan, startsAt: new Date(now.getTime() - 120 * DAY), anna, mikkel },
    });
    return { created: true, municipalityId: m };
  });
}

/** Splits a four-item total (tenths) into plausible item values that add up to it exactly. */
function spread4(total: number, random: () => number): number[] {
  const base = Math.floor(total / 4);
  const items = [base, base, base, base];
  let rest = total - base * 4;
  for (let i = 0; rest > 0; i = (i + 1) % 4, rest--) items[i] = (items[i] as number) + 1;
  const shift = Math.min(5, base, 100 - base - 1);
  const j = Math.floor(random() * 2);
  items[j] = (items[j] as number) + shift;
  items[j + 2] = (items[j + 2] as number) - shift;
  return items;
}
