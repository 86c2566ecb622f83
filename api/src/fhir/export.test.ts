import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import {
  CITIZEN_BUNDLE,
  citizenBundle,
  correct,
  createCitizen,
  type FhirResource,
  fhirErrors,
  must,
  PLAN_BUNDLE,
  planBundle,
  recordSeries,
  refsOf,
  resourcesOf,
} from '../testing/fhir.js';
import { demoCitizen, demoDepartments, startTestApi, type TestApi } from '../testing/harness.js';

let api: TestApi;
let dept: Record<string, string>;
let anna: string;
let coordinator: string;
let familyPlan: string;

const audits = (action: string, outcome: string) =>
  (
    sqliteOf(api.app.db)
      .prepare('select count(*) as n from audit_event where action = ? and outcome = ?')
      .get(action, outcome) as { n: number }
  ).n;

beforeAll(async () => {
  api = await startTestApi();
  dept = demoDepartments(api.app);
  anna = demoCitizen(api.app, 'Anna Sørensen');
  coordinator = await api.token({ role: 'COORDINATOR' });
  familyPlan = (
    sqliteOf(api.app.db)
      .prepare(
        "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
      )
      .get() as { id: string }
  ).id;
});
afterAll(() => api.close());

const CREATE_PLAN = 'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }';
const byId = (resources: FhirResource[]) => new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
const codes = (r: FhirResource) =>
  ((r.code as { coding: { system: string; code: string }[] }).coding ?? []).map(
    (c) => `${c.system}|${c.code}`,
  );

describe('citizen export', () => {
  it('checks against R4 for real: the validator refuses an STU3 Goal and an unknown status', () => {
    const subject = { reference: 'Patient/x' };
    expect(
      fhirErrors({ resourceType: 'Goal', id: 'g', status: 'active', description: { text: 'a' }, subject }),
    ).not.toEqual([]);
    expect(
      fhirErrors({ resourceType: 'Observation', id: 'o', status: 'done', code: { text: 'a' } }),
    ).not.toEqual([]);
  });

  it('gives a transaction Bundle whose every resource validates against FHIR R4', async () => {
    const bundle = await citizenBundle(api, coordinator, anna);
    expect(bundle.type).toBe('transaction');
    expect(fhirErrors(bundle)).toEqual([]);
    const types = new Set(resourcesOf(bundle).map((r) => r.resourceType));
    expect(types).toEqual(
      new Set(['Patient', 'Organization', 'Questionnaire', 'QuestionnaireResponse', 'Observation']),
    );
    for (const resource of resourcesOf(bundle)) {
      expect(fhirErrors(resource), `${resource.resourceType}/${resource.id}`).toEqual([]);
    }
  });

  it('keeps every id across exports and PUTs each resource by it, so a re-export updates', async () => {
    const first = await citizenBundle(api, coordinator, anna);
    const second = await citizenBundle(api, coordinator, anna);
    const ids = (b: typeof first) => b.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`);
    expect(ids(second)).toEqual(ids(first));
    expect(new Set(ids(first)).size).toBe(first.entry.length);
    for (const e of first.entry) {
      expect(e.request).toEqual({ method: 'PUT', url: `${e.resource.resourceType}/${e.resource.id}` });
      expect(e.resource.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('codes each response by instrument, with a total and an Observation per item derived from it', async () => {
    const bundle = await citizenBundle(api, coordinator, anna);
    const resources = resourcesOf(bundle);
    const [response] = resourcesOf(bundle, 'QuestionnaireResponse');
    expect(response?.questionnaire).toBe('https://helhed.dk/fhir/Questionnaire/outcome|1');
    const derived = resources.filter(
      (r) =>
        r.resourceType === 'Observation' &&
        (r.derivedFrom as { reference: string }[])[0]?.reference === `QuestionnaireResponse/${response?.id}`,
    );
    expect(derived.map(codes)).toEqual([
      ['https://helhed.dk/fhir/CodeSystem/instrument|outcome'],
      ['https://helhed.dk/fhir/CodeSystem/instrument-item|outcome.wellbeing'],
      ['https://helhed.dk/fhir/CodeSystem/instrument-item|outcome.relationships'],
      ['https://helhed.dk/fhir/CodeSystem/instrument-item|outcome.daily-life'],
      ['https://helhed.dk/fhir/CodeSystem/instrument-item|outcome.overall'],
    ]);
    const answers = ((response?.item ?? []) as { answer: { valueDecimal: number }[] }[]).map(
      (i) => i.answer[0]?.valueDecimal ?? 0,
    );
    const value = (o: FhirResource | undefined) => (o?.valueQuantity as { value: number } | undefined)?.value;
    expect(value(derived[0])).toBeCloseTo(
      answers.reduce((a, b) => a + b, 0),
      10,
    );
    expect(derived.slice(1).map(value)).toEqual(answers);
    const questionnaire = resources.find(
      (r) => r.resourceType === 'Questionnaire' && r.url === 'https://helhed.dk/fhir/Questionnaire/outcome',
    );
    expect(((questionnaire?.item ?? []) as { linkId: string; text: string }[]).map((i) => i.linkId)).toEqual([
      'wellbeing',
      'relationships',
      'daily-life',
      'overall',
    ]);
    expect(((questionnaire?.item ?? []) as { text: string }[])[1]?.text).toMatch(/^Mine nærmeste relationer/);
    const patient = byId(resources).get(refsOf(response, 'subject')[0] ?? '');
    expect(patient?.identifier).toEqual([
      { system: 'https://helhed.dk/fhir/NamingSystem/citizen-id', value: anna },
    ]);
    expect(JSON.stringify(patient)).not.toContain('Anna');
  });

  it('marks a corrected measurement entered-in-error, with its Observations, and the correction completed', async () => {
    const jobcentre = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
    const citizen = await createCitizen(api, jobcentre, 'Rettet Borger');
    const spec = { departmentId: dept.EMPLOYMENT as string, instrumentKey: 'outcome' };
    const [, typo] = await recordSeries(api, jobcentre, citizen, {
      ...spec,
      values: [
        [3, 3, 3, 3],
        [9, 9, 9, 9],
      ],
    });
    const fix = await correct(api, jobcentre, spec, citizen, typo as string, [4, 4, 4, 4]);
    const bundle = await citizenBundle(api, jobcentre, citizen);
    expect(fhirErrors(bundle)).toEqual([]);
    const statusOf = (measurementId: string) => {
      const qr = resourcesOf(bundle, 'QuestionnaireResponse').find(
        (r) => (r.identifier as { value: string }).value === measurementId,
      );
      const observations = resourcesOf(bundle, 'Observation').filter(
        (o) => (o.derivedFrom as { reference: string }[])[0]?.reference === `QuestionnaireResponse/${qr?.id}`,
      );
      return [qr?.status, ...new Set(observations.map((o) => o.status))];
    };
    expect(statusOf(typo as string)).toEqual(['entered-in-error', 'entered-in-error']);
    expect(statusOf(fix)).toEqual(['completed', 'final']);
  });

  it("leaves out another department's measurements without consent", async () => {
    const adult = await api.token({ role: 'PROFESSIONAL', departmentId: dept.ADULT_SOCIAL as string });
    const bundle = await citizenBundle(api, adult, anna);
    const organizations = resourcesOf(bundle, 'Organization');
    expect(organizations.map((o) => o.name)).toEqual(['Voksenområdet']);
    const authors = new Set(
      resourcesOf(bundle, 'QuestionnaireResponse').map((r) => (r.author as { reference: string }).reference),
    );
    expect(authors).toEqual(new Set([`Organization/${organizations[0]?.id}`]));
  });

  it('audits an allowed export once', async () => {
    const before = audits('fhirCitizenExport', 'ALLOWED');
    await citizenBundle(api, coordinator, anna);
    expect(audits('fhirCitizenExport', 'ALLOWED')).toBe(before + 1);
  });

  it('gives a professional without a case nothing, as NOT_FOUND, and audits the refusal', async () => {
    const school = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EDUCATION as string });
    const before = audits('fhirCitizenExport', 'DENIED');
    const birgitte = demoCitizen(api.app, 'Birgitte Olsen');
    const result = await api.gql(school, CITIZEN_BUNDLE, { id: birgitte });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data).toBeNull();
    expect(audits('fhirCitizenExport', 'DENIED')).toBe(before + 1);
  });

  it('refuses the analyst role outright, audited', async () => {
    const analyst = await api.token({ role: 'ANALYST' });
    const before = audits('fhirCitizenExport', 'DENIED');
    const result = await api.gql(analyst, CITIZEN_BUNDLE, { id: anna });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(audits('fhirCitizenExport', 'DENIED')).toBe(before + 1);
  });
});

describe('plan export', () => {
  it('gives the CarePlan, Goals and goal ratings, all valid FHIR R4', async () => {
    const bundle = await planBundle(api, coordinator, familyPlan);
    expect(fhirErrors(bundle)).toEqual([]);
    const types = new Set(resourcesOf(bundle).map((r) => r.resourceType));
    expect(types).toEqual(new Set(['Patient', 'Group', 'Organization', 'CarePlan', 'Goal', 'Observation']));
    for (const resource of resourcesOf(bundle)) {
      expect(fhirErrors(resource), `${resource.resourceType}/${resource.id}`).toEqual([]);
    }
  });

  it('links each rating to its goal both ways, and the CarePlan to every goal', async () => {
    const bundle = await planBundle(api, coordinator, familyPlan);
    const index = byId(resourcesOf(bundle));
    const goals = resourcesOf(bundle, 'Goal');
    const [carePlan] = resourcesOf(bundle, 'CarePlan');
    expect(refsOf(carePlan, 'goal')).toEqual(goals.map((g) => `Goal/${g.id}`));
    for (const goal of goals) {
      const outcomes = (goal.outcomeReference as { reference: string }[] | undefined) ?? [];
      for (const o of outcomes) {
        expect(refsOf(index.get(o.reference), 'focus')[0]).toBe(`Goal/${goal.id}`);
      }
      expect(goal.lifecycleStatus).toBe('active');
      expect((goal.target as { detailQuantity: { value: number } }[])[0]?.detailQuantity.value).toBeTypeOf(
        'number',
      );
    }
    expect(resourcesOf(bundle, 'Observation').length).toBeGreaterThan(0);
  });

  it('codes GAS ratings with LOINC by rater and adds the plan T-score', async () => {
    const citizen = await createCitizen(api, coordinator, 'GAS Borger');
    const plan = await must<{ createPlan: { id: string } }>(api, coordinator, CREATE_PLAN, {
      i: { citizenId: citizen },
    });
    const planId = plan.createPlan.id;
    const goal = await must<{ addGoal: { id: string } }>(
      api,
      coordinator,
      'mutation($i: AddGoalInput!) { addGoal(input: $i) { id } }',
      {
        i: {
          planId,
          text: 'Møder op til aftaler',
          departmentIds: [dept.EMPLOYMENT],
          instrumentKey: 'gas',
          baseline: -2,
          target: 0,
        },
      },
    );
    await must(api, coordinator, 'mutation($i: RateGoalInput!) { rateGoal(input: $i) { id } }', {
      i: {
        idempotencyKey: crypto.randomUUID(),
        goalId: goal.addGoal.id,
        raterRole: 'PROFESSIONAL',
        value: 1,
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    const bundle = await planBundle(api, coordinator, planId);
    expect(fhirErrors(bundle)).toEqual([]);
    const observations = resourcesOf(bundle, 'Observation');
    const rating = observations.find((o) => codes(o).includes('http://loinc.org|107333-7'));
    expect(rating?.valueQuantity).toMatchObject({ value: 1 });
    const tScore = observations.find((o) =>
      codes(o).includes('https://helhed.dk/fhir/CodeSystem/plan-score|gas-t-score'),
    );
    // One GAS goal at +1, weight 1: T = 50 + 10·1 / √((1 − 0.3)·1 + 0.3·1) = 60.
    expect(tScore?.valueQuantity).toMatchObject({ value: 60 });
    const [fhirGoal] = resourcesOf(bundle, 'Goal');
    expect(fhirGoal?.achievementStatus).toMatchObject({ coding: [{ code: 'achieved' }] });
  });

  it('refuses a plan out of reach as NOT_FOUND, audited', async () => {
    const citizen = await createCitizen(api, coordinator, 'Fjern Borger');
    const plan = await must<{ createPlan: { id: string } }>(api, coordinator, CREATE_PLAN, {
      i: { citizenId: citizen },
    });
    const school = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EDUCATION as string });
    const before = audits('fhirPlanExport', 'DENIED');
    const result = await api.gql(school, PLAN_BUNDLE, { id: plan.createPlan.id });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data).toBeNull();
    expect(audits('fhirPlanExport', 'DENIED')).toBe(before + 1);
  });
});
