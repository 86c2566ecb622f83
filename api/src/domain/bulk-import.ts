import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { createRequestState } from '../access/request-state.js';
import type { Db } from '../db/client.js';
import { custodyKinds, familyMemberRoles } from '../db/schema/index.js';
import { family, familyMember } from '../db/tables.js';
import { citizenByReference, openCases } from './citizens.js';
import type { CprKeyring } from './cpr.js';
import { parseCsv } from './economy/csv.js';
import { DomainError } from './errors.js';
import { addFamilyMember, createFamily } from './families.js';
import { noCpr, text } from './inputs/commands.js';
import { cprNumber } from './inputs/registration.js';
import { registerCitizen } from './registration.js';

/**
 * `npm run import` (docs/setup.md): citizens, families and open cases from a case system's CSV
 * export. Idempotent: a person is matched by CPR number (through its keyed hash) or by the case
 * system's reference, a family by its name, a membership by its pair; a re-run creates nothing.
 */
export const importColumns = [
  'display_name',
  'birth_year',
  'cpr',
  'external_system',
  'external_ref',
  'family',
  'family_role',
  'custody',
] as const;

export interface ImportOptions {
  municipalityId: string;
  /** The department whose case each imported citizen gets. */
  departmentId: string;
  /** Refuse the whole file when one line is refused; otherwise the other lines proceed. */
  allOrNothing: boolean;
  keyring: CprKeyring | null;
  now: Date;
  /** Who ran it, for the audit trail (e.g. the operating-system user). */
  operator: string;
  onProgress?: (done: number, total: number) => void;
}

export type LineOutcome =
  | { line: number; outcome: 'CREATED' | 'MATCHED'; citizenId: string }
  | { line: number; outcome: 'REFUSED'; reason: string };

export interface ImportSummary {
  lines: number;
  created: number;
  matched: number;
  refused: number;
  familiesCreated: number;
  membersAdded: number;
  /**
   * False when nothing was written (all or nothing, and a line was refused); the counts then say
   * what the file would have done.
   */
  applied: boolean;
  outcomes: LineOutcome[];
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const lineSchema = (now: Date) =>
  z
    .object({
      display_name: noCpr(text(200)),
      birth_year: z.preprocess(
        (v) => (blankToNull(v) === null ? null : Number(v)),
        z.number().int().min(1900).max(now.getUTCFullYear()).nullable(),
      ),
      cpr: z.preprocess(blankToNull, cprNumber.nullable()),
      external_system: z.preprocess(blankToNull, text(50).nullable()),
      external_ref: z.preprocess(blankToNull, noCpr(text(100)).nullable()),
      family: z.preprocess(blankToNull, noCpr(text(200)).nullable()),
      family_role: z.preprocess(blankToNull, z.enum(familyMemberRoles).nullable()),
      custody: z.preprocess(blankToNull, z.enum(custodyKinds).nullable()),
    })
    .refine((l) => l.cpr !== null || (l.external_system !== null && l.external_ref !== null), {
      message: 'needs cpr, or external_system and external_ref, so a re-run finds the person again',
      path: ['cpr'],
    })
    .refine((l) => (l.family === null) === (l.family_role === null), {
      message: 'family and family_role go together',
      path: ['family_role'],
    });
type Line = z.infer<ReturnType<typeof lineSchema>>;

class Refusal extends Error {}

/** Lines in flight at once outside all-or-nothing: their commits share fsyncs (group commit). */
const CONCURRENCY = 32;

export async function importPeople(db: Db, csv: string, options: ImportOptions): Promise<ImportSummary> {
  const { header, rows } = parseCsv(csv);
  const missing = importColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Refusal(`The header lacks ${missing.join(', ')}.`);
  const schema = lineSchema(options.now);
  const parsed = rows.map((values, i) => {
    const record = Object.fromEntries(header.map((h, j) => [h, values[j] ?? '']));
    const result = schema.safeParse(record);
    // The message names the column, never the value (it may be a CPR number).
    return result.success
      ? { line: i + 2, data: result.data }
      : {
          line: i + 2,
          reason: `${result.error.issues[0]?.path.join('.')}: ${result.error.issues[0]?.message}`,
        };
  });
  const run = async (tx: Db) => importParsed(tx, parsed, options);
  if (!options.allOrNothing) return run(db);
  try {
    return await db.transaction(async (tx) => {
      const summary = await run(tx);
      if (summary.refused > 0) throw new RolledBack(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof RolledBack) return { ...error.summary, applied: false };
    throw error;
  }
}

class RolledBack extends Error {
  constructor(readonly summary: ImportSummary) {
    super('rolled back');
  }
}

export const isImportRefusal = (error: unknown): error is Error => error instanceof Refusal;

async function importParsed(
  db: Db,
  parsed: ({ line: number; data: Line } | { line: number; reason: string })[],
  options: ImportOptions,
): Promise<ImportSummary> {
  const staff: Actor = {
    subject: `import:${options.operator}`,
    role: 'INTEGRATION',
    municipalityId: options.municipalityId,
    departmentId: null,
    departmentIds: [options.departmentId],
    citizenId: null,
    purpose: 'administration',
    at: options.now,
    request: createRequestState(),
  };
  // Its own grants: a grant holds for the actor it was granted to.
  const admin: Actor = { ...staff, role: 'ADMIN', departmentIds: [], request: createRequestState() };
  const outcomes: LineOutcome[] = new Array(parsed.length);
  let done = 0;
  const one = async (index: number) => {
    const entry = parsed[index] as (typeof parsed)[number];
    outcomes[index] =
      'reason' in entry
        ? { line: entry.line, outcome: 'REFUSED', reason: entry.reason }
        : await importCitizen(db, staff, entry.line, entry.data, options);
    options.onProgress?.(++done, parsed.length);
  };
  const width = options.allOrNothing ? 1 : CONCURRENCY;
  for (let start = 0; start < parsed.length; start += width) {
    await Promise.all(parsed.slice(start, start + width).map((_, k) => one(start + k)));
  }
  const families = await importFamilies(db, admin, parsed, outcomes, options);
  return {
    lines: parsed.length,
    created: outcomes.filter((o) => o.outcome === 'CREATED').length,
    matched: outcomes.filter((o) => o.outcome === 'MATCHED').length,
    refused: outcomes.filter((o) => o.outcome === 'REFUSED').length,
    ...families,
    applied: true,
    outcomes,
  };
}

async function importCitizen(
  db: Db,
  actor: Actor,
  line: number,
  data: Line,
  options: ImportOptions,
): Promise<LineOutcome> {
  const ref =
    data.external_system && data.external_ref
      ? { system: data.external_system, value: data.external_ref }
      : null;
  try {
    if (!data.cpr && ref) {
      const known = await citizenByReference(db, actor.municipalityId, ref);
      if (known) {
        await openCases(db, actor, known.id, options.now);
        return { line, outcome: 'MATCHED', citizenId: known.id };
      }
    }
    const registered = await registerCitizen(
      db,
      actor,
      options.keyring,
      { displayName: data.display_name, birthYear: data.birth_year, cpr: data.cpr, externalRef: ref },
      options.now,
    );
    return { line, outcome: registered.created ? 'CREATED' : 'MATCHED', citizenId: registered.citizen.id };
  } catch (error) {
    return { line, outcome: 'REFUSED', reason: reasonOf(error) };
  }
}

/** Families by name: created with their members, or completed with the members they lack. */
async function importFamilies(
  db: Db,
  admin: Actor,
  parsed: ({ line: number; data: Line } | { line: number; reason: string })[],
  outcomes: LineOutcome[],
  options: ImportOptions,
): Promise<{ familiesCreated: number; membersAdded: number }> {
  const wanted = new Map<string, { index: number; citizenId: string; data: Line }[]>();
  parsed.forEach((entry, index) => {
    const outcome = outcomes[index];
    if ('reason' in entry || !entry.data.family || !outcome || outcome.outcome === 'REFUSED') return;
    const members = wanted.get(entry.data.family) ?? [];
    if (!members.some((m) => m.citizenId === outcome.citizenId))
      members.push({ index, citizenId: outcome.citizenId, data: entry.data });
    wanted.set(entry.data.family, members);
  });
  let familiesCreated = 0;
  let membersAdded = 0;
  const refuse = (index: number, reason: string) => {
    outcomes[index] = { line: (parsed[index] as { line: number }).line, outcome: 'REFUSED', reason };
  };
  for (const [name, members] of wanted) {
    const existing = (
      await db
        .select({ id: family.id })
        .from(family)
        .where(and(eq(family.municipalityId, admin.municipalityId), eq(family.name, name)))
    )[0];
    const asMember = (m: { citizenId: string; data: Line }) => ({
      person: { citizenId: m.citizenId },
      role: m.data.family_role ?? 'OTHER_ADULT',
      custody: m.data.custody,
    });
    if (!existing) {
      try {
        await createFamily(db, admin, options.keyring, { name, members: members.map(asMember) }, options.now);
        familiesCreated++;
        membersAdded += members.length;
      } catch (error) {
        for (const m of members) refuse(m.index, `family: ${reasonOf(error)}`);
      }
      continue;
    }
    const present = new Set(
      (
        await db
          .select({ c: familyMember.citizenId })
          .from(familyMember)
          .where(eq(familyMember.familyId, existing.id))
      ).map((r) => r.c),
    );
    for (const m of members) {
      if (present.has(m.citizenId)) continue;
      try {
        await addFamilyMember(
          db,
          admin,
          options.keyring,
          { familyId: existing.id, ...asMember(m) },
          options.now,
        );
        membersAdded++;
      } catch (error) {
        refuse(m.index, `family: ${reasonOf(error)}`);
      }
    }
  }
  return { familiesCreated, membersAdded };
}

/** A refusal in words, with its field when the domain named one; never the offending value. */
function reasonOf(error: unknown): string {
  if (error instanceof DomainError) return `${error.field ? `${error.field}: ` : ''}${error.message}`;
  throw error;
}
