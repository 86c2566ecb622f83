import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { addDays, copenhagenDate } from '../domain/calendar.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

const ANALYSIS = `query($id: ID!) { plan(id: $id) {
  interventions { id type legalBasis active department { kind } responsibleProfessional { displayName department { kind } } goals { text } }
  contactPoints { professionals departments }
  parallelInterventions { first { type department { kind } } second { type department { kind } } sharedGoals { text } overlapFrom overlapTo }
  unservedGoals { text }
  interventionsWithoutGoal { type }
  dominantGoal { text }
} }`;
const ADD = `mutation($input: AddInterventionInput!) { addIntervention(input: $input) { id type startsOn endsOn yearlyCost active goals { id } } }`;
const UPDATE = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { id text status dominant } }`;

type Analysis = {
  plan: {
    interventions: { type: string; department: { kind: string } }[];
    contactPoints: { professionals: number; departments: number };
    parallelInterventions: {
      first: { type: string };
      second: { type: string };
      sharedGoals: { text: string }[];
    }[];
    unservedGoals: { text: string }[];
    interventionsWithoutGoal: { type: string }[];
    dominantGoal: { text: string } | null;
  };
};

let api: TestApi;
let dept: Record<string, string>;
let planId: string;
let goals: Record<'school' | 'job' | 'evenings', string>;
let coordinator: string;
let adultWorker: string;
const day = (offset: number) => addDays(copenhagenDate(Date.now()), offset);
const sql = <T>(query: string, ...params: unknown[]) =>
  sqliteOf(api.app.db)
    .prepare(query)
    .all(...params) as T[];

beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  planId = sql<{ id: string }>(
    "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
  )[0]?.id as string;
  const byText = (start: string) =>
    sql<{ id: string }>('select id from goal where plan_id = ? and text like ?', planId, `${start}%`)[0]
      ?.id as string;
  goals = { school: byText('Mikkel'), job: byText('Anna'), evenings: byText('Vi har') };
  coordinator = await api.token({ role: 'COORDINATOR' });
  adultWorker = await api.token({ role: 'PROFESSIONAL', departmentId: dept.ADULT_SOCIAL as string });
});
afterAll(() => api.close());

describe('plan analysis', () => {
  it('shows the demo plan’s contact points, parallel work and dominant goal', async () => {
    const result = await api.gql<Analysis>(coordinator, ANALYSIS, { id: planId });
    expect(result.errors).toBeUndefined();
    const plan = result.data?.plan;
    expect(plan?.interventions).toHaveLength(4);
    // Mette (jobcentre), Sara (adult services, two interventions) and Jonas (family).
    expect(plan?.contactPoints).toEqual({ professionals: 3, departments: 3 });
    const pairs = plan?.parallelInterventions.map((p) => [
      p.first.type,
      p.second.type,
      p.sharedGoals.map((g) => g.text),
    ]);
    expect(pairs).toContainEqual([
      'Mentorstøtte',
      'Bostøtte med jobfokus',
      ['Anna får et fleksjob hun kan holde til'],
    ]);
    expect(plan?.unservedGoals).toEqual([]);
    expect(plan?.interventionsWithoutGoal).toEqual([]);
    expect(plan?.dominantGoal?.text).toBe('Mikkel kommer i skole hver dag');
  });
});

describe('addIntervention', () => {
  it('adds an intervention of the professional’s own department, audited', async () => {
    const audits = api.count('audit_event');
    const result = await api.gql<{
      addIntervention: { id: string; active: boolean; goals: { id: string }[] };
    }>(adultWorker, ADD, {
      input: {
        planId,
        departmentId: dept.ADULT_SOCIAL,
        type: 'Aflastning',
        legalBasis: 'SEL § 84',
        startsOn: day(-1),
        goalIds: [],
        yearlyCost: 12000,
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.addIntervention).toMatchObject({ active: true, goals: [] });
    expect(api.count('audit_event')).toBeGreaterThan(audits);
    const analysis = await api.gql<Analysis>(coordinator, ANALYSIS, { id: planId });
    expect(analysis.data?.plan.interventionsWithoutGoal.map((i) => i.type)).toEqual(['Aflastning']);
  });

  it('refuses another department’s intervention to a professional, and the ANALYST role', async () => {
    const rows = api.count('intervention');
    const input = {
      planId,
      departmentId: dept.EMPLOYMENT,
      type: 'X',
      legalBasis: 'LAB',
      startsOn: day(0),
      goalIds: [],
    };
    const mine = await api.gql(adultWorker, ADD, { input });
    expect(mine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const analyst = await api.token({ role: 'ANALYST' });
    const theirs = await api.gql(analyst, ADD, { input });
    expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(api.count('intervention')).toBe(rows);
  });

  it.each([
    ['an end before the start', { startsOn: '2026-05-01', endsOn: '2026-04-30' }, 'endsOn'],
    ['a date that does not exist', { startsOn: '2026-02-30' }, 'startsOn'],
    ['a goal of another plan', { goalIds: ['not-a-goal-of-this-plan'] }, 'goalIds'],
    [
      'a responsible professional from another department',
      { responsibleProfessionalId: 'jobcentre' },
      'responsibleProfessionalId',
    ],
    ['a negative cost', { yearlyCost: -1 }, 'yearlyCost'],
    ['a CPR number in the type', { type: 'Støtte 010203-1234' }, 'type'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_, over, field) => {
    const mette = sql<{ id: string }>("select id from professional where display_name = 'Mette Holm'")[0]?.id;
    const patch = { ...over } as Record<string, unknown>;
    if (patch.responsibleProfessionalId === 'jobcentre') patch.responsibleProfessionalId = mette;
    const rows = [api.count('intervention'), api.count('intervention_goal')];
    const input = {
      planId,
      departmentId: dept.ADULT_SOCIAL,
      type: 'Støtte',
      legalBasis: 'SEL § 85',
      startsOn: day(0),
      goalIds: [goals.job],
      ...patch,
    };
    const result = await api.gql(adultWorker, ADD, { input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect([api.count('intervention'), api.count('intervention_goal')]).toEqual(rows);
  });
});

describe('updateGoal', () => {
  it('moves dominance to another goal in one step; the plan keeps one dominant goal', async () => {
    const result = await api.gql<{ updateGoal: { dominant: boolean } }>(coordinator, UPDATE, {
      input: { goalId: goals.job, dominant: true },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateGoal.dominant).toBe(true);
    expect(
      sql<{ n: number }>('select count(*) as n from goal where plan_id = ? and dominant = 1', planId)[0]?.n,
    ).toBe(1);
    const analysis = await api.gql<Analysis>(coordinator, ANALYSIS, { id: planId });
    expect(analysis.data?.plan.dominantGoal?.text).toBe('Anna får et fleksjob hun kan holde til');
  });

  it('lets an owner department reword a goal, and closing a goal stops its ratings', async () => {
    const mentor = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
    const reworded = await api.gql<{ updateGoal: { text: string } }>(mentor, UPDATE, {
      input: { goalId: goals.job, text: 'Anna får et fleksjob på 15 timer' },
    });
    expect(reworded.data?.updateGoal.text).toBe('Anna får et fleksjob på 15 timer');
    const mikkelsGoal = await api.gql<{ updateGoal: { status: string; dominant: boolean } }>(
      coordinator,
      UPDATE,
      {
        input: { goalId: goals.school, status: 'ACHIEVED' },
      },
    );
    expect(mikkelsGoal.data?.updateGoal).toMatchObject({ status: 'ACHIEVED', dominant: false });
    const rate = await api.gql(
      coordinator,
      `mutation($input: RateGoalInput!) { rateGoal(input: $input) { id } }`,
      {
        input: {
          idempotencyKey: crypto.randomUUID(),
          goalId: goals.school,
          raterRole: 'PARENT',
          value: 9,
          occurredAt: new Date().toISOString(),
        },
      },
    );
    expect(rate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a goal another department owns to a professional', async () => {
    // The jobcentre works in the plan but does not own the evenings goal.
    const mentor = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
    const result = await api.gql(mentor, UPDATE, { input: { goalId: goals.evenings, text: 'Noget andet' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const health = await api.token({ role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
    const outsider = await api.gql(health, UPDATE, {
      input: { goalId: goals.evenings, text: 'Noget andet' },
    });
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it.each([
    ['no change at all', {}, 'goalId'],
    ['dominance for a goal that is no longer active', { goalId: 'school', dominant: true }, 'dominant'],
    ['a CPR number in the text', { text: 'Mål for 0102031234' }, 'text'],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_, over, field) => {
    const before = sql('select id, text, status, dominant from goal where plan_id = ? order by id', planId);
    const input = { goalId: goals.evenings, ...over } as Record<string, unknown>;
    if (input.goalId === 'school') input.goalId = goals.school;
    const result = await api.gql(coordinator, UPDATE, { input });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(sql('select id, text, status, dominant from goal where plan_id = ? order by id', planId)).toEqual(
      before,
    );
  });

  it('keeps another family’s parent out', async () => {
    const karim = await api.token({ role: 'PARENT', citizenId: demoCitizen(api.app, 'Karim Haddad') });
    const result = await api.gql(karim, ANALYSIS, { id: planId });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
