import type { DepartmentKind, FamilyMemberRole } from '../../api/src/db/schema/index.js';
import type { seededRandom } from '../../api/src/db/seed/random.js';
import { pickTrend, type Trend } from './series.js';

type Random = ReturnType<typeof seededRandom>;

const DAY = 86_400_000;

/** Target groups of the benchmark municipality, by key (the statistics filter uses keys). */
export const benchTargetGroups = [
  { key: 'family-child-case-parent-benefits', name: 'Familie med børnesag og forælder på ydelse' },
  { key: 'vulnerable-young-17-25', name: 'Udsatte unge 17–25' },
  { key: 'complex-adult', name: 'Voksne med komplekse sager' },
  { key: 'long-term-unemployed', name: 'Langtidsledige' },
  { key: 'child-school-absence', name: 'Børn med højt skolefravær' },
  { key: 'mental-health', name: 'Psykisk sårbare' },
] as const;
export type TargetGroupKey = (typeof benchTargetGroups)[number]['key'];

/** A series of sessions one citizen has with one department. */
export interface Contact {
  kind: DepartmentKind;
  professionalIndex: number;
  start: number;
  sessions: number;
  gapDays: number;
  trend: Trend;
}

export interface Person {
  id: string;
  name: string;
  birthYear: number;
  role: FamilyMemberRole | 'SINGLE';
  familyIndex: number | null;
  groups: TargetGroupKey[];
  contacts: Contact[];
}

export interface Household {
  id: string;
  name: string;
  members: Person[];
}

const firstNames = [
  'Anna',
  'Mikkel',
  'Freja',
  'Karim',
  'Laila',
  'Emil',
  'Birgitte',
  'Sofie',
  'Jonas',
  'Ida',
  'Ahmed',
  'Maja',
  'Lucas',
  'Clara',
  'Noah',
  'Ella',
  'Oliver',
  'Alma',
  'William',
  'Agnes',
  'Yasmin',
  'Malthe',
];
const surnames = [
  'Sørensen',
  'Haddad',
  'Nørgaard',
  'Olsen',
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Larsen',
  'Andersen',
  'Christensen',
  'Rasmussen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Yilmaz',
  'Holm',
];

/** Which departments a person of each kind tends to meet, with the chance of each. */
const contactOdds: Record<Person['role'], [DepartmentKind, number][]> = {
  PARENT: [
    ['EMPLOYMENT', 0.6],
    ['ADULT_SOCIAL', 0.35],
    ['HEALTH', 0.2],
  ],
  OTHER_ADULT: [['ADULT_SOCIAL', 0.5]],
  CHILD: [
    ['CHILDREN_FAMILY', 0.75],
    ['EDUCATION', 0.35],
    ['HEALTH', 0.1],
  ],
  SINGLE: [
    ['EMPLOYMENT', 0.45],
    ['ADULT_SOCIAL', 0.4],
    ['EDUCATION', 0.25],
    ['HEALTH', 0.15],
    ['OTHER', 0.1],
  ],
};

/**
 * The people of the benchmark municipality, in memory: families with parents and children,
 * single adults and young people, their target groups and the departments they meet.
 */
export function planPeople(
  rnd: Random,
  options: {
    citizens: number;
    families: number;
    until: number;
    professionalsByKind: Map<DepartmentKind, number>;
  },
): { households: Household[]; people: Person[] } {
  const people: Person[] = [];
  const households: Household[] = [];
  const surname = () => rnd.pick(surnames);
  const add = (role: Person['role'], familyIndex: number | null, family: string) => {
    const age = role === 'CHILD' ? rnd.int(6, 17) : role === 'SINGLE' ? rnd.int(17, 64) : rnd.int(24, 58);
    const person: Person = {
      id: rnd.uuid(),
      name: `${rnd.pick(firstNames)} ${family}`,
      birthYear: new Date(options.until).getUTCFullYear() - age,
      role,
      familyIndex,
      groups: [],
      contacts: [],
    };
    person.groups = targetGroupsOf(rnd, person, age);
    person.contacts = contactsOf(rnd, person, options);
    people.push(person);
    return person;
  };
  for (let f = 0; f < options.families && people.length < options.citizens - 1; f++) {
    const family = surname();
    const members: Person[] = [];
    const parents = rnd.next() < 0.3 ? 2 : 1;
    const children = rnd.next() < 0.45 ? 2 : 1;
    for (let i = 0; i < parents; i++) members.push(add('PARENT', f, family));
    for (let i = 0; i < children && people.length < options.citizens; i++)
      members.push(add('CHILD', f, family));
    households.push({ id: rnd.uuid(), name: `Familien ${family}`, members });
  }
  while (people.length < options.citizens) add('SINGLE', null, surname());
  return { households, people };
}

function targetGroupsOf(rnd: Random, person: Person, age: number): TargetGroupKey[] {
  const groups = new Set<TargetGroupKey>();
  if (person.role === 'PARENT' || person.role === 'CHILD') groups.add('family-child-case-parent-benefits');
  if (person.role === 'CHILD' && rnd.next() < 0.3) groups.add('child-school-absence');
  if (age >= 17 && age <= 25) groups.add('vulnerable-young-17-25');
  if (person.role !== 'CHILD' && rnd.next() < 0.3) groups.add('long-term-unemployed');
  if (person.role === 'SINGLE' && rnd.next() < 0.4) groups.add('complex-adult');
  if (rnd.next() < 0.2) groups.add('mental-health');
  if (groups.size === 0) groups.add('complex-adult');
  return [...groups];
}

function contactsOf(
  rnd: Random,
  person: Person,
  options: { until: number; professionalsByKind: Map<DepartmentKind, number> },
): Contact[] {
  const odds = contactOdds[person.role];
  let kinds = odds.filter(([, p]) => rnd.next() < p).map(([kind]) => kind);
  if (kinds.length === 0) kinds = [rnd.pick(odds)[0]];
  return kinds.slice(0, 2).map((kind) => {
    const sessions = rnd.int(10, 20);
    const gapDays = rnd.int(7, 21);
    const span = sessions * gapDays + rnd.int(0, 420);
    return {
      kind,
      professionalIndex: rnd.int(0, (options.professionalsByKind.get(kind) ?? 1) - 1),
      start: options.until - span * DAY,
      sessions,
      gapDays,
      trend: pickTrend(rnd),
    };
  });
}
