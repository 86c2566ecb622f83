import { readFileSync } from 'node:fs';
import {
  buildClientSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  Kind,
  parse,
  validate,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerFor } from '../support/graphql.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';

// The public contract, copied from the shared one; the project never reads ../shared.
const contract = readFileSync(new URL('./operations.graphql', import.meta.url), 'utf8');
const document = parse(contract);
const operationNames = document.definitions.flatMap((d) =>
  d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
);

let server: RunningServer;
let departments: Record<string, string>;
let professional: Caller;
let coordinator: Caller;
/** Names of contract operations a test has run successfully. */
const exercised = new Set<string>();

async function op<T>(caller: Caller, name: string, variables?: Record<string, unknown>) {
  const result = await caller.run<T>(contract, variables, name);
  if (!result.errors) exercised.add(name);
  return result;
}
const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

beforeAll(async () => {
  server = await startServer();
  const admin = await callerFor(server.url, { role: 'ADMIN' });
  const result = await op<{ departments: { id: string; kind: string }[] }>(admin, 'Departments');
  departments = Object.fromEntries((result.data?.departments ?? []).map((d) => [d.kind, d.id]));
  professional = await callerFor(server.url, {
    role: 'PROFESSIONAL',
    departmentId: departments.EMPLOYMENT as string,
  });
  coordinator = await callerFor(server.url, { role: 'COORDINATOR' });
});

afterAll(async () => {
  await server?.stop();
  removeDir(server.dataDir);
});

describe('the public contract', () => {
  it('validates every operation against the running server’s schema', async () => {
    const admin = await callerFor(server.url, { role: 'ADMIN' });
    const introspection = await admin.run<IntrospectionQuery>(getIntrospectionQuery());
    const schema = buildClientSchema(introspection.data as IntrospectionQuery);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    expect(operationNames).toContain('Statistics');
  });

  it('Departments: one of each kind in the demo municipality', () => {
    expect(Object.keys(departments).sort()).toEqual([
      'ADULT_SOCIAL',
      'CHILDREN_FAMILY',
      'EDUCATION',
      'EMPLOYMENT',
      'HEALTH',
      'OTHER',
    ]);
  });

  it('Instruments: the built-ins with their items, ranges and direction', async () => {
    type I = {
      instruments: { key: string; direction: string; min: number; max: number; items: { label: string }[] }[];
    };
    const result = await op<I>(professional, 'Instruments');
    const byKey = Object.fromEntries((result.data?.instruments ?? []).map((i) => [i.key, i]));
    expect(byKey.outcome).toMatchObject({ direction: 'HIGHER_IS_BETTER', min: 0, max: 10 });
    expect(byKey.outcome?.items).toHaveLength(4);
    expect(byKey['function-level']).toMatchObject({ direction: 'LOWER_IS_BETTER', min: 0, max: 4 });
    expect(byKey.gas).toMatchObject({ min: -2, max: 2 });
  });

  it('CreateCitizen, RecordMeasurement, CitizenProgression: a reliable improvement is classified', async () => {
    const created = await op<{ createCitizen: { id: string } }>(professional, 'CreateCitizen', {
      input: {
        displayName: 'Kontrakt Borger',
        birthYear: 1990,
        externalRef: { system: 'test', value: 'K-1' },
      },
    });
    const id = created.data?.createCitizen.id as string;
    expect(id).toBeTruthy();
    const totals: number[] = [];
    for (const [i, values] of [
      [3, 4, 4, 4],
      [4, 4.5, 5, 4.5],
      [5, 6, 5.5, 5.5],
    ].entries()) {
      const recorded = await op<{ recordMeasurement: { id: string; total: number } }>(
        professional,
        'RecordMeasurement',
        {
          input: {
            idempotencyKey: crypto.randomUUID(),
            citizenId: id,
            departmentId: departments.EMPLOYMENT,
            instrumentKey: 'outcome',
            respondentRole: 'CITIZEN',
            occurredAt: iso(30 - i * 7),
            session: i + 1,
            values,
          },
        },
      );
      totals.push(recorded.data?.recordMeasurement.total as number);
    }
    expect(totals).toEqual([15, 18, 22]);
    type P = { citizen: { progression: { divergent: boolean; series: Record<string, unknown>[] } } };
    const progression = await op<P>(professional, 'CitizenProgression', { id });
    const [series] = progression.data?.citizen.progression.series ?? [];
    // 15 → 22: change +7 ≥ 5 → IMPROVED; 22 is still below the adult cutoff 25 → not recovered.
    expect(series).toMatchObject({
      instrumentKey: 'outcome',
      respondentRole: 'CITIZEN',
      first: 15,
      latest: 22,
      change: 7,
      classification: 'IMPROVED',
      recovered: false,
      alert: 'GREEN',
    });
    expect(series?.normalizedChange).toBeCloseTo(7 / 40, 10);
    expect(((series?.points ?? []) as { normalized: number }[]).map((p) => p.normalized)).toEqual([
      15 / 40,
      18 / 40,
      22 / 40,
    ]);
    expect(progression.data?.citizen.progression.divergent).toBe(false);
  });

  it('CreateCitizen refuses a CPR number in clear', async () => {
    const result = await op(professional, 'CreateCitizen', {
      input: { displayName: 'Jens 010190-1234', birthYear: 1990 },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('GrantConsent and RevokeConsent: revocation is stamped', async () => {
    const created = await op<{ createCitizen: { id: string } }>(professional, 'CreateCitizen', {
      input: { displayName: 'Samtykke Borger', birthYear: 1985 },
    });
    const grant = await op<{ grantConsent: { id: string } }>(professional, 'GrantConsent', {
      input: {
        citizenId: created.data?.createCitizen.id,
        // The giving department records the consent (docs/access.md); the receiver only asks.
        fromDepartmentId: departments.EMPLOYMENT,
        toDepartmentId: departments.HEALTH,
        purpose: 'Koordinering',
      },
    });
    const revoked = await op<{ revokeConsent: { id: string; revokedAt: string } }>(
      professional,
      'RevokeConsent',
      { id: grant.data?.grantConsent.id },
    );
    expect(revoked.data?.revokeConsent.id).toBe(grant.data?.grantConsent.id);
    expect(Date.parse(revoked.data?.revokeConsent.revokedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('CreatePlan, AddGoal, RateGoal, PlanProgress: latest, progress, spread and the GAS T-score', async () => {
    const created = await op<{ createCitizen: { id: string } }>(coordinator, 'CreateCitizen', {
      input: { displayName: 'Plan Borger', birthYear: 1979 },
    });
    const plan = await op<{ createPlan: { id: string } }>(coordinator, 'CreatePlan', {
      input: { citizenId: created.data?.createCitizen.id },
    });
    const planId = plan.data?.createPlan.id;
    const addGoal = (instrumentKey: string, baseline: number, target: number) =>
      op<{ addGoal: { id: string } }>(coordinator, 'AddGoal', {
        input: {
          planId,
          text: `Mål på ${instrumentKey}`,
          departmentIds: [departments.EMPLOYMENT, departments.HEALTH],
          instrumentKey,
          baseline,
          target,
        },
      });
    const scale = (await addGoal('goal-scale', 2, 8)).data?.addGoal.id;
    const gas = (await addGoal('gas', -2, 0)).data?.addGoal.id;
    const rate = (goalId: string | undefined, raterRole: string, value: number) =>
      op<{ rateGoal: { id: string } }>(coordinator, 'RateGoal', {
        input: { idempotencyKey: crypto.randomUUID(), goalId, raterRole, value, occurredAt: iso(1) },
      });
    await rate(scale, 'PARENT', 4);
    await rate(scale, 'PROFESSIONAL', 8);
    await rate(gas, 'PROFESSIONAL', 1);
    type PP = {
      plan: {
        goalAttainmentT: number;
        goals: { id: string; latest: number; progress: number; spread: number }[];
      };
    };
    const progress = await op<PP>(coordinator, 'PlanProgress', { id: planId });
    const goal = progress.data?.plan.goals.find((g) => g.id === scale);
    // Mean of the roles' latest ratings (4, 8) = 6; (6 − 2) / (8 − 2) = 2/3; spread 8 − 4 = 4.
    expect(goal).toMatchObject({ latest: 6, spread: 4 });
    expect(goal?.progress).toBeCloseTo(2 / 3, 10);
    // One GAS goal at +1, weight 1: T = 50 + 10·1 / √((1 − 0.3)·1 + 0.3·1) = 60.
    expect(progress.data?.plan.goalAttainmentT).toBeCloseTo(60, 10);
  });

  it('Statistics: anonymous cells by department kind, small cells suppressed', async () => {
    const analyst = await callerFor(server.url, { role: 'ANALYST' });
    const now = new Date();
    const result = await op<{
      progressionStatistics: { cells: { departmentKind: string; n: number | null; suppressed: boolean }[] };
    }>(analyst, 'Statistics', {
      filter: {
        instrumentKey: 'outcome',
        from: new Date(now.getFullYear() - 1, 0, 1).toISOString(),
        to: now.toISOString(),
      },
    });
    expect(result.errors).toBeUndefined();
    const cells = result.data?.progressionStatistics.cells ?? [];
    expect(cells.length).toBeGreaterThan(0);
    // No published cell may describe fewer than five citizens.
    for (const cell of cells) expect(cell.suppressed || (cell.n ?? 0) >= 5).toBe(true);
  });

  it("TargetGroups: the demo municipality's groups with names, sorted by name", async () => {
    const analyst = await callerFor(server.url, { role: 'ANALYST' });
    const result = await op<{ targetGroups: { key: string; name: string }[] }>(analyst, 'TargetGroups');
    expect(result.errors).toBeUndefined();
    const groups = result.data?.targetGroups ?? [];
    expect(groups.map((g) => g.key).sort()).toEqual([
      'adult-complex-needs',
      'family-child-parent-benefits',
      'vulnerable-young-17-25',
    ]);
    expect(groups.find((g) => g.key === 'vulnerable-young-17-25')?.name).toBe('Udsat ung 17–25');
    const names = groups.map((g) => g.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'da')));
    // A listed key is what the Statistics filter takes.
    const filtered = await op(analyst, 'Statistics', {
      filter: { instrumentKey: 'outcome', targetGroup: groups[0]?.key, from: iso(365), to: iso(0) },
    });
    expect(filtered.errors).toBeUndefined();
  });

  it('CitizenFhirBundle, PlanFhirBundle, ImportFhirBundle: export as FHIR and re-import idempotently', async () => {
    type Bundle = { resourceType: string; type: string; entry: { resource: { resourceType: string } }[] };
    const created = await op<{ createCitizen: { id: string } }>(professional, 'CreateCitizen', {
      input: { displayName: 'FHIR Borger', birthYear: 1992 },
    });
    const citizenId = created.data?.createCitizen.id;
    await op(professional, 'RecordMeasurement', {
      input: {
        idempotencyKey: crypto.randomUUID(),
        citizenId,
        departmentId: departments.EMPLOYMENT,
        instrumentKey: 'outcome',
        respondentRole: 'CITIZEN',
        occurredAt: iso(2),
        values: [5, 5, 5, 5],
      },
    });
    const exported = await op<{ citizenFhirBundle: Bundle }>(professional, 'CitizenFhirBundle', {
      citizenId,
    });
    const bundle = exported.data?.citizenFhirBundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
    expect(bundle?.entry.map((e) => e.resource.resourceType)).toContain('QuestionnaireResponse');
    const imported = await op<{ importFhirBundle: { ok: boolean; entries: { outcome: string }[] } }>(
      professional,
      'ImportFhirBundle',
      { bundle: JSON.stringify(bundle) },
    );
    expect(imported.data?.importFhirBundle.ok).toBe(true);
    expect(imported.data?.importFhirBundle.entries.map((e) => e.outcome)).not.toContain('CREATED');
    const plan = await op<{ createPlan: { id: string } }>(coordinator, 'CreatePlan', {
      input: { citizenId },
    });
    const planBundle = await op<{ planFhirBundle: Bundle }>(coordinator, 'PlanFhirBundle', {
      planId: plan.data?.createPlan.id,
    });
    expect(planBundle.data?.planFhirBundle.entry.map((e) => e.resource.resourceType)).toContain('CarePlan');
  });

  it('PriceCatalogue, ImportPriceCatalogue, AddProvision, PlanEconomy, EconomyStatistics: costs in whole øre per department', async () => {
    const admin = await callerFor(server.url, { role: 'ADMIN' });
    const analyst = await callerFor(server.url, { role: 'ANALYST' });
    const catalogue = await op<{ priceCatalogue: { typeCode: string; department: { id: string } }[] }>(
      admin,
      'PriceCatalogue',
    );
    const jobcentre = catalogue.data?.priceCatalogue.find((v) => v.department.id === departments.EMPLOYMENT);
    expect(jobcentre).toBeTruthy();
    const imported = await op<{ importPriceCatalogue: { added: number } }>(admin, 'ImportPriceCatalogue', {
      csv: `type,name,kind,unit,price_ore,department,legal_basis,valid_from,valid_to\nCONTRACT-DAY,Døgn,INTERVENTION,PLACEMENT_DAY,250000,${departments.EMPLOYMENT},LAB § 32,2000-01-01,\n`,
    });
    expect(imported.data?.importPriceCatalogue.added).toBe(1);
    const citizen = await op<{ createCitizen: { id: string } }>(professional, 'CreateCitizen', {
      input: { displayName: 'Økonomi Borger', birthYear: 1985 },
    });
    const citizenId = citizen.data?.createCitizen.id;
    const plan = await op<{ createPlan: { id: string } }>(coordinator, 'CreatePlan', {
      input: { citizenId },
    });
    const planId = plan.data?.createPlan.id;
    type E = {
      plan: {
        economy: {
          startedOn: string;
          baseline: { totalOre: number; byDepartment: { department: { id: string }; amountOre: number }[] };
        };
      };
    };
    const startedOn = (await op<E>(coordinator, 'PlanEconomy', { id: planId })).data?.plan.economy
      .startedOn as string;
    const day = (offset: number) =>
      new Date(Date.parse(`${startedOn}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    // Four placement days in the year before the plan, paid by the jobcentre: 4 × 250,000 øre.
    const added = await op<{ addProvision: { id: string } }>(professional, 'AddProvision', {
      input: {
        citizenId,
        typeCode: 'CONTRACT-DAY',
        unit: 'PLACEMENT_DAY',
        quantity: 1,
        startsOn: day(-10),
        endsOn: day(-7),
      },
    });
    expect(added.errors).toBeUndefined();
    const economy = await op<E>(professional, 'PlanEconomy', { id: planId });
    expect(economy.data?.plan.economy.baseline.totalOre).toBe(1_000_000);
    expect(economy.data?.plan.economy.baseline.byDepartment).toEqual([
      { department: { id: departments.EMPLOYMENT, kind: 'EMPLOYMENT' }, amountOre: 1_000_000 },
    ]);
    type S = { economyStatistics: { csv: string; followUp: { n: number | null; suppressed: boolean }[] } };
    const stats = await op<S>(analyst, 'EconomyStatistics');
    expect(stats.errors).toBeUndefined();
    expect(stats.data?.economyStatistics.csv).toMatch(/^table,/);
    for (const cell of stats.data?.economyStatistics.followUp ?? [])
      expect(cell.suppressed || (cell.n ?? 0) >= 5).toBe(true);
  });

  it('Caseload, SetFollowUpInterval: the most urgent first, with reasons, counts and a department setting', async () => {
    type C = {
      caseload: {
        followUpDays: number;
        total: number;
        counts: { kind: string; citizens: number }[];
        rows: { displayName: string; reasons: { kind: string; department: { name: string } | null }[] }[];
      };
    };
    const result = await op<C>(professional, 'Caseload', { filter: { limit: 500 } });
    expect(result.errors).toBeUndefined();
    const caseload = result.data?.caseload;
    expect(caseload?.rows[0]?.reasons[0]?.kind).toBe('OUTCOME_RED');
    const anna = caseload?.rows.find((r) => r.displayName === 'Anna Sørensen');
    expect(anna?.reasons.map((r) => r.kind)).toContain('DIVERGENCE');
    expect(caseload?.counts.map((c) => c.kind)).toContain('MEETING_OVERDUE');
    expect(caseload?.total).toBe(caseload?.rows.length);
    const refused = await op(professional, 'Caseload', { filter: { followUpDays: 0 } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.followUpDays',
    });
    const set = await op<{ setFollowUpInterval: { followUpDays: number } }>(
      coordinator,
      'SetFollowUpInterval',
      {
        departmentId: departments.EMPLOYMENT,
        days: 14,
      },
    );
    expect(set.data?.setFollowUpInterval.followUpDays).toBe(14);
    const stricter = await op<C>(professional, 'Caseload', {});
    expect(stricter.data?.caseload.followUpDays).toBe(14);
    await op(coordinator, 'SetFollowUpInterval', { departmentId: departments.EMPLOYMENT, days: null });
  });

  it('InviteToAnswer, InvitationLink, AnswerInvitation, Invitations, RevokeInvitation: a family answers from a link', async () => {
    const family = await callerFor(server.url, {
      role: 'PROFESSIONAL',
      departmentId: departments.CHILDREN_FAMILY as string,
    });
    const anonymous = {
      run: async <T>(query: string, variables: Record<string, unknown>, operationName: string) =>
        (await (
          await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, variables, operationName }),
          })
        ).json()) as { data?: T; errors?: { extensions?: { code?: string; reason?: string } }[] },
    };
    // Finding the family is not part of this contract: the vendor's case system knows its ids.
    const people = await family.run<{
      citizens: { id: string; displayName: string; plans: { id: string }[] }[];
    }>('query($s: String) { citizens(search: $s) { id displayName plans { id } } }', { s: 'Sørensen' });
    const anna = people.data?.citizens.find((c) => c.displayName === 'Anna Sørensen');
    const planId = anna?.plans[0]?.id as string;
    type I = {
      inviteToAnswer: { link: string; invitation: { id: string; status: string; delivery: string } };
    };
    const issued = await op<I>(family, 'InviteToAnswer', {
      input: { inviteeId: anna?.id, planId, departmentId: departments.CHILDREN_FAMILY },
    });
    expect(issued.errors).toBeUndefined();
    expect(issued.data?.inviteToAnswer.invitation).toMatchObject({
      status: 'PENDING',
      delivery: 'HAND_OVER',
    });
    const token = new URL(issued.data?.inviteToAnswer.link ?? '').hash.replace('#t=', '');
    type V = { invitation: { scope: string; goals: { id: string; max: number }[] } };
    const view = await anonymous.run<V>(contract, { token }, 'InvitationLink');
    expect(view.errors).toBeUndefined();
    exercised.add('InvitationLink');
    const goal = view.data?.invitation.goals[0];
    type A = { answerInvitation: { ratings: { channel: string; outsideMeeting: boolean }[] } };
    const answer = await anonymous.run<A>(
      contract,
      { input: { token, idempotencyKey: crypto.randomUUID(), ratings: [{ goalId: goal?.id, value: 7 }] } },
      'AnswerInvitation',
    );
    expect(answer.errors).toBeUndefined();
    exercised.add('AnswerInvitation');
    expect(answer.data?.answerInvitation.ratings).toEqual([
      { ...answer.data?.answerInvitation.ratings[0], channel: 'INVITATION', outsideMeeting: true },
    ]);
    const reused = await anonymous.run(contract, { token }, 'InvitationLink');
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'INVITATION_INVALID', reason: 'USED' });

    const second = await op<I>(family, 'InviteToAnswer', {
      input: { inviteeId: anna?.id, planId, departmentId: departments.CHILDREN_FAMILY, validDays: 3 },
    });
    const revoked = await op<{ revokeInvitation: { status: string } }>(family, 'RevokeInvitation', {
      id: second.data?.inviteToAnswer.invitation.id,
    });
    expect(revoked.data?.revokeInvitation.status).toBe('REVOKED');
    type L = { invitations: { id: string; status: string }[] };
    const list = await op<L>(family, 'Invitations', { citizenId: anna?.id });
    expect(list.data?.invitations.map((i) => i.status)).toEqual(['REVOKED', 'USED']);
  });

  it('SetReminderChoice and ReminderChoices: a case worker records a family member’s opt-out', async () => {
    type Choices = { kind: string; enabled: boolean }[];
    const created = await op<{ createCitizen: { id: string } }>(professional, 'CreateCitizen', {
      input: { displayName: 'Påmindelse Borger', birthYear: 1980 },
    });
    const citizenId = created.data?.createCitizen.id;
    const set = await op<{ setReminderChoice: Choices }>(professional, 'SetReminderChoice', {
      input: { kind: 'MEETING_REMINDER', enabled: false, citizenId },
    });
    expect(set.data?.setReminderChoice).toEqual([
      { kind: 'MEETING_REMINDER', enabled: false },
      { kind: 'INVITATION_REMINDER', enabled: true },
    ]);
    const read = await op<{ reminderChoices: Choices }>(professional, 'ReminderChoices', { citizenId });
    expect(read.data?.reminderChoices).toEqual(set.data?.setReminderChoice);
    const refused = await op(professional, 'SetReminderChoice', {
      input: { kind: 'DIGEST', enabled: false, citizenId },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });

  it('MergeCitizens, UndoCitizenMerge, ConfirmCitizenMerge and CitizenMerges: an administrator merges a duplicate record', async () => {
    type Merge = { id: string; status: string; survivorId: string; movedCounts: { measurements: number } };
    const admin = await callerFor(server.url, { role: 'ADMIN' });
    const register = async (displayName: string) =>
      (
        await op<{ createCitizen: { id: string } }>(professional, 'CreateCitizen', {
          input: { displayName, birthYear: 1990 },
        })
      ).data?.createCitizen.id as string;
    const survivorId = await register('Sammenlagt Borger');
    const duplicateId = await register('Sammenlagt Borger');
    const input = { survivorId, duplicateId, reason: 'Registreret to gange' };
    const merged = await op<{ mergeCitizens: Merge }>(admin, 'MergeCitizens', { input });
    expect(merged.data?.mergeCitizens).toMatchObject({
      survivorId,
      status: 'PENDING',
      movedCounts: { measurements: 0 },
    });
    const id = merged.data?.mergeCitizens.id as string;
    const pending = await op<{ citizenMerges: Merge[] }>(admin, 'CitizenMerges', { status: 'PENDING' });
    expect(pending.data?.citizenMerges.map((m) => m.id)).toContain(id);
    const undone = await op<{ undoCitizenMerge: Merge }>(admin, 'UndoCitizenMerge', { id });
    expect(undone.data?.undoCitizenMerge.status).toBe('UNDONE');
    const again = await op<{ mergeCitizens: Merge }>(admin, 'MergeCitizens', { input });
    const confirmed = await op<{ confirmCitizenMerge: Merge }>(admin, 'ConfirmCitizenMerge', {
      id: again.data?.mergeCitizens.id,
    });
    expect(confirmed.data?.confirmCitizenMerge.status).toBe('CONFIRMED');
    const self = await op(admin, 'MergeCitizens', { input: { ...input, duplicateId: survivorId } });
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateId' });
  });

  it('exercised every operation of the contract', () => {
    expect([...exercised].sort()).toEqual([...operationNames].sort());
  });
});
