import type Database from 'better-sqlite3';
import type { DepartmentKind } from '../../api/src/db/schema/index.js';
import type { seededRandom } from '../../api/src/db/seed/random.js';
import { measurement } from '../../api/src/db/tables.js';
import { builtInInstruments, type InstrumentDefinition } from '../../api/src/domain/instruments/index.js';
import { scoreMeasurement } from '../../api/src/domain/scoring/index.js';
import type { Contact, Person } from './people.js';
import type { BenchProgress, Organisation } from './seed-bench.js';
import { outcomeTotals, sessionTotals, splitTotal } from './series.js';
import { rowWriter } from './writer.js';

type Random = ReturnType<typeof seededRandom>;

const DAY = 86_400_000;

const instrumentsByKey = new Map(builtInInstruments.map((d) => [d.key, d]));
const instrument = (key: string): InstrumentDefinition => {
  const def = instrumentsByKey.get(key);
  if (!def) throw new Error(`Built-in instrument "${key}" is missing.`);
  return def;
};

export function writeMeasurements(
  sqlite: Database.Database,
  rnd: Random,
  org: Organisation,
  people: Person[],
  interventions: Map<string, Map<DepartmentKind, string>>,
  report: (p: BenchProgress) => void,
): void {
  const write = rowWriter(sqlite, measurement);
  for (let from = 0; from < people.length; from += 100) {
    sqlite.transaction(() => {
      for (const person of people.slice(from, from + 100)) {
        for (const contact of person.contacts) {
          writeSeries(
            rnd,
            org,
            person,
            contact,
            interventions.get(person.id)?.get(contact.kind) ?? null,
            write,
          );
        }
      }
    })();
    report({ phase: 'measurements', done: Math.min(people.length, from + 100), total: people.length });
  }
}

/** One contact's sessions: an outcome rating at the start and an alliance rating at the end of each. */
function writeSeries(
  rnd: Random,
  org: Organisation,
  person: Person,
  contact: Contact,
  interventionId: string | null,
  write: ReturnType<typeof rowWriter<typeof measurement>>,
): void {
  const child = new Date(contact.start).getUTCFullYear() - person.birthYear < 13;
  const outcomeDef = instrument(child ? 'child-outcome' : 'outcome');
  const sessionDef = instrument(child ? 'child-session' : 'session');
  const outcomes = outcomeTotals(rnd, contact.sessions, contact.trend);
  const alliances = sessionTotals(rnd, contact.sessions);
  const professionalId = org.professionalIds.get(contact.kind)?.[contact.professionalIndex] ?? null;
  for (let i = 0; i < contact.sessions; i++) {
    const at = contact.start + i * contact.gapDays * DAY + rnd.int(8, 15) * 3_600_000;
    for (const [def, total, offset] of [
      [outcomeDef, outcomes[i] ?? 0, 0],
      [sessionDef, alliances[i] ?? 0, 50 * 60_000],
    ] as const) {
      const items = splitTotal(rnd, total, def.items.length);
      const id = rnd.uuid();
      write({
        id,
        municipalityId: org.municipalityId,
        citizenId: person.id,
        departmentId: org.departmentIds.get(contact.kind) ?? '',
        interventionId,
        professionalId,
        instrumentKey: def.key,
        instrumentVersion: def.version,
        respondentRole: person.role === 'CHILD' ? 'CHILD' : 'CITIZEN',
        session: i + 1,
        occurredAt: new Date(at + offset),
        recordedAt: new Date(at + offset + 60_000),
        total: scoreMeasurement(def, items).total,
        itemValues: items,
        idempotencyKey: `bench-${id}`,
        recordedBy: 'seed:bench',
      });
    }
  }
}
