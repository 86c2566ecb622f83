import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttentionSettings,
  attentionKinds,
  attentionOf,
  type CitizenFacts,
  compareAttention,
  countByKind,
  daysBetween,
  type InvitationFact,
  isUnanswered,
  type PlanFact,
  sortByAttention,
} from './attention.js';

const settings: AttentionSettings = {
  today: '2026-03-31',
  now: Date.parse('2026-03-31T10:00:00+02:00'),
  followUpDays: 28,
  unratedWeeks: 4,
  planChecks: false,
};

const facts = (over: Partial<CitizenFacts> = {}): CitizenFacts => ({
  series: [],
  divergent: false,
  lastMeasuredOn: '2026-03-20',
  caseSinceOn: '2025-01-01',
  plans: [],
  invitations: [],
  ...over,
});

const plan = (over: Partial<PlanFact> = {}): PlanFact => ({
  planId: 'p1',
  family: true,
  carriesPlan: true,
  latestMeeting: null,
  accepted: true,
  activeGoals: [],
  parallelPairs: 0,
  unservedGoals: 0,
  ...over,
});

const kinds = (f: CitizenFacts, s = settings) => attentionOf(f, s).map((r) => r.kind);

describe('attentionOf', () => {
  it('says nothing for a citizen measured recently with green series', () => {
    expect(
      kinds(
        facts({
          series: [
            {
              instrumentKey: 'outcome',
              alliance: false,
              departmentId: 'd',
              alert: 'GREEN',
              alertReasons: [],
            },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('turns red and orange series into outcome or alliance reasons, keeping the scoring codes', () => {
    const reasons = attentionOf(
      facts({
        series: [
          {
            instrumentKey: 'session',
            alliance: true,
            departmentId: 'd',
            alert: 'ORANGE',
            alertReasons: ['ALLIANCE_DROP'],
          },
          {
            instrumentKey: 'outcome',
            alliance: false,
            departmentId: 'd',
            alert: 'ORANGE',
            alertReasons: ['NO_IMPROVEMENT_AT_ORANGE_SESSION'],
          },
          {
            instrumentKey: 'x',
            alliance: false,
            departmentId: 'e',
            alert: 'RED',
            alertReasons: ['RELIABLE_DETERIORATION'],
          },
          {
            instrumentKey: 'y',
            alliance: false,
            departmentId: 'e',
            alert: 'GREY',
            alertReasons: ['INSUFFICIENT_DATA'],
          },
        ],
        divergent: true,
      }),
      settings,
    );
    expect(reasons.map((r) => r.kind)).toEqual(['OUTCOME_RED', 'ALLIANCE', 'DIVERGENCE', 'OUTCOME_ORANGE']);
    expect(reasons[0]).toMatchObject({
      instrumentKey: 'x',
      departmentId: 'e',
      alertReasons: ['RELIABLE_DETERIORATION'],
    });
    expect(reasons[1]).toMatchObject({ colour: 'ORANGE', alertReasons: ['ALLIANCE_DROP'] });
  });

  it('flags no measurement after the follow-up interval, counting from the case when never measured', () => {
    // 2026-03-03 → 2026-03-31 is 28 days: not yet longer than the interval.
    expect(kinds(facts({ lastMeasuredOn: '2026-03-03' }))).toEqual([]);
    expect(attentionOf(facts({ lastMeasuredOn: '2026-03-02' }), settings)).toMatchObject([
      { kind: 'NO_RECENT_MEASUREMENT', since: '2026-03-02', days: 29 },
    ]);
    expect(attentionOf(facts({ lastMeasuredOn: null, caseSinceOn: '2026-01-31' }), settings)).toMatchObject([
      { kind: 'NO_RECENT_MEASUREMENT', since: '2026-01-31', days: 59 },
    ]);
    expect(kinds(facts({ lastMeasuredOn: null, caseSinceOn: '2026-03-30' }))).toEqual([]);
  });

  it('flags a family meeting whose agreed date has passed, not one still open or due today', () => {
    const closed = (nextMeetingOn: string | null) =>
      facts({ plans: [plan({ latestMeeting: { status: 'CLOSED', nextMeetingOn } })] });
    expect(attentionOf(closed('2026-03-30'), settings)).toMatchObject([
      { kind: 'MEETING_OVERDUE', planId: 'p1', since: '2026-03-30', days: 1 },
    ]);
    expect(kinds(closed('2026-03-31'))).toEqual([]);
    expect(kinds(closed(null))).toEqual([]);
    expect(
      kinds(facts({ plans: [plan({ latestMeeting: { status: 'OPEN', nextMeetingOn: '2026-01-01' } })] })),
    ).toEqual([]);
  });

  it('flags goals nobody rated for longer than N weeks, counting them and naming the oldest', () => {
    const f = facts({
      plans: [
        plan({
          activeGoals: [
            { lastActivityOn: '2026-03-03' }, // 28 days: not longer than 4 weeks
            { lastActivityOn: '2026-03-02' },
            { lastActivityOn: '2026-01-15' },
          ],
        }),
      ],
    });
    expect(attentionOf(f, settings)).toMatchObject([
      { kind: 'GOALS_UNRATED', count: 2, since: '2026-01-15', days: 75 },
    ]);
    expect(kinds(f, { ...settings, unratedWeeks: 11 })).toEqual([]);
  });

  it('gives the plan checks to the coordinator only', () => {
    const f = facts({ plans: [plan({ parallelPairs: 2, unservedGoals: 1, accepted: false })] });
    expect(kinds(f)).toEqual([]);
    expect(attentionOf(f, { ...settings, planChecks: true })).toMatchObject([
      { kind: 'PARALLEL_INTERVENTIONS', count: 2 },
      { kind: 'UNSERVED_GOALS', count: 1 },
      { kind: 'NO_ACCEPTED_PLAN' },
    ]);
    // A citizen's own plan has no parent to accept it.
    expect(
      kinds(facts({ plans: [plan({ family: false, accepted: false })] }), { ...settings, planChecks: true }),
    ).toEqual([]);
  });
});

describe('compareAttention and countByKind', () => {
  const row = (displayName: string, ...reasons: CitizenFacts[]) => ({
    displayName,
    reasons: reasons.flatMap((f) => attentionOf(f, settings)),
  });
  const red = facts({
    series: [{ instrumentKey: 'o', alliance: false, departmentId: 'd', alert: 'RED', alertReasons: [] }],
  });
  const stale = (lastMeasuredOn: string) => facts({ lastMeasuredOn });

  it('puts red first, then more reasons, then the longest overdue, then the name', () => {
    const rows = [
      row('Åse', stale('2026-01-01')),
      row('Bo'),
      row('Carl', stale('2026-02-01')),
      row('Dina', red),
      row('Emma', red, stale('2026-02-01')),
      row('Aage', stale('2026-01-01')),
    ];
    const expected = ['Emma', 'Dina', 'Aage', 'Åse', 'Carl', 'Bo'];
    expect([...rows].sort(compareAttention).map((r) => r.displayName)).toEqual(expected);
    expect(sortByAttention(rows).map((r) => r.displayName)).toEqual(expected);
  });

  it('counts a citizen once per kind', () => {
    const two = facts({
      series: [
        { instrumentKey: 'a', alliance: false, departmentId: 'd', alert: 'RED', alertReasons: [] },
        { instrumentKey: 'b', alliance: false, departmentId: 'd', alert: 'RED', alertReasons: [] },
      ],
    });
    const counts = countByKind([row('A', two), row('B', red), row('C')]);
    expect(counts.get('OUTCOME_RED')).toBe(2);
    expect(counts.get('NO_RECENT_MEASUREMENT')).toBe(0);
    expect(counts.size).toBe(attentionKinds.length);
  });

  it('sorts every set of reasons most severe first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.boolean(), (ago, divergent) => {
        const reasons = attentionOf(
          facts({ divergent, lastMeasuredOn: null, caseSinceOn: '2025-01-01', series: red.series }),
          { ...settings, followUpDays: ago + 1 },
        );
        const order = reasons.map((r) => attentionKinds.indexOf(r.kind));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
    );
  });

  it('counts calendar days across a daylight-saving change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
  });
});

describe('invitations unanswered', () => {
  // Sent 2026-03-20 10:00 Copenhagen, valid 14 days: halfway 2026-03-27 10:00, expires 2026-04-03 10:00.
  const sent = Date.parse('2026-03-20T10:00:00+01:00');
  const invitation = (over: Partial<InvitationFact> = {}): InvitationFact => ({
    planId: 'p1',
    departmentId: 'd',
    createdAt: sent,
    expiresAt: sent + 14 * 86_400_000,
    sentOn: '2026-03-20',
    ...over,
  });
  const at = (iso: string) => ({ ...settings, now: Date.parse(iso), today: iso.slice(0, 10) });

  it('appears once half the validity has passed, not a minute before', () => {
    expect(isUnanswered(invitation(), at('2026-03-27T09:59:00+01:00'))).toBe(false);
    expect(isUnanswered(invitation(), at('2026-03-27T10:00:00+01:00'))).toBe(true);
  });

  it('stays after expiry for one follow-up interval, then disappears', () => {
    const expired = invitation().expiresAt;
    const day = 86_400_000;
    expect(isUnanswered(invitation(), { now: expired + 28 * day, followUpDays: 28 })).toBe(true);
    expect(isUnanswered(invitation(), { now: expired + 28 * day + 1, followUpDays: 28 })).toBe(false);
    expect(isUnanswered(invitation(), { now: expired + 10 * day, followUpDays: 7 })).toBe(false);
  });

  it('is one reason per row, counting the invitations, dated by the oldest', () => {
    const reasons = attentionOf(
      facts({
        invitations: [
          invitation({ createdAt: sent + 86_400_000, sentOn: '2026-03-21', planId: 'p2' }),
          invitation(),
          // Sent yesterday: not yet halfway, so not counted.
          invitation({ createdAt: Date.parse('2026-03-30T10:00:00+02:00'), sentOn: '2026-03-30' }),
        ],
      }),
      settings,
    ).filter((r) => r.kind === 'INVITATION_UNANSWERED');
    expect(reasons).toEqual([
      expect.objectContaining({ planId: 'p1', departmentId: 'd', since: '2026-03-20', days: 11, count: 2 }),
    ]);
  });

  it('sorts after unrated goals and before the coordinator’s plan checks', () => {
    const order = attentionKinds.indexOf('INVITATION_UNANSWERED');
    expect(order).toBe(attentionKinds.indexOf('GOALS_UNRATED') + 1);
    expect(order).toBeLessThan(attentionKinds.indexOf('PARALLEL_INTERVENTIONS'));
  });
});

describe('a family plan on the caseload', () => {
  it('gives its meeting, acceptance and plan checks only to the row that carries the plan', () => {
    const overdue = plan({
      latestMeeting: { status: 'CLOSED', nextMeetingOn: '2026-03-01' },
      accepted: false,
      parallelPairs: 1,
      unservedGoals: 1,
      activeGoals: [{ lastActivityOn: '2026-01-01' }],
    });
    const checks = { ...settings, planChecks: true };
    expect(kinds(facts({ plans: [overdue] }), checks)).toEqual([
      'MEETING_OVERDUE',
      'GOALS_UNRATED',
      'PARALLEL_INTERVENTIONS',
      'UNSERVED_GOALS',
      'NO_ACCEPTED_PLAN',
    ]);
    // Another member: only the goals about them personally (the caller passes those).
    expect(kinds(facts({ plans: [{ ...overdue, carriesPlan: false }] }), checks)).toEqual(['GOALS_UNRATED']);
    expect(kinds(facts({ plans: [{ ...overdue, carriesPlan: false, activeGoals: [] }] }), checks)).toEqual(
      [],
    );
  });
});
