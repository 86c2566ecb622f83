import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCosts, meanOre, type OutcomeVerdict } from './cells.js';
import { spendShare } from './concentration.js';
import { followUp, prorateBaseline, quartersBetween, quarterWindow } from './follow-up.js';

const citizen = (
  targetGroup: string,
  kind: string,
  baseline: number,
  firstYear: number,
  outcome: OutcomeVerdict | null = null,
) => ({
  targetGroupKeys: [targetGroup],
  baseline: new Map([[kind, baseline]]),
  firstYear: new Map([[kind, firstYear]]),
  outcome,
});
const times = <T>(n: number, make: () => T) => Array.from({ length: n }, make);

describe('worked example 3: a suppressed cell', () => {
  const group = 'family-child-benefits';
  const citizens = [
    ...times(5, () => citizen(group, 'EMPLOYMENT', 12_000_000, 7_000_000)),
    ...times(2, () => citizen(group, 'EMPLOYMENT', 12_000_000, 14_000_000)),
    ...times(5, () => citizen(group, 'CHILDREN_FAMILY', 10_000_000, 11_000_000)),
    citizen(group, 'CHILDREN_FAMILY', 10_000_000, 11_000_003),
    ...times(3, () => citizen(group, 'ADULT_SOCIAL', 3_000_000, 1_000_000)),
  ];

  it('publishes the large cell with means per citizen and hides the small one and its complement', () => {
    expect(compareCosts(citizens, 5)).toEqual([
      {
        targetGroup: group,
        departmentKind: 'ADULT_SOCIAL',
        n: null,
        meanBaselineOre: null,
        meanFirstYearOre: null,
        meanChangeOre: null,
        lowerCost: null,
        withOutcome: null,
        improved: null,
        suppressed: true,
      },
      {
        targetGroup: group,
        departmentKind: 'CHILDREN_FAMILY',
        n: null,
        meanBaselineOre: null,
        meanFirstYearOre: null,
        meanChangeOre: null,
        lowerCost: null,
        withOutcome: null,
        improved: null,
        suppressed: true,
      },
      {
        targetGroup: group,
        departmentKind: 'EMPLOYMENT',
        n: 7,
        meanBaselineOre: 12_000_000,
        meanFirstYearOre: 9_000_000,
        meanChangeOre: -3_000_000,
        lowerCost: 5,
        withOutcome: 0,
        improved: 0,
        suppressed: false,
      },
    ]);
  });

  it('publishes all three when every department has enough citizens', () => {
    const more = [...citizens, ...times(2, () => citizen(group, 'ADULT_SOCIAL', 3_000_000, 3_000_000))];
    const cells = compareCosts(more, 5);
    expect(cells.map((c) => c.suppressed)).toEqual([false, false, false]);
    expect(cells[0]).toMatchObject({
      n: 5,
      meanBaselineOre: 3_000_000,
      meanFirstYearOre: 1_800_000,
      lowerCost: 3,
    });
    // 60,000,003 / 6 = 10,000,000.5 → half up.
    expect(cells[1]).toMatchObject({ n: 6, meanFirstYearOre: 11_000_001 });
  });
});

describe('meanOre', () => {
  it('rounds half up and is the exact mean when it divides', () => {
    expect(meanOre(7, 2)).toBe(4);
    expect(meanOre(5, 2)).toBe(3);
    expect(meanOre(84_000_000, 7)).toBe(12_000_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 10_000 }), (sum, n) => {
        const m = meanOre(sum, n);
        return Math.abs(m * n - sum) * 2 <= n;
      }),
    );
  });
});

describe('spendShare', () => {
  it('gives the top 1 % share in per mille and hides it when the top group is too small', () => {
    const costs = [...times(10, () => 1_000_000), ...times(990, () => 10_000)];
    // 1,000 citizens: the top 10 spend 10,000,000 of 19,900,000.
    expect(spendShare(costs, 1, 5)).toEqual({
      percent: 1,
      topCitizens: 10,
      perMille: 503,
      suppressed: false,
    });
    expect(spendShare(costs.slice(0, 300), 1, 5)).toMatchObject({
      topCitizens: 3,
      perMille: null,
      suppressed: true,
    });
  });

  it('leaves out citizens with no cost', () => {
    expect(spendShare([...times(500, () => 1), ...times(100, () => 0)], 1, 5).topCitizens).toBe(5);
  });
});

describe('budget follow-up', () => {
  it('finds calendar quarters', () => {
    expect(quarterWindow('2026-Q4')).toEqual({ from: '2026-10-01', until: '2027-01-01' });
    expect(quartersBetween('2025-11-15', '2026-04-01')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });

  it('prorates a baseline year to a quarter, rounding down', () => {
    // Example 1: Jobcenter's 14,400,000 for the 90 days of 2026-Q1.
    expect(prorateBaseline(14_400_000, 365, 90)).toBe(3_550_684);
  });

  it('suppresses a department with too few citizens in a quarter, and its complement', () => {
    const shares = [
      ...times(6, () => ({ quarter: '2026-Q1', departmentId: 'job', baselineOre: 100, actualOre: 80 })),
      ...times(2, () => ({ quarter: '2026-Q1', departmentId: 'adult', baselineOre: 100, actualOre: 0 })),
      ...times(7, () => ({ quarter: '2026-Q1', departmentId: 'child', baselineOre: 100, actualOre: 120 })),
    ];
    expect(followUp(shares, 5)).toEqual([
      {
        quarter: '2026-Q1',
        departmentId: 'adult',
        n: null,
        baselineOre: null,
        actualOre: null,
        differenceOre: null,
        suppressed: true,
      },
      {
        quarter: '2026-Q1',
        departmentId: 'child',
        n: 7,
        baselineOre: 700,
        actualOre: 840,
        differenceOre: 140,
        suppressed: false,
      },
      {
        quarter: '2026-Q1',
        departmentId: 'job',
        n: null,
        baselineOre: null,
        actualOre: null,
        differenceOre: null,
        suppressed: true,
      },
    ]);
  });
});

describe('share improved beside cost', () => {
  const group = 'vulnerable-young-17-25';
  const mixed: OutcomeVerdict[] = ['IMPROVED', 'IMPROVED', 'IMPROVED', 'NO_RELIABLE_CHANGE', 'DETERIORATED'];

  it('counts, of the citizens with a classified outcome, those who reliably improved', () => {
    const citizens = [
      ...mixed.map((o) => citizen(group, 'EMPLOYMENT', 100, 80, o)),
      citizen(group, 'EMPLOYMENT', 100, 120, null),
    ];
    expect(compareCosts(citizens, 5)[0]).toMatchObject({ n: 6, withOutcome: 5, improved: 3, lowerCost: 5 });
  });

  it('suppresses a cell where every classified citizen moved alike, however large, and its complement', () => {
    const citizens = [
      ...times(8, () => citizen(group, 'EMPLOYMENT', 100, 80, 'IMPROVED')),
      citizen(group, 'EMPLOYMENT', 100, 80, null),
      ...mixed.map((o) => citizen(group, 'CHILDREN_FAMILY', 100, 80, o)),
      ...mixed.map((o) => citizen(group, 'ADULT_SOCIAL', 100, 80, o)),
    ];
    const cells = compareCosts(citizens, 5);
    expect(cells.map((c) => [c.departmentKind, c.suppressed])).toEqual([
      ['ADULT_SOCIAL', true],
      ['CHILDREN_FAMILY', false],
      ['EMPLOYMENT', true],
    ]);
  });
});

describe('economyCsv', () => {
  it('writes one line per cell, suppressed figures empty, and defuses formula-like names', async () => {
    const { economyCsv } = await import('./report-csv.js');
    const csv = economyCsv(
      [
        {
          targetGroup: '=cmd',
          departmentKind: 'EMPLOYMENT',
          n: 7,
          meanBaselineOre: 10,
          meanFirstYearOre: 8,
          meanChangeOre: -2,
          lowerCost: 5,
          withOutcome: 4,
          improved: 3,
          suppressed: false,
        },
      ],
      [{ percent: 1, topCitizens: 3, perMille: null, suppressed: true }],
      [
        {
          quarter: '2026-Q1',
          departmentId: 'd',
          departmentName: 'Børn, unge',
          n: null,
          baselineOre: null,
          actualOre: null,
          differenceOre: null,
          suppressed: true,
        },
      ],
    );
    expect(csv.split('\r\n')).toEqual([
      'table,target_group,department_kind,quarter,department,n,baseline_ore,cost_ore,change_ore,lower_cost,with_outcome,improved,percent,top_citizens,per_mille,suppressed',
      "comparison,'=cmd,EMPLOYMENT,,,7,10,8,-2,5,4,3,,,,false",
      'spend_share,,,,,,,,,,,,1,3,,true',
      'follow_up,,,2026-Q1,"Børn, unge",,,,,,,,,,,true',
      '',
    ]);
  });
});
