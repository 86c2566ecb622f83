import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.js';
import { catalogueProblem, type PriceVersion } from './catalogue.js';
import { planEconomy } from './plan-economy.js';

const v = (over: Partial<PriceVersion>): PriceVersion => ({
  typeCode: 'JOB-MENTOR',
  unit: 'HOUR',
  priceOre: 45_000,
  departmentId: 'job',
  validFrom: '2025-01-01',
  validTo: null,
  ...over,
});

describe('catalogueProblem', () => {
  it('accepts adjacent versions of a type', () => {
    expect(
      catalogueProblem([v({ validTo: '2025-12-31' }), v({ validFrom: '2026-01-01', priceOre: 46_000 })]),
    ).toBeNull();
  });

  it('refuses overlapping validity, naming the row', () => {
    expect(catalogueProblem([v({ validTo: '2025-12-31' }), v({ validFrom: '2025-12-31' })])?.field).toBe(
      'rows[1].validFrom',
    );
    expect(catalogueProblem([v({}), v({ validFrom: '2030-01-01' })])?.field).toBe('rows[1].validFrom');
  });

  it('refuses negative and non-whole prices', () => {
    expect(catalogueProblem([v({ priceOre: -1 })])?.field).toBe('rows[0].priceOre');
    expect(catalogueProblem([v({ priceOre: 12.5 })])?.field).toBe('rows[0].priceOre');
  });

  it('refuses a period that ends before it starts', () => {
    expect(catalogueProblem([v({ validFrom: '2026-01-02', validTo: '2026-01-01' })])?.field).toBe(
      'rows[0].validTo',
    );
  });

  it('refuses a second unit for one type', () => {
    expect(
      catalogueProblem([v({ validTo: '2025-12-31' }), v({ validFrom: '2026-01-01', unit: 'WEEK' })])?.field,
    ).toBe('rows[1].unit');
  });
});

const departments = ['job', 'adult', 'child'];
const version = fc.record({
  typeCode: fc.constantFrom('A', 'B', 'C'),
  priceOre: fc.integer({ min: 0, max: 10_000_000 }),
  departmentId: fc.constantFrom(...departments),
});
const provision = fc.record({
  citizenId: fc.constantFrom('p', 'q'),
  typeCode: fc.constantFrom('A', 'B', 'C'),
  quantity: fc.integer({ min: 1, max: 40 }),
  start: fc.integer({ min: 0, max: 1_200 }),
  length: fc.option(fc.integer({ min: 0, max: 800 })),
});

describe('planEconomy properties', () => {
  it('splits every figure per department and per month so that the parts sum to the total', () => {
    fc.assert(
      fc.property(
        fc.array(version, { minLength: 1, maxLength: 6 }),
        fc.array(provision, { maxLength: 8 }),
        fc.integer({ min: 0, max: 1_500 }),
        (vs, ps, todayOffset) => {
          // Each type gets consecutive yearly versions with its own unit, so the catalogue is sound.
          const units = { A: 'HOUR', B: 'MONTH', C: 'PLACEMENT_DAY' } as const;
          const seen = new Map<string, number>();
          const catalogue = vs.map((x) => {
            const k = seen.get(x.typeCode) ?? 0;
            seen.set(x.typeCode, k + 1);
            return {
              ...x,
              unit: units[x.typeCode as 'A'],
              validFrom: `${2024 + k}-01-01`,
              validTo: `${2024 + k}-12-31`,
            };
          });
          expect(catalogueProblem(catalogue)).toBeNull();
          const economy = planEconomy({
            startedOn: '2025-07-15',
            today: addDays('2025-01-01', todayOffset),
            members: [
              { citizenId: 'p', targetGroupKeys: [] },
              { citizenId: 'q', targetGroupKeys: [] },
            ],
            provisions: ps.map((p) => ({
              citizenId: p.citizenId,
              typeCode: p.typeCode,
              quantity: p.quantity,
              startsOn: addDays('2024-01-01', p.start),
              endsOn: p.length === null ? null : addDays('2024-01-01', p.start + p.length),
            })),
            catalogue,
            baskets: new Map(),
          });
          for (const f of [economy.baseline, economy.running, economy.expected]) {
            const byDept = f.byDepartment.reduce((s, d) => s + d.amountOre, 0);
            const byMonth = f.byMonth.reduce((s, d) => s + d.amountOre, 0);
            if (byDept !== f.totalOre || byMonth !== f.totalOre || f.totalOre < 0) return false;
            if (!f.byDepartment.every((d) => Number.isInteger(d.amountOre))) return false;
          }
          return true;
        },
      ),
    );
  });
});
