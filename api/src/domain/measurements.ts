import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import {
  assertActsFor,
  authorizeCitizenRead,
  authorizeCitizenWriteAuditedByWrite,
  authorizeOwnAnswer,
  isPerson,
} from '../access/policy.js';
import type { Db } from '../db/client.js';
import { insertPlaceholders, insertValues, prepared } from '../db/prepared.js';
import type { AnswerChannel, Measurement, RespondentRole } from '../db/schema/index.js';
import { department, measurement } from '../db/tables.js';
import { badInput, conflict, notFound } from './errors.js';
import type { InstrumentCatalog } from './instrument-catalog.js';
import { ScoringInputError, scoreMeasurement } from './scoring/index.js';
import { enteredToTenths } from './tenths.js';

export interface NewMeasurement {
  idempotencyKey: string;
  citizenId: string;
  departmentId: string;
  instrumentKey: string;
  respondentRole: RespondentRole;
  occurredAt: Date;
  session?: number | null | undefined;
  values: number[];
  /** The measurement this one corrects; the corrected one stays stored but leaves the series. */
  supersedesId?: string | null | undefined;
  /** Set by the invitation path only; otherwise SESSION for staff and SELF for the family. */
  channel?: 'INVITATION' | undefined;
}

/** What a family member answers on their own; the session instrument needs the professional. */
const answerableBetweenSessions: ReadonlySet<string> = new Set(['OUTCOME', 'GOAL']);

/**
 * Scores and stores one completed instrument. Re-sending the same idempotency key with the same
 * content returns the stored measurement and writes nothing, so an offline queue may retry
 * freely. Keys belong to the writing department: another department's key is simply a new key,
 * and a key reused with different content is CONFLICT, revealing nothing of the first request.
 */
export async function recordMeasurement(
  db: Db,
  actor: Actor,
  catalog: InstrumentCatalog,
  input: NewMeasurement,
  now: Date,
): Promise<Measurement> {
  const person = isPerson(actor);
  if (!person) assertActsFor(actor, input.departmentId);
  const existing = await findByIdempotencyKey(
    db,
    actor.municipalityId,
    input.departmentId,
    input.idempotencyKey,
  );
  if (existing) {
    sameRequestOrConflict(existing, input);
    await authorizeCitizenRead(db, actor, existing.citizenId, 'recordMeasurement:replay');
    return existing;
  }
  const definition = catalog.get(actor.municipalityId, input.instrumentKey);
  if (!definition) throw badInput(`Unknown instrument "${input.instrumentKey}".`, 'instrumentKey');
  if (person) assertAnswerableBetweenSessions(definition.kind, input);
  const dept = await departmentInMunicipality(db, actor.municipalityId, input.departmentId);
  if (!dept) throw badInput('Unknown department.', 'departmentId');
  const tenths = input.values.map((v, i) => enteredToTenths(v, `values[${i}]`));
  let total: number;
  try {
    total = scoreMeasurement(definition, tenths).total;
  } catch (error) {
    if (error instanceof ScoringInputError) throw badInput(error.message, 'values');
    throw error;
  }
  if (person) await authorizeOwnAnswer(db, actor, input, 'recordMeasurement');
  // The ALLOWED event is the one the transaction below records (one commit per measurement).
  else await authorizeCitizenWriteAuditedByWrite(db, actor, input.citizenId, 'recordMeasurement');
  const channel: AnswerChannel = input.channel ?? (person ? 'SELF' : 'SESSION');
  return db.transaction(async (tx) => {
    if (input.supersedesId) await assertCorrectable(tx, actor, input);
    const row = await insertMeasurement(tx, {
      municipalityId: actor.municipalityId,
      citizenId: input.citizenId,
      departmentId: input.departmentId,
      instrumentKey: definition.key,
      instrumentVersion: definition.version,
      respondentRole: input.respondentRole,
      session: input.session ?? null,
      occurredAt: input.occurredAt,
      recordedAt: now,
      total,
      itemValues: tenths,
      idempotencyKey: input.idempotencyKey,
      supersedesId: input.supersedesId ?? null,
      recordedBy: actor.subject,
      channel,
    });
    // A concurrent request with the same key won the race: answer with its row.
    if (!row) {
      const winner = await findByIdempotencyKey(
        tx,
        actor.municipalityId,
        input.departmentId,
        input.idempotencyKey,
      );
      if (!winner) throw notFound('Measurement');
      const same = sameRequestOrConflict(winner, input);
      await recordAudit(
        tx,
        actor,
        { citizenId: input.citizenId, action: 'recordMeasurement:replay', outcome: 'ALLOWED' },
        now,
      );
      return same;
    }
    await recordAudit(
      tx,
      actor,
      { citizenId: input.citizenId, action: 'recordMeasurement', outcome: 'ALLOWED' },
      now,
    );
    return row;
  });
}

/** docs/family.md: the family answers outcome and goal scales on their own, never a session. */
function assertAnswerableBetweenSessions(kind: string, input: NewMeasurement): void {
  if (!answerableBetweenSessions.has(kind)) {
    throw badInput('This instrument is answered in a session with a professional.', 'instrumentKey');
  }
  if (input.session !== null && input.session !== undefined) {
    throw badInput('An answer given between sessions has no session number.', 'session');
  }
  if (input.supersedesId) {
    throw badInput('Ask the professional to correct an answer; answer again instead.', 'supersedesId');
  }
}

async function findByIdempotencyKey(
  db: Db,
  municipalityId: string,
  departmentId: string,
  key: string,
): Promise<Measurement | undefined> {
  const query = prepared(db, 'measurement-by-idempotency-key', (on) =>
    on
      .select()
      .from(measurement)
      .where(
        and(
          eq(measurement.municipalityId, sql.placeholder('municipalityId')),
          eq(measurement.departmentId, sql.placeholder('departmentId')),
          eq(measurement.idempotencyKey, sql.placeholder('key')),
        ),
      )
      .prepare(),
  );
  return (await query.execute({ municipalityId, departmentId, key }))[0];
}

/** The department, if it is one of the municipality's. */
async function departmentInMunicipality(db: Db, municipalityId: string, departmentId: string) {
  const query = prepared(db, 'department-in-municipality', (on) =>
    on
      .select({ id: department.id })
      .from(department)
      .where(
        and(
          eq(department.id, sql.placeholder('departmentId')),
          eq(department.municipalityId, sql.placeholder('municipalityId')),
        ),
      )
      .prepare(),
  );
  return (await query.execute({ municipalityId, departmentId }))[0];
}

/** Inserts a measurement unless its idempotency key is taken; answers the row, or none. */
async function insertMeasurement(
  tx: Db,
  row: typeof measurement.$inferInsert,
): Promise<Measurement | undefined> {
  const query = prepared(tx, 'insert-measurement', (on) =>
    on
      .insert(measurement)
      .values(insertPlaceholders(MEASUREMENT_COLUMNS))
      .onConflictDoNothing({
        target: [measurement.municipalityId, measurement.departmentId, measurement.idempotencyKey],
      })
      .returning()
      .prepare(),
  );
  return (await query.execute(insertValues(MEASUREMENT_COLUMNS, { ...row, id: crypto.randomUUID() })))[0];
}

/** The columns a new measurement is given, the id among them (db/prepared.ts). */
const MEASUREMENT_COLUMNS = [
  'id',
  'municipalityId',
  'citizenId',
  'departmentId',
  'instrumentKey',
  'instrumentVersion',
  'respondentRole',
  'session',
  'occurredAt',
  'recordedAt',
  'total',
  'itemValues',
  'idempotencyKey',
  'supersedesId',
  'recordedBy',
  'channel',
] as const satisfies readonly (keyof typeof measurement.$inferInsert)[];

/** A replay is the same request in every field; anything else reuses the key and is refused. */
function sameRequestOrConflict(existing: Measurement, input: NewMeasurement): Measurement {
  const values = (() => {
    try {
      return input.values.map((v, i) => enteredToTenths(v, `values[${i}]`));
    } catch {
      return null;
    }
  })();
  const same =
    existing.citizenId === input.citizenId &&
    existing.departmentId === input.departmentId &&
    existing.instrumentKey === input.instrumentKey &&
    existing.respondentRole === input.respondentRole &&
    existing.occurredAt.getTime() === input.occurredAt.getTime() &&
    (existing.session ?? null) === (input.session ?? null) &&
    (existing.supersedesId ?? null) === (input.supersedesId ?? null) &&
    values !== null &&
    values.length === existing.itemValues.length &&
    values.every((v, i) => v === existing.itemValues[i]);
  // Says nothing about the stored request: not whose, not which citizen, not which values.
  if (!same) throw conflict('This idempotency key was already used for a different request.');
  return existing;
}

/**
 * A correction names a measurement of the same series (citizen, department, instrument,
 * respondent) that nothing has corrected yet: measurements are append-only, so a chain of
 * corrections always corrects its latest link.
 */
async function assertCorrectable(db: Db, actor: Actor, input: NewMeasurement): Promise<void> {
  const original = (
    await db
      .select()
      .from(measurement)
      .where(
        and(
          eq(measurement.id, input.supersedesId ?? ''),
          eq(measurement.municipalityId, actor.municipalityId),
          eq(measurement.citizenId, input.citizenId),
        ),
      )
  )[0];
  if (!original) throw badInput('supersedesId names no measurement of this citizen.', 'supersedesId');
  const sameSeries =
    original.departmentId === input.departmentId &&
    original.instrumentKey === input.instrumentKey &&
    original.respondentRole === input.respondentRole;
  if (!sameSeries) {
    throw badInput(
      'A correction must keep the department, instrument and respondent of the original.',
      'supersedesId',
    );
  }
  const later = (
    await db
      .select({ id: measurement.id })
      .from(measurement)
      .where(
        and(eq(measurement.municipalityId, actor.municipalityId), eq(measurement.supersedesId, original.id)),
      )
  )[0];
  if (later)
    throw conflict(`That measurement was already corrected by ${later.id}; correct that one instead.`);
}
