import { and, asc, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { assertAdministrator } from '../access/policy.js';
import type { Db } from '../db/client.js';
import type { PriceVersionRow } from '../db/schema/index.js';
import { archetypeLine, department, priceVersion, targetGroup } from '../db/tables.js';
import { catalogueProblem, type PriceVersion } from './economy/catalogue.js';
import { parseCsv } from './economy/csv.js';
import type { ArchetypeLine } from './economy/plan-economy.js';
import { badInput, notFound } from './errors.js';
import { type PriceVersionInput, priceVersionInput } from './inputs/economy.js';

/** The catalogue CSV's columns, in the order docs/economy.md gives them. */
const columns = [
  'type',
  'name',
  'kind',
  'unit',
  'price_ore',
  'department',
  'legal_basis',
  'valid_from',
  'valid_to',
];

/** The municipality's price catalogue, oldest version of each type first. */
export async function readCatalogue(db: Db, municipalityId: string): Promise<PriceVersionRow[]> {
  return db
    .select()
    .from(priceVersion)
    .where(eq(priceVersion.municipalityId, municipalityId))
    .orderBy(asc(priceVersion.typeCode), asc(priceVersion.validFrom));
}

const asPrice = (v: PriceVersionRow | PriceVersionInput): PriceVersion => ({
  typeCode: v.typeCode,
  unit: v.unit,
  priceOre: v.priceOre,
  departmentId: v.departmentId,
  validFrom: v.validFrom,
  validTo: v.validTo ?? null,
});

/** Refuses versions that would make the stored catalogue unsound, naming the row; writes nothing. */
function assertSound(
  stored: readonly PriceVersionRow[],
  added: readonly PriceVersionInput[],
  single: boolean,
) {
  const problem = catalogueProblem([...stored.map(asPrice), ...added.map(asPrice)]);
  if (!problem) return;
  const [, index, rest] = /^rows\[(\d+)\]\.(.+)$/.exec(problem.field) ?? [];
  const row = Number(index) - stored.length;
  const field = single ? String(rest) : `rows[${row}].${rest}`;
  throw badInput(`${field} ${problem.message}.`, field);
}

async function departmentIds(db: Db, municipalityId: string, nameOrId: string): Promise<string | undefined> {
  const rows = await db
    .select({ id: department.id })
    .from(department)
    .where(
      and(
        eq(department.municipalityId, municipalityId),
        or(eq(department.id, nameOrId), eq(department.name, nameOrId)),
      ),
    );
  return rows[0]?.id;
}

async function insertVersions(
  db: Db,
  actor: Actor,
  versions: readonly PriceVersionInput[],
): Promise<PriceVersionRow[]> {
  return db.transaction(async (tx) => {
    const out: PriceVersionRow[] = [];
    for (const v of versions) {
      const [row] = await tx
        .insert(priceVersion)
        .values({ ...v, municipalityId: actor.municipalityId })
        .returning();
      if (row) out.push(row);
    }
    return out;
  });
}

/** ADMIN: adds one price version, refused when it overlaps another of its type. */
export async function addPriceVersion(
  db: Db,
  actor: Actor,
  input: PriceVersionInput,
): Promise<PriceVersionRow> {
  assertAdministrator(actor, 'the price catalogue');
  if (!(await departmentIds(db, actor.municipalityId, input.departmentId))) {
    throw badInput('departmentId is not a department of the municipality.', 'departmentId');
  }
  assertSound(await readCatalogue(db, actor.municipalityId), [input], true);
  return (await insertVersions(db, actor, [input]))[0] as PriceVersionRow;
}

/** One CSV row as the input schema sees it; numbers stay text until zod refuses them by name. */
function rowInput(header: readonly string[], row: readonly string[]) {
  const cell = (name: string) => (row[header.indexOf(name)] ?? '').trim();
  const price = cell('price_ore');
  return {
    typeCode: cell('type'),
    name: cell('name'),
    kind: cell('kind'),
    unit: cell('unit'),
    priceOre: /^-?\d+(\.\d+)?$/.test(price) ? Number(price) : price,
    departmentId: cell('department'),
    legalBasis: cell('legal_basis'),
    validFrom: cell('valid_from'),
    validTo: cell('valid_to') || null,
  };
}

function parseRow(index: number, raw: ReturnType<typeof rowInput>): PriceVersionInput {
  const result = (priceVersionInput as z.ZodType<PriceVersionInput>).safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = `rows[${index}].${issue?.path.join('.') || 'row'}`;
  throw badInput(`${field} ${issue?.message ?? 'is invalid'}.`, field);
}

/**
 * ADMIN: adds every price version of a catalogue CSV (docs/economy.md), all or nothing: one bad
 * row, unknown department or overlap refuses the file, naming the row (`rows[i]`, from 0).
 */
export async function importPriceCatalogue(db: Db, actor: Actor, csv: string): Promise<number> {
  assertAdministrator(actor, 'the price catalogue');
  const { header, rows } = parseCsv(csv);
  const missing = columns.find((c) => !header.includes(c));
  if (missing) throw badInput(`csv lacks the column ${missing}.`, 'csv');
  if (rows.length === 0) throw badInput('csv has no rows.', 'csv');
  if (rows.length > 5_000) throw badInput('csv has more than 5,000 rows.', 'csv');
  const versions: PriceVersionInput[] = [];
  for (const [i, row] of rows.entries()) {
    const raw = rowInput(header, row);
    const departmentId = await departmentIds(db, actor.municipalityId, raw.departmentId);
    if (!departmentId)
      throw badInput(
        `rows[${i}].department is not a department of the municipality.`,
        `rows[${i}].department`,
      );
    versions.push(parseRow(i, { ...raw, departmentId }));
  }
  assertSound(await readCatalogue(db, actor.municipalityId), versions, false);
  return (await insertVersions(db, actor, versions)).length;
}

/** Archetype baskets by target group key. */
export async function readBaskets(db: Db, municipalityId: string): Promise<Map<string, ArchetypeLine[]>> {
  const rows = await db
    .select({ key: targetGroup.key, typeCode: archetypeLine.typeCode, quantity: archetypeLine.quantity })
    .from(archetypeLine)
    .innerJoin(targetGroup, eq(targetGroup.id, archetypeLine.targetGroupId))
    .where(eq(archetypeLine.municipalityId, municipalityId))
    .orderBy(asc(targetGroup.key), asc(archetypeLine.typeCode));
  const baskets = new Map<string, ArchetypeLine[]>();
  for (const r of rows)
    baskets.set(r.key, [...(baskets.get(r.key) ?? []), { typeCode: r.typeCode, quantity: r.quantity }]);
  return baskets;
}

/** ADMIN: replaces a target group's basket; every type must be in the catalogue. */
export async function setArchetypeBasket(
  db: Db,
  actor: Actor,
  input: { targetGroup: string; lines: ArchetypeLine[] },
): Promise<ArchetypeLine[]> {
  assertAdministrator(actor, 'the price catalogue');
  const group = (
    await db
      .select({ id: targetGroup.id })
      .from(targetGroup)
      .where(
        and(eq(targetGroup.municipalityId, actor.municipalityId), eq(targetGroup.key, input.targetGroup)),
      )
  )[0];
  if (!group) throw badInput('Unknown target group.', 'targetGroup');
  const known = new Set((await readCatalogue(db, actor.municipalityId)).map((v) => v.typeCode));
  const unknown = input.lines.findIndex((l) => !known.has(l.typeCode));
  if (unknown >= 0) throw badInput('The type is not in the price catalogue.', `lines.${unknown}.typeCode`);
  await db.transaction(async (tx) => {
    await tx.delete(archetypeLine).where(eq(archetypeLine.targetGroupId, group.id));
    if (input.lines.length) {
      await tx
        .insert(archetypeLine)
        .values(
          input.lines.map((l) => ({ ...l, municipalityId: actor.municipalityId, targetGroupId: group.id })),
        );
    }
  });
  return input.lines;
}

/**
 * ADMIN: sets (or clears) the last valid day of a price version, e.g. before the next price
 * takes over. Refused when it would end before the version starts or overlap another version.
 */
export async function endPriceVersion(
  db: Db,
  actor: Actor,
  input: { id: string; validTo: string | null },
): Promise<PriceVersionRow> {
  assertAdministrator(actor, 'the price catalogue');
  const stored = await readCatalogue(db, actor.municipalityId);
  const target = stored.find((v) => v.id === input.id);
  if (!target) throw notFound('Price version');
  if (input.validTo !== null && input.validTo < target.validFrom) {
    throw badInput('validTo must not be before the version’s validFrom.', 'validTo');
  }
  const changed = { ...target, validTo: input.validTo };
  const problem = catalogueProblem([...stored.filter((v) => v.id !== target.id), changed].map(asPrice));
  if (problem) throw badInput(`validTo ${problem.message}.`, 'validTo');
  const [row] = await db
    .update(priceVersion)
    .set({ validTo: input.validTo })
    .where(and(eq(priceVersion.id, target.id), eq(priceVersion.municipalityId, actor.municipalityId)))
    .returning();
  return row as PriceVersionRow;
}
