import type Database from 'better-sqlite3';
import type { DepartmentKind } from '../../api/src/db/schema/index.js';
import { archetypeLine, priceVersion, provision } from '../../api/src/db/schema/index.js';
import type { seededRandom } from '../../api/src/db/seed/random.js';
import type { Person } from './people.js';
import { rowWriter } from './writer.js';

const DAY = 86_400_000;
type Random = ReturnType<typeof seededRandom>;

/** The bench municipality's price catalogue: who pays what, in øre per unit (fictional prices). */
const catalogue: {
  typeCode: string;
  name: string;
  kind: 'INTERVENTION' | 'BENEFIT';
  unit: 'HOUR' | 'WEEK' | 'MONTH' | 'PLACEMENT_DAY';
  priceOre: number;
  payer: DepartmentKind;
  legalBasis: string;
}[] = [
  {
    typeCode: 'CASH-BENEFIT',
    name: 'Kontanthjælp',
    kind: 'BENEFIT',
    unit: 'MONTH',
    priceOre: 1_230_000,
    payer: 'EMPLOYMENT',
    legalBasis: 'Aktivloven § 25',
  },
  {
    typeCode: 'JOB-MENTOR',
    name: 'Mentor',
    kind: 'INTERVENTION',
    unit: 'HOUR',
    priceOre: 45_000,
    payer: 'EMPLOYMENT',
    legalBasis: 'LAB § 31 b',
  },
  {
    typeCode: 'SEL85-SUPPORT',
    name: 'Socialpædagogisk støtte',
    kind: 'INTERVENTION',
    unit: 'HOUR',
    priceOre: 50_000,
    payer: 'ADULT_SOCIAL',
    legalBasis: 'SEL § 85',
  },
  {
    typeCode: 'FAMILY-SUPPORT',
    name: 'Familiebehandling',
    kind: 'INTERVENTION',
    unit: 'WEEK',
    priceOre: 300_000,
    payer: 'CHILDREN_FAMILY',
    legalBasis: 'Barnets lov § 32',
  },
  {
    typeCode: 'FOSTER-CARE',
    name: 'Plejefamilie',
    kind: 'INTERVENTION',
    unit: 'PLACEMENT_DAY',
    priceOre: 150_000,
    payer: 'CHILDREN_FAMILY',
    legalBasis: 'Barnets lov § 43',
  },
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
