import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/harness.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('PlanProgress with Goal Attainment Scaling', () => {
  it('scores a GAS goal that two roles rated differently from their mean level', async () => {
    const coordinator = await api.token({ role: 'COORDINATOR' });
    const departments = await api.gql<{ departments: { id: string }[] }>(
      coordinator,
      '{ departments { id } }',
    );
    const citizen = await api.gql<{ createCitizen: { id: string } }>(
      coordinator,
      'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id } }',
      {
        i: { displayName: 'GAS Borger', birthYear: 1990 },
      },
    );
    const plan = await api.gql<{ createPlan: { id: string } }>(
      coordinator,
      'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }',
      {
        i: { citizenId: citizen.data?.createCitizen.id },
      },
    );
    const goal = await api.gql<{ addGoal: { id: string } }>(
      coordinator,
      'mutation($i: AddGoalInput!) { addGoal(input: $i) { id } }',
      {
        i: {
          planId: plan.data?.createPlan.id,
          text: 'Møder op til aftaler',
          departmentIds: [departments.data?.departments[0]?.id],
          instrumentKey: 'gas',
          baseline: -2,
          target: 0,
        },
      },
    );
    for (const [raterRole, value] of [
      ['PARENT', 1],
      ['PROFESSIONAL', 0],
    ] as const) {
      const rated = await api.gql(
        coordinator,
        'mutation($i: RateGoalInput!) { rateGoal(input: $i) { id } }',
        {
          i: {
            idempotencyKey: crypto.randomUUID(),
            goalId: goal.data?.addGoal.id,
            raterRole,
            value,
            occurredAt: new Date(Date.now() - 60_000).toISOString(),
          },
        },
      );
      expect(rated.errors).toBeUndefined();
    }
    const progress = await api.gql<{ plan: { goalAttainmentT: number; goals: { latest: number }[] } }>(
      coordinator,
      'query($id: ID!) { plan(id: $id) { goalAttainmentT goals { latest } } }',
      { id: plan.data?.createPlan.id },
    );
    expect(progress.errors).toBeUndefined();
    // Mean level (1 + 0) / 2 = 0.5 → T = 50 + 10·0.5 / √(0.7 + 0.3) = 55.
    expect(progress.data?.plan.goals[0]?.latest).toBe(0.5);
    expect(progress.data?.plan.goalAttainmentT).toBeCloseTo(55, 10);
  });
});
