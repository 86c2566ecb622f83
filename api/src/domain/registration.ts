import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../access/audit.js';
import { assertCaseWorker } from '../access/policy.js';
import type { Db } from '../db/client.js';
import type { Citizen } from '../db/schema/index.js';
import { citizen } from '../db/tables.js';
import {
  assertReferenceFree,
  type ExternalRef,
  insertCitizen,
  linkReference,
  openCases,
} from './citizens.js';
import type { CprKeyring, CprNumber } from './cpr.js';
import { badInput, forbidden } from './errors.js';

export interface CitizenRegistration {
  displayName: string;
  /** Required without a CPR number; with one it must agree with the year the number encodes. */
  birthYear?: number | null | undefined;
  cpr?: CprNumber | null | undefined;
  externalRef?: ExternalRef | null | undefined;
}

export interface Registered {
  citizen: Citizen;
  /** False when the CPR number reached a citizen another department had registered. */
  created: boolean;
}

/**
 * One person, one record: registering by CPR reaches the citizen any department registered with
 * the same number, or creates them; either way the registering department gets its case, audited
 * as `registerCitizen` with the actor's purpose. Without a CPR it registers as createCitizen does.
 * Measurements of other departments stay behind the consent rule (access/policy.ts).
 */
export async function registerCitizen(
  db: Db,
  actor: Actor,
  keyring: CprKeyring | null,
  input: CitizenRegistration,
  now: Date,
): Promise<Registered> {
  assertCaseWorker(actor);
  const { cpr } = input;
  const birthYear = input.birthYear ?? cpr?.birthYear;
  if (birthYear === undefined) throw badInput('birthYear is required without a CPR number.', 'birthYear');
  if (cpr && birthYear !== cpr.birthYear) {
    throw badInput('birthYear does not agree with the CPR number.', 'birthYear');
  }
  // Fail closed: without the deployment's secret nothing weaker than a keyed hash is stored.
  if (cpr && !keyring) throw forbidden('Registration by CPR number is not configured on this server.');
  const cprHash = cpr && keyring ? keyring.hash(actor.municipalityId, cpr) : null;
  const person = { displayName: input.displayName, birthYear, externalRef: input.externalRef };
  try {
    return await registerOnce(db, actor, person, cprHash, now);
  } catch (error) {
    // Two departments registering one person at the same moment: the second insert meets the
    // unique CPR index, and a second pass finds the citizen the first one created.
    if (cprHash && isUniqueViolation(error)) return registerOnce(db, actor, person, cprHash, now);
    throw error;
  }
}

function registerOnce(
  db: Db,
  actor: Actor,
  person: { displayName: string; birthYear: number; externalRef?: ExternalRef | null | undefined },
  cprHash: string | null,
  now: Date,
): Promise<Registered> {
  return db.transaction(async (tx) => {
    const known = cprHash ? await citizenByCprHash(tx, actor.municipalityId, cprHash) : undefined;
    if (known && person.externalRef) {
      await assertReferenceFree(tx, actor, person.externalRef, known.id);
      await linkReference(tx, actor, known.id, person.externalRef);
    }
    if (known) await openCases(tx, actor, known.id, now);
    const row = known ?? (await insertCitizen(tx, actor, person, cprHash, now));
    await recordAudit(tx, actor, { citizenId: row.id, action: 'registerCitizen', outcome: 'ALLOWED' }, now);
    return { citizen: row, created: !known };
  });
}

/** The citizen registered with this CPR hash in the municipality, if any. */
export async function citizenByCprHash(
  db: Db,
  municipalityId: string,
  cprHash: string,
): Promise<Citizen | undefined> {
  return (
    await db
      .select()
      .from(citizen)
      .where(and(eq(citizen.municipalityId, municipalityId), eq(citizen.cprHash, cprHash)))
  )[0];
}

/** A unique index refused the write, on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505') return true;
  }
  return false;
}
