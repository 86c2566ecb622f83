import type Database from 'better-sqlite3';
import { type Db, sqliteOf } from '../../api/src/db/client.js';
import { type DepartmentKind, departmentKinds } from '../../api/src/db/schema/index.js';
import { seededRandom } from '../../api/src/db/seed/random.js';
import { tablesParentsFirst } from '../../api/src/db/table-order.js';
import {
  citizen,
  citizenTargetGroup,
  consent,
  department,
  family,
  familyMember,
  municipality,
  professional,
  targetGroup,
} from '../../api/src/db/tables.js';
import { writeCosts } from './costs.js';
import { writeMeasurements } from './measurements.js';
import { benchTargetGroups, type Household, type Person, planPeople } from './people.js';
import { type PlanContext, planWriters, writePlan } from './plans.js';
import { rowWriter } from './writer.js';

export const BENCH_MUNICIPALITY_CODE = 'bench';
/** Data ends here unless told otherwise, so the same seed gives the same file on any day. */
export const BENCH_DEFAULT_UNTIL = new Date('2026-11-01T00:00:00Z');

export interface BenchProgress {
  phase: 'organisation' | 'citizens' | 'plans' | 'measurements' | 'consents' | 'costs';
  done: number;
  total: number;
}

export interface BenchDataOptions {
  seed: number;
  /** 5,000 unless given; the rest scales with it. */
  citizens?: number;
  /** Households with parents and children; 30 % of the citizen count unless given. */
  families?: number;
  professionals?: number;
  until?: Date;
  onProgress?: (progress: BenchProgress) => void;
}

export interface BenchDataSummary {
  municipalityId: string;
  counts: Record<string, number>;
}

const DAY = 86_400_000;
const departmentNames: Record<DepartmentKind, string> = {
  EMPLOYMENT: 'Jobcenter',
  CHILDREN_FAMILY: 'Børn og Familie',
  ADULT_SOCIAL: 'Voksenområdet',
  HEALTH: 'Sundhed og Forebyggelse',
  EDUCATION: 'Skole og Uddannelse',
  OTHER: 'Borgerservice',
};
/** Share of the professionals in each department. */
const staffShare: Record<DepartmentKind, number> = {
  EMPLOYMENT: 0.23,
  CHILDREN_FAMILY: 0.27,
  ADULT_SOCIAL: 0.2,
  HEALTH: 0.13,
  EDUCATION: 0.12,
  OTHER: 0.05,
};

/**
 * Fills an empty, migrated database with one large fictional municipality for benchmarks:
 * citizens in target groups, families, plans with goals and interventions, dialogue meetings
 * with goal ratings, consents, and FIT-style outcome and session series (about 200,000
 * measurements at the default 5,000 citizens). Deterministic from the seed. Rows go in through
 * prepared statements, one transaction per batch.
 */
export function seedBench(db: Db, options: BenchDataOptions): BenchDataSummary {
  const sqlite = sqliteOf(db);
  if ((sqlite.prepare('SELECT count(*) AS n FROM municipality').get() as { n: number }).n > 0) {
    throw new Error('seedBench needs an empty database.');
  }
  const citizens = options.citizens ?? 5000;
  const until = (options.until ?? BENCH_DEFAULT_UNTIL).getTime();
  const rnd = seededRandom(options.seed);
  const report = options.onProgress ?? (() => {});
  const org = writeOrganisation(
    sqlite,
    rnd,
    options.professionals ?? Math.max(6, Math.round(citizens * 0.06)),
    until,
  );
  report({ phase: 'organisation', done: 1, total: 1 });
  const { households, people } = planPeople(rnd, {
    citizens,
    families: options.families ?? Math.round(citizens * 0.3),
    until,
    professionalsByKind: new Map([...org.professionalIds].map(([k, ids]) => [k, ids.length])),
  });
  writeCitizens(sqlite, org.municipalityId, org.targetGroupIds, households, people, until, report);
  const interventions = writePlans(sqlite, rnd, org, until, households, people, report);
  writeMeasurements(sqlite, rnd, org, people, interventions, report);
  writeConsents(sqlite, rnd, org, people, until, report);
  writeCosts(sqlite, rnd, org, people, until);
  report({ phase: 'costs', done: 1, total: 1 });
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const counts: Record<string, number> = {};
  // The copied tables and the costs: what the data set fills.
  for (const name of [...tablesParentsFirst, 'price_version', 'provision', 'archetype_line']) {
    counts[name] = (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  return { municipalityId: org.municipalityId, counts };
}

type Random = ReturnType<typeof seededRandom>;

export interface Organisation {
  municipalityId: string;
  departmentIds: Map<DepartmentKind, string>;
  professionalIds: Map<DepartmentKind, string[]>;
  targetGroupIds: Map<string, string>;
}

function writeOrganisation(
  sqlite: Database.Database,
  rnd: Random,
  professionals: number,
  until: number,
): Organisation {
  const org: Organisation = {
    municipalityId: rnd.uuid(),
    departmentIds: new Map(),
    professionalIds: new Map(),
    targetGroupIds: new Map(),
  };
  const createdAt = new Date(until - 3 * 365 * DAY);
  sqlite.transaction(() => {
    rowWriter(
      sqlite,
      municipality,
    )({ id: org.municipalityId, name: 'Storkøbing Kommune', code: BENCH_MUNICIPALITY_CODE, createdAt });
    const writeDepartment = rowWriter(sqlite, department);
    const writeProfessional = rowWriter(sqlite, professional);
    for (const kind of departmentKinds) {
      const id = rnd.uuid();
      writeDepartment({ id, municipalityId: org.municipalityId, kind, name: departmentNames[kind] });
      org.departmentIds.set(kind, id);
      const ids: string[] = [];
      for (let i = 0; i < Math.max(1, Math.round(professionals * staffShare[kind])); i++) {
        const pid = rnd.uuid();
        writeProfessional({
          id: pid,
          municipalityId: org.municipalityId,
          departmentId: id,
          displayName: `Medarbejder ${kind.slice(0, 3)}-${i + 1}`,
          title:
            kind === 'EMPLOYMENT' ? 'Mentor' : kind === 'CHILDREN_FAMILY' ? 'Familiebehandler' : 'Rådgiver',
        });
        ids.push(pid);
      }
      org.professionalIds.set(kind, ids);
    }
    const writeGroup = rowWriter(sqlite, targetGroup);
    for (const g of benchTargetGroups) {
      const id = rnd.uuid();
      writeGroup({ id, municipalityId: org.municipalityId, key: g.key, name: g.name });
      org.targetGroupIds.set(g.key, id);
    }
  })();
  return org;
}

function writeCitizens(
  sqlite: Database.Database,
  municipalityId: string,
  groups: Map<string, string>,
  households: Household[],
  people: Person[],
  until: number,
  report: (p: BenchProgress) => void,
): void {
  const writeCitizen = rowWriter(sqlite, citizen);
  const writeGroup = rowWriter(sqlite, citizenTargetGroup);
  const writeFamily = rowWriter(sqlite, family);
  const writeMember = rowWriter(sqlite, familyMember);
  sqlite.transaction(() => {
    people.forEach((p, i) => {
      const first = Math.min(until, ...p.contacts.map((c) => c.start));
      writeCitizen({
        id: p.id,
        municipalityId,
        displayName: p.name,
        birthYear: p.birthYear,
        createdAt: new Date(first - 7 * DAY),
      });
      for (const key of p.groups) writeGroup({ citizenId: p.id, targetGroupId: groups.get(key) ?? '' });
      if (i % 500 === 0) report({ phase: 'citizens', done: i, total: people.length });
    });
    for (const h of households) {
      writeFamily({ id: h.id, municipalityId, name: h.name, createdAt: new Date(until - 2 * 365 * DAY) });
      for (const p of h.members)
        writeMember({ familyId: h.id, citizenId: p.id, role: p.role === 'SINGLE' ? 'OTHER_ADULT' : p.role });
    }
  })();
  report({ phase: 'citizens', done: people.length, total: people.length });
}

/** Plans for every household and every single citizen; returns each person's intervention per department. */
function writePlans(
  sqlite: Database.Database,
  rnd: Random,
  org: Organisation,
  until: number,
  households: Household[],
  people: Person[],
  report: (p: BenchProgress) => void,
): Map<string, Map<DepartmentKind, string>> {
  const ctx: PlanContext = {
    rnd,
    municipalityId: org.municipalityId,
    until,
    departmentIds: org.departmentIds,
    professionalIds: org.professionalIds,
    write: planWriters(sqlite),
  };
  const all = [
    ...households.map((h) => ({ h, single: false })),
    ...people
      .filter((p) => p.role === 'SINGLE')
      .map((p) => ({ h: { id: p.id, name: p.name, members: [p] }, single: true })),
  ];
  const byPerson = new Map<string, Map<DepartmentKind, string>>();
  for (let from = 0; from < all.length; from += 250) {
    sqlite.transaction(() => {
      for (const { h, single } of all.slice(from, from + 250)) {
        const interventions = writePlan(ctx, h, single);
        for (const p of h.members) byPerson.set(p.id, interventions);
      }
    })();
    report({ phase: 'plans', done: Math.min(all.length, from + 250), total: all.length });
  }
  return byPerson;
}

/** Half of the citizens who meet two departments let one see what the other records. */
function writeConsents(
  sqlite: Database.Database,
  rnd: Random,
  org: Organisation,
  people: Person[],
  until: number,
  report: (p: BenchProgress) => void,
): void {
  const write = rowWriter(sqlite, consent);
  sqlite.transaction(() => {
    for (const person of people) {
      const [to, from] = person.contacts;
      if (!to || !from || rnd.next() >= 0.5) continue;
      const grantedAt = Math.max(to.start, from.start);
      const r = rnd.next();
      write({
        id: rnd.uuid(),
        municipalityId: org.municipalityId,
        citizenId: person.id,
        fromDepartmentId: org.departmentIds.get(from.kind) ?? '',
        toDepartmentId: org.departmentIds.get(to.kind) ?? '',
        purpose: 'Koordinering af fælles plan',
        grantedAt: new Date(grantedAt),
        grantedBy: 'seed:bench',
        validUntil: r < 0.1 ? new Date(grantedAt + 90 * DAY) : null,
        revokedAt: r > 0.9 ? new Date(Math.min(until, grantedAt + 60 * DAY)) : null,
      });
    }
  })();
  report({ phase: 'consents', done: 1, total: 1 });
}
