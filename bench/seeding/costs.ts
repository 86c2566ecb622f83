import type Database from 'better-sqlite3';
import type { DepartmentKind } from '../../api/src/db/schema/index.js';
import { archetypeLine, priceVersion, provision } from '../../api/src/db/schema/index.js';
import { demoPriceList, type ListedPrice } from '../../api/src/db/seed/price-list.js';
import type { seededRandom } from '../../api/src/db/seed/random.js';
import type { Person } from './people.js';
import { rowWriter } from './writer.js';

const DAY = 86_400_000;
type Random = ReturnType<typeof seededRandom>;

/**
 * The bench municipality's price catalogue: the demo's (api/src/db/seed/price-list.ts) but for
 * its education guidance, which no bench track gives, and three more kinds of help.
 */
const catalogue: readonly ListedPrice[] = [
  ...demoPriceList.filter((p) => p.typeCode !== 'EDU-GUIDANCE'),
  {
    typeCode: 'PSYCHOLOGIST',
    name: 'Psykologsamtaler',
    kind: 'INTERVENTION',
    unit: 'HOUR',
    priceOre: 95_000,
    payer: 'HEALTH',
    legalBasis: 'SUL § 119',
  },
  {
    typeCode: 'SPECIAL-SCHOOL',
    name: 'Specialundervisning',
    kind: 'INTERVENTION',
    unit: 'MONTH',
    priceOre: 2_400_000,
    payer: 'EDUCATION',
    legalBasis: 'FSL § 20',
  },
  {
    typeCode: 'HOUSING-SUPPORT',
    name: 'Boligstøtte',
    kind: 'BENEFIT',
    unit: 'MONTH',
    priceOre: 350_000,
    payer: 'OTHER',
    legalBasis: 'Boligstøtteloven',
  },
];

/** What a contact with a department usually brings: the help, and how much of it a week/month. */
const helpOf: Record<DepartmentKind, { typeCode: string; quantity: [number, number] }[]> = {
  EMPLOYMENT: [
    { typeCode: 'CASH-BENEFIT', quantity: [1, 1] },
    { typeCode: 'JOB-MENTOR', quantity: [1, 4] },
  ],
  ADULT_SOCIAL: [{ typeCode: 'SEL85-SUPPORT', quantity: [2, 8] }],
  CHILDREN_FAMILY: [
    { typeCode: 'FAMILY-SUPPORT', quantity: [1, 1] },
    { typeCode: 'FOSTER-CARE', quantity: [1, 1] },
  ],
  HEALTH: [{ typeCode: 'PSYCHOLOGIST', quantity: [1, 2] }],
  EDUCATION: [{ typeCode: 'SPECIAL-SCHOOL', quantity: [1, 1] }],
  OTHER: [{ typeCode: 'HOUSING-SUPPORT', quantity: [1, 1] }],
};

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Costs for the economy figures (docs/economy.md): a catalogue valid from four years back with
 * one price change a year ago, and per contact the help its department gives, starting up to a
 * year and a half before the contact (so most plans have a baseline year) and ending some time
 * after it or running on; foster care is rarer and shorter. Archetype baskets per target group.
 */
export function writeCosts(
  sqlite: Database.Database,
  rnd: Random,
  org: {
    municipalityId: string;
    departmentIds: Map<DepartmentKind, string>;
    targetGroupIds: Map<string, string>;
  },
  people: readonly Person[],
  until: number,
): number {
  const writePrice = rowWriter(sqlite, priceVersion);
  const writeProvision = rowWriter(sqlite, provision);
  const writeLine = rowWriter(sqlite, archetypeLine);
  const changed = isoDate(until - 365 * DAY);
  const dayBefore = isoDate(until - 366 * DAY);
  let written = 0;
  sqlite.transaction(() => {
    for (const c of catalogue) {
      const departmentId = org.departmentIds.get(c.payer) ?? '';
      const base = {
        municipalityId: org.municipalityId,
        typeCode: c.typeCode,
        name: c.name,
        kind: c.kind,
        unit: c.unit,
        departmentId,
        legalBasis: c.legalBasis,
      };
      writePrice({
        ...base,
        id: rnd.uuid(),
        priceOre: c.priceOre,
        validFrom: isoDate(until - 4 * 365 * DAY),
        validTo: dayBefore,
      });
      writePrice({
        ...base,
        id: rnd.uuid(),
        priceOre: Math.round(c.priceOre * 1.025),
        validFrom: changed,
        validTo: null,
      });
    }
    for (const [, targetGroupId] of org.targetGroupIds) {
      for (const typeCode of ['CASH-BENEFIT', 'SEL85-SUPPORT']) {
        writeLine({
          id: rnd.uuid(),
          municipalityId: org.municipalityId,
          targetGroupId,
          typeCode,
          quantity: 1,
        });
      }
    }
    for (const person of people) {
      for (const contact of person.contacts) {
        for (const help of helpOf[contact.kind]) {
          if (help.typeCode === 'FOSTER-CARE' && (person.role !== 'CHILD' || rnd.next() > 0.08)) continue;
          if (help.typeCode === 'FAMILY-SUPPORT' && person.role === 'SINGLE') continue;
          const starts = contact.start - rnd.int(30, 540) * DAY;
          const ends = rnd.next() < 0.4 ? null : Math.min(until, starts + rnd.int(60, 900) * DAY);
          writeProvision({
            id: rnd.uuid(),
            municipalityId: org.municipalityId,
            citizenId: person.id,
            planId: null,
            typeCode: help.typeCode,
            quantity: rnd.int(help.quantity[0], help.quantity[1]),
            startsOn: isoDate(starts),
            endsOn: ends === null ? null : isoDate(ends),
            createdAt: new Date(Math.min(until, starts)),
          });
          written++;
        }
      }
    }
  })();
  return written;
}
