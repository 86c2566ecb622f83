import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kind, parse, print } from 'graphql';
import { repoRoot } from './paths.js';
import type { WatchedPlan } from './streams.js';

/** What the scenarios pick from: who exists, who has data where, and the data's time span. */
export interface Fixtures {
  municipalityId: string;
  departments: { id: string; kind: string; professionalId: string }[];
  /** A citizen and a department that has recorded measurements for them. */
  contacts: { citizenId: string; departmentId: string }[];
  planIds: string[];
  /** The department whose caseload is closest to 2,000 citizens (cases), and its size. */
  caseloadDepartment: { departmentId: string; citizens: number };
  /** Open plans with an active 0–10 goal and the departments with a case with their citizens. */
  watchablePlans: WatchedPlan[];
  from: string;
  to: string;
}

/** Reads the seeded benchmark file once, before any server opens it. */
export function readFixtures(file: string): Fixtures {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const mun = sqlite.prepare("SELECT id FROM municipality WHERE code = 'bench'").get() as
      | { id: string }
      | undefined;
    if (!mun) throw new Error(`${file} holds no benchmark municipality: run npm run seed:bench first.`);
    const departments = sqlite
      .prepare(`SELECT d.id, d.kind, (SELECT p.id FROM professional p WHERE p.department_id = d.id ORDER BY p.rowid LIMIT 1) AS professionalId
                FROM department d WHERE d.municipality_id = ? ORDER BY d.rowid`)
      .all(mun.id) as Fixtures['departments'];
    const contacts = sqlite
      .prepare(
        'SELECT DISTINCT citizen_id AS citizenId, department_id AS departmentId FROM measurement WHERE municipality_id = ?',
      )
      .all(mun.id) as Fixtures['contacts'];
    const planIds = (
      sqlite.prepare('SELECT id FROM plan WHERE municipality_id = ?').all(mun.id) as { id: string }[]
    ).map((p) => p.id);
    const largest = sqlite
      .prepare(
        `SELECT department_id AS departmentId, count(*) AS citizens FROM citizen_department
         WHERE municipality_id = ? GROUP BY department_id ORDER BY abs(count(*) - 2000) LIMIT 1`,
      )
      .get(mun.id) as Fixtures['caseloadDepartment'] | undefined;
    const span = sqlite
      .prepare(
        'SELECT min(occurred_at) AS first, max(occurred_at) AS last FROM measurement WHERE municipality_id = ?',
      )
      .get(mun.id) as { first: number; last: number };
    // In the seeded order, so every run watches the same plans.
    const watchablePlans = (
      sqlite
        .prepare(
          `WITH members AS (
             SELECT id AS plan_id, citizen_id FROM plan WHERE citizen_id IS NOT NULL
             UNION ALL
             SELECT p.id, fm.citizen_id FROM plan p JOIN family_member fm ON fm.family_id = p.family_id)
           SELECT p.id AS planId,
             (SELECT g.id FROM goal g WHERE g.plan_id = p.id AND g.status = 'ACTIVE'
                AND g.instrument_key = 'goal-scale' ORDER BY g.rowid LIMIT 1) AS goalId,
             group_concat(DISTINCT cd.department_id) AS departments
           FROM plan p
           JOIN members m ON m.plan_id = p.id
           JOIN citizen_department cd ON cd.citizen_id = m.citizen_id
           WHERE p.municipality_id = ? AND p.closed_at IS NULL
           GROUP BY p.id HAVING goalId IS NOT NULL ORDER BY p.rowid LIMIT 100`,
        )
        .all(mun.id) as { planId: string; goalId: string; departments: string }[]
    ).map((p) => ({ planId: p.planId, goalId: p.goalId, departmentIds: p.departments.split(',').sort() }));
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    return {
      municipalityId: mun.id,
      departments,
      contacts,
      planIds,
      caseloadDepartment: largest ?? { departmentId: departments[0]?.id ?? '', citizens: 0 },
      watchablePlans,
      from: day(span.first),
      to: day(span.last),
    };
  } finally {
    sqlite.close();
  }
}

/** One named operation of the public contract (tests/contract/operations.graphql), as sent. */
export function contractOperation(name: string): string {
  const document = parse(readFileSync(resolve(repoRoot, 'tests/contract/operations.graphql'), 'utf8'));
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!operation) throw new Error(`The contract has no operation ${name}.`);
  return print(operation);
}
