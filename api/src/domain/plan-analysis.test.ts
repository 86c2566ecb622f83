import { describe, expect, it } from 'vitest';
import { analysePlan, isActiveOn, type PlannedGoal, type PlannedIntervention } from './plan-analysis.js';

const today = '2026-05-01';
const goal = (id: string, over: Partial<PlannedGoal> = {}): PlannedGoal => ({
  id,
  status: 'ACTIVE',
  dominant: false,
  ...over,
});
const iv = (id: string, over: Partial<PlannedIntervention> = {}): PlannedIntervention => ({
  id,
  departmentId: 'jobcenter',
  responsibleProfessionalId: null,
  startsOn: '2026-01-01',
  endsOn: null,
  goalIds: [],
  ...over,
});

describe('isActiveOn', () => {
  it('counts both ends of the period as active', () => {
    const period = { startsOn: '2026-05-01', endsOn: '2026-05-31' };
    expect(isActiveOn(period, '2026-05-01')).toBe(true);
    expect(isActiveOn(period, '2026-05-31')).toBe(true);
    expect(isActiveOn(period, '2026-04-30')).toBe(false);
    expect(isActiveOn(period, '2026-06-01')).toBe(false);
  });
});

describe('analysePlan', () => {
  it('flags a jobcentre mentor and a §85 support worker serving the same goal at the same time', () => {
    const result = analysePlan(
      [goal('job')],
      [
        iv('mentor', { departmentId: 'jobcenter', goalIds: ['job'], startsOn: '2026-02-01' }),
        iv('sel85', {
          departmentId: 'adult',
          goalIds: ['job'],
          startsOn: '2026-03-15',
          endsOn: '2026-12-31',
        }),
      ],
      today,
    );
    expect(result.parallel).toEqual([
      {
        firstId: 'mentor',
        secondId: 'sel85',
        sharedGoalIds: ['job'],
        overlapFrom: '2026-03-15',
        overlapTo: '2026-12-31',
      },
    ]);
  });

  it('does not flag the same department, periods that do not overlap, or an overlap that is over', () => {
    const result = analysePlan(
      [goal('job')],
      [
        iv('a', { departmentId: 'jobcenter', goalIds: ['job'] }),
        iv('b', { departmentId: 'jobcenter', goalIds: ['job'] }),
        iv('c', { departmentId: 'adult', goalIds: ['job'], startsOn: '2025-01-01', endsOn: '2025-12-31' }),
        iv('d', { departmentId: 'health', goalIds: ['job'], startsOn: '2025-06-01', endsOn: '2026-03-01' }),
      ],
      today,
    );
    // c and d overlapped in 2025 but that is history; d overlapped a and b until March: history too.
    expect(result.parallel).toEqual([]);
  });

  it('does not flag interventions that share only a goal that is already achieved', () => {
    const result = analysePlan(
      [goal('job', { status: 'ACHIEVED' })],
      [iv('a', { goalIds: ['job'] }), iv('b', { departmentId: 'adult', goalIds: ['job'] })],
      today,
    );
    expect(result.parallel).toEqual([]);
  });

  it('flags a goal no intervention serves, ignoring closed goals and ended or planned work', () => {
    const result = analysePlan(
      [goal('school'), goal('job'), goal('evenings'), goal('old', { status: 'CLOSED' })],
      [
        iv('mentor', { goalIds: ['job'] }),
        iv('ended', { departmentId: 'family', goalIds: ['school'], endsOn: '2026-04-30' }),
        iv('planned', { departmentId: 'family', goalIds: ['evenings'], startsOn: '2026-06-01' }),
      ],
      today,
    );
    expect(result.unservedGoalIds).toEqual(['school', 'evenings']);
  });

  it('lists current and planned interventions without a goal, not ended ones', () => {
    const result = analysePlan(
      [goal('job')],
      [
        iv('served', { goalIds: ['job'] }),
        iv('loose'),
        iv('planned', { startsOn: '2026-09-01' }),
        iv('ended', { endsOn: '2026-01-31' }),
      ],
      today,
    );
    expect(result.interventionsWithoutGoalIds).toEqual(['loose', 'planned']);
  });

  it('counts distinct professionals and departments of active interventions only', () => {
    const result = analysePlan(
      [],
      [
        iv('a', { departmentId: 'jobcenter', responsibleProfessionalId: 'mette' }),
        iv('b', { departmentId: 'jobcenter', responsibleProfessionalId: 'mette' }),
        iv('c', { departmentId: 'adult', responsibleProfessionalId: 'sara' }),
        iv('d', { departmentId: 'family', responsibleProfessionalId: null }),
        iv('e', { departmentId: 'health', responsibleProfessionalId: 'ali', startsOn: '2026-08-01' }),
      ],
      today,
    );
    expect(result.contactPoints).toEqual({ professionals: 2, departments: 3 });
  });

  it('names the dominant goal, or none', () => {
    expect(analysePlan([goal('a'), goal('b', { dominant: true })], [], today).dominantGoalId).toBe('b');
    expect(analysePlan([goal('a')], [], today).dominantGoalId).toBeNull();
  });
});
