import { describe, expect, it } from 'vitest';
import type { PriceVersion } from './catalogue.js';
import { planEconomy } from './plan-economy.js';
import type { Provision } from './provision-cost.js';

// docs/economy.md, worked examples 1 and 2, number for number.
const JOB = 'jobcenter';
const ADULT = 'voksenomraadet';
const CHILD = 'boern-og-familie';

const catalogue: PriceVersion[] = [
  {
    typeCode: 'CASH-BENEFIT',
    unit: 'MONTH',
    priceOre: 1_200_000,
    departmentId: JOB,
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
  },
  {
    typeCode: 'CASH-BENEFIT',
    unit: 'MONTH',
    priceOre: 1_230_000,
    departmentId: JOB,
    validFrom: '2026-01-01',
    validTo: null,
  },
  {
    typeCode: 'JOB-MENTOR',
    unit: 'HOUR',
    priceOre: 45_000,
    departmentId: JOB,
    validFrom: '2025-01-01',
    validTo: null,
  },
  {
    typeCode: 'SEL85-SUPPORT',
    unit: 'HOUR',
    priceOre: 50_000,
    departmentId: ADULT,
    validFrom: '2025-01-01',
    validTo: null,
  },
  {
    typeCode: 'FOSTER-CARE',
    unit: 'PLACEMENT_DAY',
    priceOre: 150_000,
    departmentId: CHILD,
    validFrom: '2025-01-01',
    validTo: null,
  },
  {
    typeCode: 'FAMILY-SUPPORT',
    unit: 'WEEK',
    priceOre: 300_000,
    departmentId: CHILD,
    validFrom: '2025-01-01',
    validTo: null,
  },
];

const hansen: Provision[] = [
  { citizenId: 'mette', typeCode: 'CASH-BENEFIT', quantity: 1, startsOn: '2025-01-01', endsOn: '2026-06-30' },
  {
    citizenId: 'mette',
    typeCode: 'SEL85-SUPPORT',
    quantity: 3,
    startsOn: '2025-03-03',
    endsOn: '2025-11-30',
  },
  { citizenId: 'oliver', typeCode: 'FOSTER-CARE', quantity: 1, startsOn: '2025-10-01', endsOn: '2025-12-31' },
  { citizenId: 'mette', typeCode: 'JOB-MENTOR', quantity: 2, startsOn: '2026-01-05', endsOn: null },
  {
    citizenId: 'oliver',
    typeCode: 'FAMILY-SUPPORT',
    quantity: 1,
    startsOn: '2026-01-05',
    endsOn: '2026-06-28',
  },
];

const basket = new Map([
  [
    'family-child-benefits',
    [
      { typeCode: 'CASH-BENEFIT', quantity: 1 },
      { typeCode: 'FAMILY-SUPPORT', quantity: 1 },
      { typeCode: 'JOB-MENTOR', quantity: 1 },
    ],
  ],
]);

const hansenEconomy = () =>
  planEconomy({
    startedOn: '2026-01-01',
    today: '2026-03-29',
    members: [
      { citizenId: 'mette', targetGroupKeys: ['family-child-benefits'] },
      { citizenId: 'oliver', targetGroupKeys: [] },
    ],
    provisions: hansen,
    catalogue,
    baskets: basket,
  });

describe('worked example 1: the Hansen family across three departments', () => {
  it('costs the baseline year, split per paying department', () => {
    const { baseline } = hansenEconomy();
    expect(baseline.from).toBe('2025-01-01');
    expect(baseline.to).toBe('2025-12-31');
    expect(baseline.totalOre).toBe(34_050_000);
    expect(baseline.byDepartment).toEqual([
      { departmentId: CHILD, amountOre: 13_800_000 },
      { departmentId: JOB, amountOre: 14_400_000 },
      { departmentId: ADULT, amountOre: 5_850_000 },
    ]);
    expect(baseline.estimated).toBe(false);
    expect(baseline.unpricedDays).toBe(0);
  });

  it('costs the running months at the prices valid then, per department and month', () => {
    const { running } = hansenEconomy();
    expect(running.to).toBe('2026-03-29');
    expect(running.totalOre).toBe(8_290_645);
    expect(running.byMonth).toEqual([
      { month: '2026-01', departmentId: CHILD, amountOre: 1_157_142 },
      { month: '2026-01', departmentId: JOB, amountOre: 1_577_142 },
      { month: '2026-02', departmentId: CHILD, amountOre: 1_200_000 },
      { month: '2026-02', departmentId: JOB, amountOre: 1_590_000 },
      { month: '2026-03', departmentId: CHILD, amountOre: 1_242_858 },
      { month: '2026-03', departmentId: JOB, amountOre: 1_523_503 },
    ]);
    expect(running.byDepartment).toEqual([
      { departmentId: CHILD, amountOre: 3_600_000 },
      { departmentId: JOB, amountOre: 4_690_645 },
    ]);
  });

  it('costs the first plan year as agreed, ongoing help running through it', () => {
    const { expected } = hansenEconomy();
    expect(expected.from).toBe('2026-01-01');
    expect(expected.to).toBe('2026-12-31');
    expect(expected.totalOre).toBe(19_521_428);
    expect(expected.byDepartment).toEqual([
      { departmentId: CHILD, amountOre: 7_500_000 },
      { departmentId: JOB, amountOre: 12_021_428 },
    ]);
  });
});

describe('worked example 2: an archetype estimate', () => {
  it('fills a missing baseline with the target group basket, flagged as an estimate', () => {
    const { baseline } = planEconomy({
      startedOn: '2026-01-01',
      today: '2026-01-10',
      members: [{ citizenId: 'sara', targetGroupKeys: ['vulnerable-young', 'family-child-benefits'] }],
      provisions: [],
      catalogue,
      baskets: basket,
    });
    expect(baseline.totalOre).toBe(32_389_285);
    expect(baseline.byDepartment).toEqual([
      { departmentId: CHILD, amountOre: 15_642_857 },
      { departmentId: JOB, amountOre: 16_746_428 },
    ]);
    expect(baseline.estimated).toBe(true);
    expect(baseline.estimatedCitizenIds).toEqual(['sara']);
  });

  it('never estimates a member whose own baseline is recorded', () => {
    const { baseline } = hansenEconomy();
    expect(baseline.estimatedCitizenIds).toEqual([]);
  });

  it('leaves the baseline at zero, not estimated, when no target group has a basket', () => {
    const { baseline } = planEconomy({
      startedOn: '2026-01-01',
      today: '2026-01-10',
      members: [{ citizenId: 'sara', targetGroupKeys: ['vulnerable-young'] }],
      provisions: [],
      catalogue,
      baskets: basket,
    });
    expect(baseline.totalOre).toBe(0);
    expect(baseline.estimated).toBe(false);
  });
});

describe('planEconomy edges', () => {
  it('has no running cost before the plan starts', () => {
    const economy = planEconomy({
      startedOn: '2026-01-01',
      today: '2025-12-20',
      members: [{ citizenId: 'mette', targetGroupKeys: [] }],
      provisions: hansen,
      catalogue,
      baskets: new Map(),
    });
    expect(economy.running.totalOre).toBe(0);
    expect(economy.running.byMonth).toEqual([]);
  });

  it('counts days without a valid price as unpriced, at no cost', () => {
    const economy = planEconomy({
      startedOn: '2026-01-01',
      today: '2026-01-31',
      members: [{ citizenId: 'mette', targetGroupKeys: [] }],
      provisions: [
        { citizenId: 'mette', typeCode: 'CASH-BENEFIT', quantity: 1, startsOn: '2024-12-01', endsOn: null },
      ],
      catalogue,
      baskets: new Map(),
    });
    expect(economy.baseline.unpricedDays).toBe(0);
    expect(economy.running.totalOre).toBe(1_230_000);
    const early = planEconomy({
      startedOn: '2025-06-01',
      today: '2025-06-30',
      members: [{ citizenId: 'mette', targetGroupKeys: [] }],
      provisions: [
        { citizenId: 'mette', typeCode: 'CASH-BENEFIT', quantity: 1, startsOn: '2024-12-01', endsOn: null },
      ],
      catalogue,
      baskets: new Map(),
    });
    // Baseline 2024-06-01 .. 2025-05-31: December 2024 (31 days) has no price.
    expect(early.baseline.unpricedDays).toBe(31);
    expect(early.baseline.totalOre).toBe(5 * 1_200_000);
  });
});
