/** The plan widgets' test setups, on kit's helpers for the real API. */
import { gql, parentId } from '@helhed/kit/testing';

export { devToken, gql } from '@helhed/kit/testing';

/** Anna Sørensen, the demo family's parent, as the dev identity provider names her. */
export const demoParent = () => parentId('Anna Sørensen');

/** The seeded Sørensen family plan, found through the family's dialogue meetings. */
export async function demoPlanId(token: string): Promise<string> {
  const data = await gql<{ citizen: { timeline: { meeting: { planId: string } | null }[] } }>(
    token,
    'query($id: ID!) { citizen(id: $id) { timeline(limit: 200) { meeting { planId } } } }',
    { id: await demoParent() },
  );
  const planId = data.citizen.timeline.find((e) => e.meeting)?.meeting?.planId;
  if (!planId) throw new Error('no demo plan');
  return planId;
}

export interface TestPlan {
  planId: string;
  citizenId: string;
  goals: { morning: string; money: string; treatment: string };
  departments: Record<string, string>;
}

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

/**
 * A citizen's plan made through the API as COORDINATOR: three goals, four interventions — a
 * parallel pair (jobcentre mentor and §85 support for the same goal), one for health, one that
 * serves no goal — a goal nobody works on, ratings that disagree, and measurements that diverge.
 */
export async function createTestPlan(token: string): Promise<TestPlan> {
  const demo = await gql<{
    departments: { id: string; kind: string }[];
    plan: { interventions: { responsibleProfessional: { id: string; department: { id: string } } }[] };
  }>(
    token,
    'query($id: ID!) { departments { id kind } plan(id: $id) { interventions { responsibleProfessional { id department { id } } } } }',
    { id: await demoPlanId(token) },
  );
  const departments = Object.fromEntries(demo.departments.map((d) => [d.kind, d.id]));
  const staff = (kind: string) =>
    demo.plan.interventions.find((i) => i.responsibleProfessional.department.id === departments[kind])
      ?.responsibleProfessional.id ?? null;
  const { createCitizen } = await gql<{ createCitizen: { id: string } }>(
    token,
    'mutation { createCitizen(input: {displayName: "Test Testesen", birthYear: 1990}) { id } }',
  );
  const citizenId = createCitizen.id;
  const { createPlan } = await gql<{ createPlan: { id: string } }>(
    token,
    'mutation($c: ID!) { createPlan(input: {citizenId: $c}) { id } }',
    { c: citizenId },
  );
  const planId = createPlan.id;
  const addGoal = async (text: string, kinds: string[], baseline: number, target: number) =>
    (
      await gql<{ addGoal: { id: string } }>(
        token,
        'mutation($i: AddGoalInput!) { addGoal(input: $i) { id } }',
        {
          i: {
            planId,
            text,
            departmentIds: kinds.map((k) => departments[k]),
            instrumentKey: 'goal-scale',
            baseline,
            target,
          },
        },
      )
    ).addGoal.id;
  const goals = {
    morning: await addGoal('Jeg kommer op om morgenen', ['EMPLOYMENT', 'ADULT_SOCIAL'], 2, 8),
    money: await addGoal('Jeg har styr på min økonomi', ['ADULT_SOCIAL'], 3, 7),
    treatment: await addGoal('Jeg har overskud til mine børn', ['CHILDREN_FAMILY'], 4, 9),
  };
  await gql(token, 'mutation($g: ID!) { updateGoal(input: {goalId: $g, dominant: true}) { id } }', {
    g: goals.morning,
  });
  const startsOn = daysAgo(30).slice(0, 10);
  const interventions: [string, string, string, string[]][] = [
    ['EMPLOYMENT', 'Mentorstøtte', 'LAB § 31', [goals.morning]],
    ['ADULT_SOCIAL', 'Socialpædagogisk støtte', 'SEL § 85', [goals.morning]],
    ['CHILDREN_FAMILY', 'Familiebehandling', 'BL § 32', [goals.treatment]],
    ['OTHER', 'Vejledning om boligstøtte', 'FVL § 7', []],
  ];
  for (const [kind, type, legalBasis, goalIds] of interventions) {
    await gql(token, 'mutation($i: AddInterventionInput!) { addIntervention(input: $i) { id } }', {
      i: {
        planId,
        departmentId: departments[kind],
        type,
        legalBasis,
        startsOn,
        goalIds,
        responsibleProfessionalId: staff(kind),
      },
    });
  }
  const ratings: [string, string, number, number][] = [
    [goals.morning, 'CITIZEN', 5, 20],
    [goals.morning, 'PROFESSIONAL', 6, 19],
    [goals.morning, 'CITIZEN', 7, 6],
    [goals.morning, 'PROFESSIONAL', 3, 5],
    [goals.treatment, 'CITIZEN', 6, 4],
    [goals.treatment, 'PROFESSIONAL', 6, 4],
  ];
  for (const [goalId, raterRole, value, ago] of ratings) {
    await gql(token, 'mutation($i: RateGoalInput!) { rateGoal(input: $i) { id } }', {
      i: { idempotencyKey: crypto.randomUUID(), goalId, raterRole, value, occurredAt: daysAgo(ago) },
    });
  }
  // Better with the jobcentre, reliably worse with adult services over the same weeks.
  const series: [string, number[]][] = [
    ['EMPLOYMENT', [3, 4, 5]],
    ['ADULT_SOCIAL', [6, 5, 4]],
  ];
  for (const [kind, levels] of series) {
    for (const [i, level] of levels.entries()) {
      await gql(token, 'mutation($i: RecordMeasurementInput!) { recordMeasurement(input: $i) { id } }', {
        i: {
          idempotencyKey: crypto.randomUUID(),
          citizenId,
          departmentId: departments[kind],
          instrumentKey: 'outcome',
          respondentRole: 'CITIZEN',
          occurredAt: daysAgo(28 - i * 10),
          session: i + 1,
          values: [level, level, level, level],
        },
      });
    }
  }
  return { planId, citizenId, goals, departments };
}

/** The goal texts of a plan as the API has them. */
export async function goalTexts(token: string, planId: string): Promise<string[]> {
  const data = await gql<{ plan: { goals: { text: string }[] } }>(
    token,
    'query($id: ID!) { plan(id: $id) { goals { text } } }',
    {
      id: planId,
    },
  );
  return data.plan.goals.map((g) => g.text);
}
