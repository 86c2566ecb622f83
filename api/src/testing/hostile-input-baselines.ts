import { addDays, copenhagenDate } from '../domain/calendar.js';
import type { TestApi } from './harness.js';

/**
 * Who sends a mutation: a professional of the family department, a parent in the plan, an
 * administrator (organisation, price catalogue) or the coordinator (department settings).
 */
export type Sender = 'worker' | 'parent' | 'admin' | 'coordinator';

/** A valid call of each mutation, and the tokens to send them with. */
export interface Baselines {
  tokens: Record<Sender, string>;
  calls: Record<string, { as: Sender; variables: Record<string, unknown> }>;
}

// Every date is computed from the clock the API runs on (the process clock, which CI shifts
// 400 days ahead in a second run), never written as a literal that a later day turns invalid.
const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();
const inDays = (days: number) => addDays(copenhagenDate(Date.now()), days);

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
  const priceVersionId = async (typeCode: string) =>
    (
      await one(
        api.query<{ id: string }>('select id from price_version where type_code = ?', typeCode),
        typeCode,
      )
    ).id;
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
    admin: await api.token({ role: 'ADMIN' }),
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
  const closable = await api.gql<{ createCitizen: { id: string } }>(
    tokens.worker,
    'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id } }',
    { i: { displayName: 'Afsluttet Borger', birthYear: 1991 } },
  );
  const closablePlan = await api.gql<{ createPlan: { id: string } }>(
    tokens.worker,
    'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }',
    { i: { citizenId: closable.data?.createCitizen.id } },
  );
  const retirable = await api.gql<{ createDepartment: { id: string } }>(
    tokens.admin,
    'mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { id } }',
    { i: { name: 'Udfaset Afdeling', kind: 'OTHER' } },
  );
  // Records of one person: one pair to merge, and two merges waiting for undo and confirm.
  const plainCitizen = async (displayName: string) =>
    (
      await api.gql<{ createCitizen: { id: string } }>(
        tokens.worker,
        'mutation($i: CreateCitizenInput!) { createCitizen(input: $i) { id } }',
        { i: { displayName, birthYear: 1992 } },
      )
    ).data?.createCitizen.id as string;
  const pendingMerge = async (name: string) =>
    (
      await api.gql<{ mergeCitizens: { id: string } }>(
        tokens.admin,
        'mutation($i: MergeCitizensInput!) { mergeCitizens(input: $i) { id } }',
        {
          i: {
            survivorId: await plainCitizen(name),
            duplicateId: await plainCitizen(name),
            reason: 'Dublet',
          },
        },
      )
    ).data?.mergeCitizens.id;
  const toMerge = [await plainCitizen('Dublet Borger'), await plainCitizen('Dublet Borger')];
  const toUndo = await pendingMerge('Fortrudt Dublet');
  const toConfirm = await pendingMerge('Bekræftet Dublet');
  const sorensen = await one(
    api.query<{ id: string }>("select id from family where name = 'Familien Sørensen'"),
    'Familien Sørensen',
  );
  const staff = await one(
    api.query<{ id: string }>('select id from professional where department_id = ?', family),
    'professional of the family department',
  );
  const group = await one(
    api.query<{ key: string }>('select key from target_group order by key'),
    'target group',
  );
  const invite = (inviteeId: string) =>
    api.gql<{ inviteToAnswer: { link: string; invitation: { id: string } } }>(
      tokens.worker,
      'mutation($i: InviteToAnswerInput!) { inviteToAnswer(input: $i) { link invitation { id } } }',
      { i: { inviteeId, planId, departmentId: family } },
    );
  const anna = await citizen('Anna Sørensen');
  const answerable = await invite(anna);
  const revocable = await invite(anna);
  for (const answer of [created, consent, meeting, closable, closablePlan, retirable, answerable, revocable])
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
          validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
        },
      },
    },
    revokeConsent: { as: 'worker', variables: { id: consent.data?.grantConsent.id } },
    inviteToAnswer: {
      as: 'worker',
      variables: {
        input: {
          inviteeId: anna,
          planId,
          departmentId: family,
          validDays: 7,
          email: 'anna@example.org',
          language: 'da',
        },
      },
    },
    revokeInvitation: { as: 'worker', variables: { id: revocable.data?.inviteToAnswer.invitation.id } },
    // No sign-in is needed: the token in the link is the credential (any bearer is ignored).
    answerInvitation: {
      as: 'parent',
      variables: {
        input: {
          token: new URL(answerable.data?.inviteToAnswer.link ?? 'http://x').hash.replace('#t=', ''),
          idempotencyKey: 'fuzz-answer',
          ratings: [{ goalId, value: 6 }],
        },
      },
    },
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
          startsOn: inDays(-30),
          endsOn: inDays(300),
          goalIds: [goalId],
          yearlyCost: 1000,
        },
      },
    },
    updateGoal: { as: 'worker', variables: { input: { goalId, text: 'Omformuleret mål', dominant: false } } },
    closeMeeting: {
      as: 'worker',
      variables: {
        input: { meetingId: openMeeting, agreements: 'Vi mødes igen', nextMeetingOn: inDays(30) },
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
    // A parent turns their own meeting reminders off (docs/delivery.md).
    setReminderChoice: { as: 'parent', variables: { input: { kind: 'MEETING_REMINDER', enabled: false } } },
    // The price catalogue and a citizen's help (docs/economy.md); the demo seed holds the types.
    importPriceCatalogue: {
      as: 'admin',
      variables: {
        csv: `type,name,kind,unit,price_ore,department,legal_basis,valid_from,valid_to\nFUZZ-CSV,Døgn,INTERVENTION,PLACEMENT_DAY,150000,${family},BL § 43,2000-01-01,\n`,
      },
    },
    addPriceVersion: {
      as: 'admin',
      variables: {
        input: {
          typeCode: 'FUZZ-VERSION',
          name: 'Støtte',
          kind: 'INTERVENTION',
          unit: 'HOUR',
          priceOre: 45000,
          departmentId: family,
          legalBasis: 'BL § 32',
          validFrom: '2026-01-01',
          validTo: '2026-12-31',
        },
      },
    },
    endPriceVersion: {
      as: 'admin',
      variables: { input: { id: await priceVersionId('JOB-MENTOR'), validTo: inDays(3650) } },
    },
    setArchetypeBasket: {
      as: 'admin',
      variables: {
        input: {
          targetGroup: 'family-child-parent-benefits',
          lines: [{ typeCode: 'CASH-BENEFIT', quantity: 1 }],
        },
      },
    },
    addProvision: {
      as: 'worker',
      variables: {
        input: {
          citizenId: mikkel,
          planId,
          typeCode: 'FAMILY-SUPPORT',
          unit: 'WEEK',
          quantity: 1,
          startsOn: '2026-01-01',
          endsOn: '2026-03-31',
        },
      },
    },
    setFollowUpInterval: { as: 'coordinator', variables: { departmentId: family, days: 21 } },
    // GraphQL-level attacks only; the FHIR content itself is validated and tested in api/src/fhir/.
    importFhirBundle: {
      as: 'worker',
      variables: { bundle: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [] }) },
    },
    registerCitizen: {
      as: 'worker',
      variables: { input: { cpr: '010285-1234', displayName: 'Registreret Borger', birthYear: 1985 } },
    },
    setPlanCoordinator: { as: 'worker', variables: { input: { planId, coordinatorId: staff.id } } },
    closePlan: { as: 'worker', variables: { id: closablePlan.data?.createPlan.id } },
    createDepartment: { as: 'admin', variables: { input: { name: 'Ny Afdeling', kind: 'HEALTH' } } },
    renameDepartment: {
      as: 'admin',
      variables: { input: { id: dept.OTHER, name: 'Omdøbt', kind: 'OTHER' } },
    },
    retireDepartment: { as: 'admin', variables: { id: retirable.data?.createDepartment.id } },
    addProfessional: {
      as: 'admin',
      variables: { input: { departmentId: family, displayName: 'Ny Kollega', title: 'Socialrådgiver' } },
    },
    updateProfessional: { as: 'admin', variables: { input: { id: staff.id, title: 'Teamleder' } } },
    createFamily: {
      as: 'admin',
      variables: {
        input: {
          name: 'Familien Ny',
          members: [
            { displayName: 'Mor Ny', cpr: '0203841234', role: 'PARENT', custody: 'SOLE' },
            { citizenId: created.data?.createCitizen.id, role: 'CHILD' },
          ],
        },
      },
    },
    addFamilyMember: {
      as: 'admin',
      variables: {
        input: {
          familyId: sorensen.id,
          member: { displayName: 'Mormor', birthYear: 1950, role: 'OTHER_ADULT' },
        },
      },
    },
    createTargetGroup: {
      as: 'admin',
      variables: { input: { key: 'ny-gruppe', name: 'Ny gruppe', description: 'Hvem gruppen er for' } },
    },
    describeTargetGroup: {
      as: 'admin',
      variables: { input: { key: group.key, name: 'Omdøbt gruppe', description: 'Beskrevet' } },
    },
    assignTargetGroup: { as: 'admin', variables: { input: { key: group.key, citizenIds: [mikkel] } } },
    mergeCitizens: {
      as: 'admin',
      variables: {
        input: { survivorId: toMerge[0], duplicateId: toMerge[1], reason: 'Registreret to gange' },
      },
    },
    undoCitizenMerge: { as: 'admin', variables: { id: toUndo } },
    confirmCitizenMerge: { as: 'admin', variables: { id: toConfirm } },
  };
  return { tokens, calls };
}
