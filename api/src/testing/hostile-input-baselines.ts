import type { TestApi } from './harness.js';

/**
 * Who sends a mutation: a professional of the family department, a parent in the plan, or the
 * coordinator (department settings).
 */
export type Sender = 'worker' | 'parent' | 'coordinator';

/** A valid call of each mutation, and the tokens to send them with. */
export interface Baselines {
  tokens: Record<Sender, string>;
  calls: Record<string, { as: Sender; variables: Record<string, unknown> }>;
}

const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();

async function one<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const row = (await rows)[0];
  if (!row) throw new Error(`the demo seed has no ${what}`);
  return row;
}

/**
 * Valid variables for every mutation on the demo seed, on either dialect: the hostile-input suite
 * corrupts one place of each, and checks at the end that each is accepted as it is. Creates what
 * the baselines need (a citizen without a plan, a consent to revoke, an open meeting to close).
 */
export async function hostileInputBaselines(api: TestApi): Promise<Baselines> {
  const departments = await api.query<{ id: string; kind: string }>('select id, kind from department');
  const dept = Object.fromEntries(departments.map((d) => [d.kind, d.id]));
  const family = dept.CHILDREN_FAMILY as string;
  const citizen = async (name: string) =>
    (await one(api.query<{ id: string }>('select id from citizen where display_name = ?', name), name)).id;
  const mikkel = await citizen('Mikkel Sørensen');
  const { id: planId } = await one(
    api.query<{ id: string }>(
      "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
    ),
    'plan of Familien Sørensen',
  );
  const { id: goalId } = await one(
    // One the family department owns, so its professional may rate and change it.
    api.query<{ id: string }>(
      "select g.id from goal g join goal_department gd on gd.goal_id = g.id where g.plan_id = ? and gd.department_id = ? and g.status = 'ACTIVE' order by g.created_at, g.id",
      planId,
      family,
    ),
    'goal the family department owns in that plan',
  );
  const { id: closedMeeting } = await one(
    api.query<{ id: string }>(
      "select id from dialogue_meeting where plan_id = ? and status = 'CLOSED'",
      planId,
    ),
    'closed meeting in that plan',
  );
  const tokens = {
    worker: await api.token({ role: 'PROFESSIONAL', departmentId: family }),
    parent: await api.token({ role: 'PARENT', citizenId: await citizen('Anna Sørensen') }),
    coordinator: await api.token({ role: 'COORDINATOR' }),
  };
  const created = await api.gql<{ createCitizen: { id: string } }>(
    tokens.worker,
    'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id } }',
    { i: { displayName: 'Planløs Borger', birthYear: 1990 } },
  );
  const consent = await api.gql<{ grantConsent: { id: string } }>(
    tokens.worker,
    'mutation($i: GrantConsentInput!) { grantConsent(input: $i) { id } }',
    {
      i: { citizenId: mikkel, fromDepartmentId: family, toDepartmentId: dept.HEALTH, purpose: 'Samarbejde' },
    },
  );
  const meeting = await api.gql<{ startMeeting: { id: string } }>(
    tokens.worker,
    'mutation($i: StartMeetingInput!) { startMeeting(input: $i) { id } }',
    { i: { planId, participants: [{ role: 'PARENT', displayName: 'Anna Sørensen' }] } },
  );
  for (const answer of [created, consent, meeting])
    if (answer.errors) throw new Error(`preparing the baselines failed: ${JSON.stringify(answer.errors)}`);
  const openMeeting = meeting.data?.startMeeting.id as string;
  const calls: Baselines['calls'] = {
    createCitizen: {
      as: 'worker',
      variables: {
        input: { displayName: 'Ny Borger', birthYear: 1985, externalRef: { system: 'nexus', value: 'C-1' } },
      },
    },
    recordMeasurement: {
      as: 'worker',
      variables: {
        input: {
          idempotencyKey: 'fuzz-record',
          citizenId: mikkel,
          departmentId: family,
          instrumentKey: 'child-outcome',
          respondentRole: 'CHILD',
          occurredAt: minuteAgo(),
          session: 1,
          values: [5, 5, 5, 5],
        },
      },
    },
    grantConsent: {
      as: 'worker',
      variables: {
        input: {
          citizenId: mikkel,
          fromDepartmentId: family,
          toDepartmentId: dept.EDUCATION,
          purpose: 'Skolesamarbejde',
          validUntil: '2099-01-01T00:00:00Z',
        },
      },
    },
    revokeConsent: { as: 'worker', variables: { id: consent.data?.grantConsent.id } },
    createPlan: { as: 'worker', variables: { input: { citizenId: created.data?.createCitizen.id } } },
    addGoal: {
      as: 'worker',
      variables: {
        input: {
          planId,
          text: 'Et nyt mål',
          departmentIds: [family],
          instrumentKey: 'gas',
          baseline: -2,
          target: 0,
          weight: 1,
        },
      },
    },
    rateGoal: {
      as: 'worker',
      variables: {
        input: {
          idempotencyKey: 'fuzz-rate',
          goalId,
          raterRole: 'PROFESSIONAL',
          value: 5,
          occurredAt: minuteAgo(),
        },
      },
    },
    addIntervention: {
      as: 'worker',
      variables: {
        input: {
          planId,
          departmentId: family,
          type: 'Familiebehandling',
          legalBasis: 'SEL § 52',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          goalIds: [goalId],
          yearlyCost: 1000,
        },
      },
    },
    updateGoal: { as: 'worker', variables: { input: { goalId, text: 'Omformuleret mål', dominant: false } } },
    closeMeeting: {
      as: 'worker',
      variables: {
        input: { meetingId: openMeeting, agreements: 'Vi mødes igen', nextMeetingOn: '2199-12-01' },
      },
    },
    startMeeting: {
      as: 'worker',
      variables: {
        input: {
          planId,
          heldAt: minuteAgo(),
          participants: [{ role: 'PARENT', displayName: 'Anna Sørensen' }],
        },
      },
    },
    acceptPlan: { as: 'parent', variables: { input: { meetingId: closedMeeting, comment: 'Enig' } } },
    setFollowUpInterval: { as: 'coordinator', variables: { departmentId: family, days: 21 } },
    // GraphQL-level attacks only; the FHIR content itself is validated and tested in api/src/fhir/.
    importFhirBundle: {
      as: 'worker',
      variables: { bundle: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [] }) },
    },
  };
  return { tokens, calls };
}
