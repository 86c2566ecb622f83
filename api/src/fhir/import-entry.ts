import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { assertActsFor, authorizeCitizenRead } from '../access/policy.js';
import { type Measurement, type RespondentRole, respondentRoles } from '../db/schema/index.js';
import { measurement } from '../db/tables.js';
import { DomainError, notFound } from '../domain/errors.js';
import { pastInstant } from '../domain/inputs/commands.js';
import type { NewMeasurement } from '../domain/measurements.js';
import { ScoringInputError, scoreMeasurement } from '../domain/scoring/index.js';
import { enteredToTenths } from '../domain/tenths.js';
import type { ExportRequest } from './bundle.js';
import { extensions, questionnaireUrl } from './codes.js';
import { IMPORT_KEY_PREFIX, measurementFhirId } from './ids.js';
import { type createResolver, referenceSchema } from './references.js';

/** Stable codes of an entry's error: INVALID_RESOURCE for FHIR shape, the API's codes otherwise. */
export type ImportErrorCode = 'INVALID_RESOURCE' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';

/** Why one entry cannot be imported; `path` is FHIRPath-like inside the resource. */
export class EntryError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const answer = z.object({ valueDecimal: z.number().optional(), valueInteger: z.number().int().optional() });
/** The R4 QuestionnaireResponse fields an import reads; other fields are allowed and ignored. */
const responseSchema = z.object({
  resourceType: z.literal('QuestionnaireResponse'),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id: 1–64 letters, digits, "-" or "."'),
  status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
  questionnaire: z.string().max(300),
  subject: referenceSchema,
  authored: z.string(),
  author: referenceSchema.optional(),
  source: referenceSchema.optional(),
  extension: z
    .array(
      z.object({ url: z.string(), valueCode: z.string().optional(), valueInteger: z.number().optional() }),
    )
    .optional(),
  item: z.array(
    z.object({ linkId: z.string(), answer: z.array(answer).length(1, 'needs exactly one answer') }),
  ),
});
type Response = z.infer<typeof responseSchema>;

/** What an entry becomes: nothing (not part of a series), already stored, or a new measurement. */
export type PlannedEntry =
  | { kind: 'IGNORED'; resourceId: string | null }
  | { kind: 'UNCHANGED'; resourceId: string; measurementId: string }
  | { kind: 'CREATE'; resourceId: string; input: NewMeasurement };

export type Resolver = ReturnType<typeof createResolver>;

/** Validates one QuestionnaireResponse against the FHIR shape, our instruments and the policy. */
export async function planEntry(
  req: ExportRequest,
  resolver: Resolver,
  resource: unknown,
): Promise<PlannedEntry> {
  const parsed = responseSchema.safeParse(resource);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EntryError('INVALID_RESOURCE', issue?.path.join('.') || '', issue?.message ?? 'is invalid');
  }
  const qr = parsed.data;
  if (qr.status === 'entered-in-error') return { kind: 'IGNORED', resourceId: qr.id };
  if (qr.status !== 'completed' && qr.status !== 'amended') {
    throw new EntryError(
      'BAD_USER_INPUT',
      'status',
      'Only a completed QuestionnaireResponse is a measurement.',
    );
  }
  const input = await measurementInput(req, resolver, qr);
  await guarded(
    () => authorizeCitizenRead(req.db, req.actor, input.citizenId, 'importFhirBundle'),
    'subject',
  );
  const existing = await findExisting(req, qr.id, input.citizenId);
  if (!existing) return { kind: 'CREATE', resourceId: qr.id, input };
  if (!sameMeasurement(existing, input)) {
    throw new EntryError(
      'CONFLICT',
      'id',
      'A measurement with this id is already stored with other answers; measurements are append-only, so send a new id.',
    );
  }
  return { kind: 'UNCHANGED', resourceId: qr.id, measurementId: existing.id };
}

async function measurementInput(
  req: ExportRequest,
  resolver: Resolver,
  qr: Response,
): Promise<NewMeasurement> {
  const { key, version } = instrumentOf(qr.questionnaire);
  const def = req.instruments.get(req.actor.municipalityId, key);
  if (!def) throw new EntryError('BAD_USER_INPUT', 'questionnaire', `Unknown instrument "${key}".`);
  if (version !== null && version !== String(def.version)) {
    throw new EntryError(
      'BAD_USER_INPUT',
      'questionnaire',
      `This municipality uses version ${def.version} of "${key}", not ${version}.`,
    );
  }
  const values = def.items.map((item) => answerOf(qr, item.key));
  const unknown = qr.item.findIndex((i) => !def.items.some((d) => d.key === i.linkId));
  if (unknown >= 0)
    throw new EntryError(
      'BAD_USER_INPUT',
      `item[${unknown}].linkId`,
      `"${key}" has no item "${qr.item[unknown]?.linkId}".`,
    );
  checkScore(def, values);
  const occurredAt = pastInstant(req.now).safeParse(qr.authored);
  if (!occurredAt.success)
    throw new EntryError('BAD_USER_INPUT', 'authored', `authored ${occurredAt.error.issues[0]?.message}.`);
  const { citizenId, departmentId } = await partiesOf(req, resolver, qr);
  return {
    idempotencyKey: `${IMPORT_KEY_PREFIX}${qr.id}`,
    citizenId,
    departmentId,
    instrumentKey: def.key,
    respondentRole: respondentRoleOf(qr),
    occurredAt: occurredAt.data,
    session: sessionOf(qr),
    values,
  };
}

/**
 * The department and citizen a response names. The author is checked first (may the caller act
 * for it?), so no answer about the subject depends on whether it exists; an unknown citizen
 * gets the policy's own NOT_FOUND message, so out of reach and nonexistent look the same.
 */
async function partiesOf(
  req: ExportRequest,
  resolver: Resolver,
  qr: Response,
): Promise<{ citizenId: string; departmentId: string }> {
  const departmentId = await resolver.department(qr.author);
  if (!departmentId) {
    throw new EntryError('NOT_FOUND', 'author', 'The author names no department of this municipality.');
  }
  await guarded(() => assertActsFor(req.actor, departmentId), 'author');
  const citizenId = await resolver.citizen(qr.subject);
  if (!citizenId) throw new EntryError('NOT_FOUND', 'subject', notFound('Citizen').message);
  return { citizenId, departmentId };
}

function instrumentOf(canonical: string): { key: string; version: string | null } {
  const base = `${questionnaireUrl('')}`;
  const [url = '', version = null] = canonical.split('|');
  if (!url.startsWith(base) || url.length === base.length) {
    throw new EntryError('BAD_USER_INPUT', 'questionnaire', `Name one of our instruments as ${base}<key>.`);
  }
  return { key: url.slice(base.length), version };
}

function answerOf(qr: Response, linkId: string): number {
  const index = qr.item.findIndex((i) => i.linkId === linkId);
  const found = qr.item.filter((i) => i.linkId === linkId);
  if (found.length !== 1) {
    throw new EntryError(
      'BAD_USER_INPUT',
      'item',
      `Answer item "${linkId}" exactly once (found ${found.length}).`,
    );
  }
  const value = found[0]?.answer[0];
  const number = value?.valueDecimal ?? value?.valueInteger;
  if (number === undefined)
    throw new EntryError('BAD_USER_INPUT', `item[${index}].answer[0]`, 'Give valueDecimal or valueInteger.');
  return number;
}

/** The same scoring checks as recordMeasurement, run before anything is written. */
function checkScore(def: Parameters<typeof scoreMeasurement>[0], values: number[]): void {
  try {
    scoreMeasurement(
      def,
      values.map((v, i) => enteredToTenths(v, `item[${i}]`)),
    );
  } catch (error) {
    if (error instanceof ScoringInputError) throw new EntryError('BAD_USER_INPUT', 'item', error.message);
    if (error instanceof DomainError) throw new EntryError('BAD_USER_INPUT', 'item', error.message);
    throw error;
  }
}

function respondentRoleOf(qr: Response): RespondentRole {
  const code = qr.extension?.find((e) => e.url === extensions.respondentRole)?.valueCode;
  const role = z.enum(respondentRoles).safeParse(code);
  if (role.success) return role.data;
  if (code === undefined && qr.source?.reference && qr.source.reference === qr.subject.reference)
    return 'CITIZEN';
  throw new EntryError(
    'BAD_USER_INPUT',
    'extension',
    `Name the respondent (${respondentRoles.join(', ')}) with the extension ${extensions.respondentRole}.`,
  );
}

function sessionOf(qr: Response): number | null {
  const session = qr.extension?.find((e) => e.url === extensions.session)?.valueInteger;
  if (session === undefined) return null;
  if (!Number.isInteger(session) || session < 1 || session > 10_000) {
    throw new EntryError('BAD_USER_INPUT', 'extension', 'session must be a whole number from 1 to 10000.');
  }
  return session;
}

/** Policy refusals become the entry's error, with the policy's own code. */
async function guarded(check: () => unknown, path: string): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new EntryError(error.code as ImportErrorCode, path, error.message);
  }
}

/** The measurement an id already names: imported under it, or exported with it by this tenant. */
async function findExisting(
  req: ExportRequest,
  id: string,
  citizenId: string,
): Promise<Measurement | undefined> {
  const m = req.actor.municipalityId;
  const [imported] = await req.db
    .select()
    .from(measurement)
    .where(
      and(eq(measurement.municipalityId, m), eq(measurement.idempotencyKey, `${IMPORT_KEY_PREFIX}${id}`)),
    )
    .limit(1);
  if (imported) return imported;
  const stored = await req.db
    .select()
    .from(measurement)
    .where(and(eq(measurement.municipalityId, m), eq(measurement.citizenId, citizenId)));
  return stored.find((row) => measurementFhirId(row) === id);
}

function sameMeasurement(existing: Measurement, input: NewMeasurement): boolean {
  const tenths = input.values.map((v) => Math.round(v * 10));
  return (
    existing.citizenId === input.citizenId &&
    existing.instrumentKey === input.instrumentKey &&
    existing.occurredAt.getTime() === input.occurredAt.getTime() &&
    existing.itemValues.length === tenths.length &&
    existing.itemValues.every((v, i) => v === tenths[i])
  );
}
