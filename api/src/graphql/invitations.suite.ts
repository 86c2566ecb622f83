import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../testing/harness.js';
import { subscribeOverSse, within } from '../testing/sse.js';

/** The API's clock, pinned and moved by the tests (expiry, reminders): no test reads the day. */
let clock = new Date(Date.UTC(2026, 2, 20, 9, 0, 0));
const HOUR = 3_600_000;

const INVITE = `mutation($input: InviteToAnswerInput!) { inviteToAnswer(input: $input) {
  link invitation { id scope status delivery deliveryStatus expiresAt planId subjectCitizenId instrumentKey
  invitee { id displayName } department { id } } } }`;
const VIEW = `query($token: String!) { invitation(token: $token) { scope expiresAt language departmentName
  instrument { key items { label } } goals { id text instrumentKey subjectName min max step } } }`;
const ANSWER = `mutation($input: AnswerInvitationInput!) { answerInvitation(input: $input) {
  measurement { id channel outsideMeeting respondentRole total } ratings { id goalId value raterRole channel outsideMeeting } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { id status revokedAt } }`;
const LIST = `query($c: ID!) { invitations(citizenId: $c) { id status department { id } } }`;
const RECORD = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id channel outsideMeeting respondentRole } }`;
const GOAL_RATED = `subscription($planId: ID!) { goalRated(planId: $planId) { rating { goalId value raterRole } } }`;

type Err = { extensions?: { code?: string; reason?: string; field?: string } };
const codeOf = (r: { errors?: Err[] }) => r.errors?.[0]?.extensions?.code;
const reasonOf = (r: { errors?: Err[] }) => r.errors?.[0]?.extensions?.reason;
const fieldOf = (r: { errors?: Err[] }) => r.errors?.[0]?.extensions?.field;
const tokenOf = (link: string) => new URL(link).hash.replace('#t=', '');

/**
 * Invitations and answers between meetings (docs/family.md), run on SQLite (invitations.test.ts)
 * and PostgreSQL (invitations.postgres.test.ts): the link's single use is a conditional update
 * whose guarantee each dialect gives differently.
 */
export function invitationSuite(database: string, start: (now: () => Date) => Promise<TestApi>): void {
  let api: TestApi;
  const count = async (table: string) =>
    Number((await api.query<{ n: number | string }>(`select count(*) as n from ${table}`))[0]?.n);
  describe(`invitations on ${database}`, () => {
    let dept: Record<string, string>;
    let worker: string;
    let jobcentre: string;
    let anna: string;
    let annaId: string;
    let mikkel: string;
    let karim: string;
    let planId: string;
    let goals: { id: string }[];

    async function invite(input: Record<string, unknown>, as = worker) {
      const r = await api.gql<{
        inviteToAnswer: { link: string | null; invitation: { id: string; status: string } };
      }>(as, INVITE, { input: { departmentId: dept.CHILDREN_FAMILY, ...input } });
      return r;
    }

    beforeAll(async () => {
      api = await start(() => clock);
      dept = Object.fromEntries(
        (await api.query<{ id: string; kind: string }>('select id, kind from department')).map((d) => [
          d.kind,
          d.id,
        ]),
      );
      const person = async (name: string) =>
        (await api.query<{ id: string }>('select id from citizen where display_name = ?', name))[0]
          ?.id as string;
      worker = await api.token({ role: 'PROFESSIONAL', departmentId: dept.CHILDREN_FAMILY as string });
      jobcentre = await api.token({ role: 'PROFESSIONAL', departmentId: dept.EMPLOYMENT as string });
      annaId = await person('Anna Sørensen');
      mikkel = await person('Mikkel Sørensen');
      karim = await person('Karim Haddad');
      anna = await api.token({ role: 'PARENT', citizenId: annaId });
      planId = (
        await api.query<{ id: string }>(
          "select p.id from plan p join family f on f.id = p.family_id where f.name = 'Familien Sørensen'",
        )
      )[0]?.id as string;
      goals = await api.query<{ id: string }>(
        "select id from goal where plan_id = ? and status = 'ACTIVE'",
        planId,
      );
    });
    afterAll(() => api.close());

    describe('an invitation to rate a plan’s goals, handed over', () => {
      let link: string;
      let invitationId: string;

      it('is issued to a parent with a link shown once; only the hash of its secret is stored', async () => {
        const r = await invite({ inviteeId: annaId, planId });
        expect(r.errors).toBeUndefined();
        const issued = r.data?.inviteToAnswer;
        link = issued?.link ?? '';
        invitationId = issued?.invitation.id ?? '';
        expect(link).toMatch(new RegExp(`^${api.url}/svar#t=[A-Za-z0-9_-]{43}$`));
        expect(issued?.invitation).toMatchObject({
          scope: 'PLAN_GOALS',
          status: 'PENDING',
          delivery: 'HAND_OVER',
          deliveryStatus: null,
          planId,
        });
        expect(
          Date.parse(String((issued?.invitation as { expiresAt?: string } | undefined)?.expiresAt)),
        ).toBe(clock.getTime() + 7 * 24 * HOUR);
        const stored = await api.query<{ token_hash: string }>(
          'select token_hash from invitation where id = ?',
          invitationId,
        );
        expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(JSON.stringify(stored)).not.toContain(tokenOf(link));
      });

      it('opens without sign-in, shows only the plan’s goals, and is audited as the invitee', async () => {
        const r = await api.gql<{
          invitation: {
            scope: string;
            departmentName: string;
            goals: { id: string; min: number; max: number }[];
          };
        }>(null, VIEW, { token: tokenOf(link) });
        expect(r.errors).toBeUndefined();
        expect(r.data?.invitation.scope).toBe('PLAN_GOALS');
        expect(r.data?.invitation.departmentName).toBe('Børn og Familie');
        expect(r.data?.invitation.goals.map((g) => g.id).sort()).toEqual(goals.map((g) => g.id).sort());
        const audit = await api.query<{ actor_role: string; action: string; outcome: string }>(
          'select actor_role, action, outcome from audit_event where actor_id = ?',
          `invitation:${invitationId}`,
        );
        expect(audit.length).toBeGreaterThan(0);
        expect(
          audit.every(
            (a) => a.action === 'invitation' && a.outcome === 'ALLOWED' && a.actor_role === 'PARENT',
          ),
        ).toBe(true);
      });

      it('refuses a rating off the scale or for a goal it does not cover, naming the field, writing nothing', async () => {
        const before = await count('goal_rating');
        const off = await api.gql(null, ANSWER, {
          input: {
            token: tokenOf(link),
            idempotencyKey: 'k-bad',
            ratings: [{ goalId: goals[0]?.id, value: 11 }],
          },
        });
        expect([codeOf(off), fieldOf(off)]).toEqual(['BAD_USER_INPUT', 'ratings.0.value']);
        const foreign = await api.gql(null, ANSWER, {
          input: {
            token: tokenOf(link),
            idempotencyKey: 'k-bad',
            ratings: [{ goalId: crypto.randomUUID(), value: 5 }],
          },
        });
        expect([codeOf(foreign), fieldOf(foreign)]).toEqual(['BAD_USER_INPUT', 'ratings.0.goalId']);
        const wrongKind = await api.gql(null, ANSWER, {
          input: { token: tokenOf(link), idempotencyKey: 'k-bad', values: [5] },
        });
        expect(codeOf(wrongKind)).toBe('BAD_USER_INPUT');
        expect(await count('goal_rating')).toBe(before);
        const list = await api.gql<{ invitations: { id: string; status: string }[] }>(worker, LIST, {
          c: annaId,
        });
        expect(list.data?.invitations.find((i) => i.id === invitationId)?.status).toBe('PENDING');
      });

      it('takes the ratings once, marked as given between meetings, and the professional sees them live', async () => {
        const stream = await subscribeOverSse(GOAL_RATED, api.url, worker, { planId });
        const event = stream.next();
        const ratings = goals.map((g, i) => ({ goalId: g.id, value: 6 + i / 2 }));
        const r = await api.gql<{
          answerInvitation: {
            ratings: { id: string; raterRole: string; channel: string; outsideMeeting: boolean }[];
          };
        }>(null, ANSWER, { input: { token: tokenOf(link), idempotencyKey: 'k-1', ratings } });
        expect(r.errors).toBeUndefined();
        const stored = r.data?.answerInvitation.ratings ?? [];
        expect(stored).toHaveLength(goals.length);
        expect(
          stored.every((s) => s.raterRole === 'PARENT' && s.channel === 'INVITATION' && s.outsideMeeting),
        ).toBe(true);
        const live = await within(5000, event);
        expect(live.data?.goalRated).toMatchObject({ rating: { raterRole: 'PARENT' } });
        stream.close();

        // The same answer again (a phone retrying) returns what was stored and writes nothing.
        const storedBefore = await count('goal_rating');
        const replay = await api.gql<{ answerInvitation: { ratings: { id: string }[] } }>(null, ANSWER, {
          input: { token: tokenOf(link), idempotencyKey: 'k-1', ratings },
        });
        expect(replay.data?.answerInvitation.ratings.map((x) => x.id).sort()).toEqual(
          stored.map((s) => s.id).sort(),
        );
        expect(await count('goal_rating')).toBe(storedBefore);
      });

      it('is used up: opening or answering again is refused as USED', async () => {
        const view = await api.gql(null, VIEW, { token: tokenOf(link) });
        expect([codeOf(view), reasonOf(view)]).toEqual(['INVITATION_INVALID', 'USED']);
        const again = await api.gql(null, ANSWER, {
          input: {
            token: tokenOf(link),
            idempotencyKey: 'k-2',
            ratings: [{ goalId: goals[0]?.id, value: 2 }],
          },
        });
        expect([codeOf(again), reasonOf(again)]).toEqual(['INVITATION_INVALID', 'USED']);
        const list = await api.gql<{ invitations: { id: string; status: string }[] }>(worker, LIST, {
          c: annaId,
        });
        expect(list.data?.invitations.find((i) => i.id === invitationId)?.status).toBe('USED');
      });
    });

    describe('links that can no longer be used', () => {
      it('expires after its days and changes nothing', async () => {
        const r = await invite({ inviteeId: annaId, planId, validDays: 1 });
        const token = tokenOf(r.data?.inviteToAnswer.link ?? '');
        clock = new Date(clock.getTime() + 25 * HOUR);
        const before = await count('goal_rating');
        const view = await api.gql(null, VIEW, { token });
        expect(reasonOf(view)).toBe('EXPIRED');
        const answer = await api.gql(null, ANSWER, {
          input: { token, idempotencyKey: 'k-exp', ratings: [{ goalId: goals[0]?.id, value: 5 }] },
        });
        expect([codeOf(answer), reasonOf(answer)]).toEqual(['INVITATION_INVALID', 'EXPIRED']);
        expect(await count('goal_rating')).toBe(before);
      });

      it('is withdrawn by the inviting department; withdrawing twice is CONFLICT', async () => {
        const r = await invite({ inviteeId: annaId, planId });
        const id = r.data?.inviteToAnswer.invitation.id;
        const token = tokenOf(r.data?.inviteToAnswer.link ?? '');
        const other = await api.gql(jobcentre, REVOKE, { id });
        expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(other));
        const revoked = await api.gql<{ revokeInvitation: { status: string } }>(worker, REVOKE, { id });
        expect(revoked.data?.revokeInvitation.status).toBe('REVOKED');
        expect(reasonOf(await api.gql(null, VIEW, { token }))).toBe('REVOKED');
        expect(codeOf(await api.gql(worker, REVOKE, { id }))).toBe('CONFLICT');
      });

      it('lets exactly one of two simultaneous answers win', async () => {
        const r = await invite({ inviteeId: annaId, planId });
        const token = tokenOf(r.data?.inviteToAnswer.link ?? '');
        const before = await count('goal_rating');
        const answers = await Promise.all(
          ['race-a', 'race-b', 'race-c'].map((idempotencyKey, i) =>
            api.gql(null, ANSWER, {
              input: { token, idempotencyKey, ratings: [{ goalId: goals[0]?.id, value: 3 + i }] },
            }),
          ),
        );
        expect(answers.filter((a) => !a.errors)).toHaveLength(1);
        expect(answers.filter((a) => reasonOf(a) === 'USED')).toHaveLength(2);
        expect(await count('goal_rating')).toBe(before + 1);
      });

      it('answers a tampered or unknown token alike, revealing nothing', async () => {
        for (const token of ['x', 'A'.repeat(43), `${'A'.repeat(42)}!`, '']) {
          const r = await api.gql(null, VIEW, { token });
          expect([codeOf(r), reasonOf(r)]).toEqual(['INVITATION_INVALID', 'UNKNOWN']);
        }
      });
    });

    describe('an invitation by e-mail', () => {
      it('writes the message and a half-way reminder to the outbox with the invitation; the row holds no address', async () => {
        const r = await invite({ inviteeId: annaId, planId, email: 'anna@example.org', language: 'en' });
        expect(r.errors).toBeUndefined();
        expect(r.data?.inviteToAnswer.link).toBeNull();
        const id = r.data?.inviteToAnswer.invitation.id as string;
        const messages = await api.query<{
          kind: string;
          recipient: string;
          body: string;
          not_before: number | Date;
          status: string;
        }>(
          'select kind, recipient, body, not_before, status from outbox_message where reference = ? order by not_before',
          id,
        );
        // The delivery worker may already have sent the invitation (into the demo's mailbox).
        expect(
          messages.map((m) => [m.kind, m.recipient, m.kind === 'INVITATION' ? 'sent or due' : m.status]),
        ).toEqual([
          ['INVITATION', 'anna@example.org', 'sent or due'],
          ['INVITATION_REMINDER', 'anna@example.org', 'PENDING'],
        ]);
        expect(['PENDING', 'SENT']).toContain(messages[0]?.status);
        expect(messages[0]?.body).toMatch(/\/svar#t=[A-Za-z0-9_-]{43}/);
        expect(new Date(messages[1]?.not_before as number).getTime()).toBe(clock.getTime() + 3.5 * 24 * HOUR);
        const row = await api.query<Record<string, unknown>>('select * from invitation where id = ?', id);
        expect(JSON.stringify(row)).not.toContain('anna@example.org');

        // Answering cancels the reminder; the invitation message itself stays as it was.
        const token = /#t=([A-Za-z0-9_-]{43})/.exec(messages[0]?.body ?? '')?.[1] ?? '';
        const answer = await api.gql(null, ANSWER, {
          input: { token, idempotencyKey: 'k-mail', ratings: [{ goalId: goals[0]?.id, value: 7 }] },
        });
        expect(answer.errors).toBeUndefined();
        const after = await api.query<{ kind: string; status: string }>(
          'select kind, status from outbox_message where reference = ? order by kind',
          id,
        );
        expect(after.map((m) => m.kind)).toEqual(['INVITATION', 'INVITATION_REMINDER']);
        expect(['PENDING', 'SENT']).toContain(after[0]?.status);
        expect(after[1]?.status).toBe('CANCELLED');
      });

      it('is refused with a bad address, naming the field, writing nothing', async () => {
        const before = await count('invitation');
        const r = await invite({ inviteeId: annaId, planId, email: 'not an address' });
        expect([codeOf(r), fieldOf(r)]).toEqual(['BAD_USER_INPUT', 'email']);
        expect(await count('invitation')).toBe(before);
      });
    });

    describe('a questionnaire through a link, and answers given signed in', () => {
      it('lets a parent answer the child instrument about their minor child, as PARENT, between sessions', async () => {
        const r = await invite({
          inviteeId: annaId,
          questionnaire: { citizenId: mikkel, instrumentKey: 'child-outcome' },
        });
        expect(r.errors).toBeUndefined();
        const token = tokenOf(r.data?.inviteToAnswer.link ?? '');
        const view = await api.gql<{ invitation: { instrument: { key: string; items: unknown[] } } }>(
          null,
          VIEW,
          { token },
        );
        expect(view.data?.invitation.instrument.key).toBe('child-outcome');
        const answer = await api.gql<{
          answerInvitation: {
            measurement: { respondentRole: string; channel: string; outsideMeeting: boolean; total: number };
          };
        }>(null, ANSWER, { input: { token, idempotencyKey: 'q-1', values: [5, 6, 7, 8] } });
        expect(answer.errors).toBeUndefined();
        expect(answer.data?.answerInvitation.measurement).toMatchObject({
          respondentRole: 'PARENT',
          channel: 'INVITATION',
          outsideMeeting: true,
          total: 26,
        });
      });

      it('refuses the session instrument and someone who is not the citizen or their parent', async () => {
        const session = await invite({
          inviteeId: mikkel,
          questionnaire: { citizenId: mikkel, instrumentKey: 'child-session' },
        });
        expect([codeOf(session), fieldOf(session)]).toEqual([
          'BAD_USER_INPUT',
          'questionnaire.instrumentKey',
        ]);
        const stranger = await invite({
          inviteeId: karim,
          questionnaire: { citizenId: mikkel, instrumentKey: 'child-outcome' },
        });
        expect([codeOf(stranger), fieldOf(stranger)]).toEqual(['BAD_USER_INPUT', 'inviteeId']);
        const parent = await invite({ inviteeId: annaId, planId }, anna);
        expect(codeOf(parent)).toBe('FORBIDDEN');
      });

      it('lets a signed-in parent record an outcome about their child without a session (SELF)', async () => {
        const input = {
          idempotencyKey: 'self-1',
          citizenId: mikkel,
          departmentId: dept.CHILDREN_FAMILY,
          instrumentKey: 'child-outcome',
          respondentRole: 'PARENT',
          occurredAt: new Date(clock.getTime() - 60_000).toISOString(),
          values: [6, 6, 6, 6],
        };
        const ok = await api.gql<{ recordMeasurement: { channel: string; outsideMeeting: boolean } }>(
          anna,
          RECORD,
          { input },
        );
        expect(ok.errors).toBeUndefined();
        expect(ok.data?.recordMeasurement).toMatchObject({ channel: 'SELF', outsideMeeting: true });

        const before = await count('measurement');
        const refusals: [Record<string, unknown>, string, string | undefined][] = [
          [{ instrumentKey: 'child-session' }, 'BAD_USER_INPUT', 'instrumentKey'],
          [{ session: 3 }, 'BAD_USER_INPUT', 'session'],
          [{ respondentRole: 'PROFESSIONAL' }, 'FORBIDDEN', undefined],
          [{ departmentId: dept.HEALTH }, 'BAD_USER_INPUT', 'departmentId'],
          [{ citizenId: karim, respondentRole: 'PARENT' }, 'NOT_FOUND', undefined],
        ];
        for (const [change, code, field] of refusals) {
          const r = await api.gql(anna, RECORD, {
            input: { ...input, idempotencyKey: crypto.randomUUID(), ...change },
          });
          expect([codeOf(r), fieldOf(r)], JSON.stringify(change)).toEqual([code, field]);
        }
        expect(await count('measurement')).toBe(before);
      });
    });

    describe('who sees invitations', () => {
      it('lists whom a plan is about, parents first, for choosing whom to invite', async () => {
        const r = await api.gql<{
          plan: { members: { id: string; displayName: string; familyRole: string }[] };
        }>(worker, 'query($id: ID!) { plan(id: $id) { members { id displayName familyRole } } }', {
          id: planId,
        });
        const members = r.data?.plan.members ?? [];
        expect(members[0]).toMatchObject({ id: annaId, familyRole: 'PARENT' });
        expect(members.find((m) => m.id === mikkel)).toMatchObject({
          displayName: 'Mikkel Sørensen',
          familyRole: 'CHILD',
        });
      });

      it('shows a department only its own departments’ invitations, and nothing to one without a case', async () => {
        const mine = await api.gql<{ invitations: { department: { id: string } }[] }>(worker, LIST, {
          c: annaId,
        });
        expect(mine.data?.invitations.length).toBeGreaterThan(0);
        expect(mine.data?.invitations.every((i) => i.department.id === dept.CHILDREN_FAMILY)).toBe(true);
        const health = await api.token({ role: 'PROFESSIONAL', departmentId: dept.HEALTH as string });
        const none = await api.gql(health, LIST, { c: mikkel });
        expect(codeOf(none)).toBe('NOT_FOUND');
      });
    });
  });
}
