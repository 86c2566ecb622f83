import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.js';
import { costUnits } from './accrual.js';
import type { PriceVersion } from './catalogue.js';
import { costByPayer, costOfProvision } from './provision-cost.js';

const day = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays('2023-01-01', n));

/** Two versions of one type, paid by different departments, with a price change between them. */
const catalogue = fc
  .record({
    unit: fc.constantFrom(...costUnits),
    first: fc.integer({ min: 0, max: 5_000_000 }),
    second: fc.integer({ min: 0, max: 5_000_000 }),
    change: day,
  })
  .map(({ unit, first, second, change }): PriceVersion[] => [
    {
      typeCode: 'T',
      unit,
      priceOre: first,
      departmentId: 'a',
      validFrom: '2020-01-01',
      validTo: addDays(change, -1),
    },
    { typeCode: 'T', unit, priceOre: second, departmentId: 'b', validFrom: change, validTo: null },
  ]);

describe('costByPayer', () => {
  it('equals the month-by-month cost summed per department, for any provision and window', () => {
    fc.assert(
      fc.property(
        catalogue,
        day,
        fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
        fc.integer({ min: 1, max: 10 }),
        day,
        fc.integer({ min: 1, max: 800 }),
        (versions, startsOn, length, quantity, from, span) => {
          const provision = {
            citizenId: 'c',
            typeCode: 'T',
            quantity,
            startsOn,
            endsOn: length === null ? null : addDays(startsOn, length),
          };
          const window = { from, until: addDays(from, span) };
          const byMonth = new Map<string, number>();
          for (const e of costOfProvision(provision, versions, window).entries)
            byMonth.set(e.departmentId, (byMonth.get(e.departmentId) ?? 0) + e.amountOre);
          const direct = new Map<string, number>();
          for (const e of costByPayer(provision, versions, window))
            direct.set(e.departmentId, (direct.get(e.departmentId) ?? 0) + e.amountOre);
          const nonZero = (m: Map<string, number>) => [...m].filter(([, v]) => v !== 0).sort();
          expect(nonZero(direct)).toEqual(nonZero(byMonth));
        },
      ),
      { numRuns: 300 },
    );
  });
});
