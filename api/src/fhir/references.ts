import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/client.js';
import { departmentKinds } from '../db/schema/index.js';
import { citizen, citizenExternalRef, department } from '../db/tables.js';
import { externalRefPrefix, identifierSystems, systems } from './codes.js';
import { fhirId } from './ids.js';

/*
 * Maps the references of an imported resource back to Helhed's records of the caller's
 * municipality: by Helhed's identifiers, by the stable FHIR ids of our exports, by a case
 * system's own reference, or (departments) by kind when the tenant has one of that kind.
 */

const identifier = z.object({ system: z.string().optional(), value: z.string().optional() });
type Identifier = z.infer<typeof identifier>;
export const referenceSchema = z.object({
  reference: z.string().max(300).optional(),
  identifier: identifier.optional(),
});
export type ReferenceInput = z.infer<typeof referenceSchema>;

/** The parts of a Patient or Organization entry that can identify one of our records. */
const partySchema = z.object({
  resourceType: z.string(),
  id: z.string().optional(),
  identifier: z.array(identifier).optional(),
  type: z
    .array(z.object({ coding: z.array(identifier.extend({ code: z.string().optional() })).optional() }))
    .optional(),
});
type Party = z.infer<typeof partySchema>;

/** The Patient and Organization entries of a bundle, by full URL and by `Type/id`. */
export function indexParties(entries: readonly { fullUrl?: string | undefined; resource: unknown }[]) {
  const index = new Map<string, Party>();
  for (const entry of entries) {
    const parsed = partySchema.safeParse(entry.resource);
    if (!parsed.success || !['Patient', 'Organization'].includes(parsed.data.resourceType)) continue;
    if (entry.fullUrl) index.set(entry.fullUrl, parsed.data);
    if (parsed.data.id) index.set(`${parsed.data.resourceType}/${parsed.data.id}`, parsed.data);
  }
  return index;
}
export type PartyIndex = ReturnType<typeof indexParties>;

/** Everything a reference says about its target: identifiers, an id, a department kind. */
function describe(ref: ReferenceInput, index: PartyIndex, type: string) {
  const party = ref.reference ? index.get(ref.reference) : undefined;
  const identifiers = [...(ref.identifier ? [ref.identifier] : []), ...(party?.identifier ?? [])];
  const prefix = `${type}/`;
  const id = ref.reference?.startsWith(prefix) ? ref.reference.slice(prefix.length) : party?.id;
  const kinds = (party?.type ?? []).flatMap((t) => t.coding ?? []);
  const kind = kinds.find((c) => c.system === systems.departmentKind)?.code;
  return { identifiers, id, kind };
}

type Lookup = (id: string | undefined) => Promise<string | undefined>;

const byId =
  (db: Db, m: string, table: typeof citizen | typeof department): Lookup =>
  async (id) => {
    if (!id) return undefined;
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, id), eq(table.municipalityId, m)))
      .limit(1);
    return row?.id;
  };

/** Our id behind a stable FHIR id we exported; the reverse map is built once, on first use. */
function byStableId(db: Db, m: string, kind: 'citizen' | 'department'): Lookup {
  let map: Promise<Map<string, string>> | undefined;
  const load = async () => {
    const table = kind === 'citizen' ? citizen : department;
    const rows = await db.select({ id: table.id }).from(table).where(eq(table.municipalityId, m));
    return new Map(rows.map((r) => [fhirId(kind, r.id), r.id]));
  };
  return async (id) => {
    if (!id) return undefined;
    map ??= load();
    return (await map).get(id);
  };
}

async function byExternalRef(db: Db, m: string, identifiers: Identifier[]): Promise<string | undefined> {
  for (const i of identifiers) {
    if (!i.system?.startsWith(externalRefPrefix) || !i.value) continue;
    let system: string;
    try {
      system = decodeURIComponent(i.system.slice(externalRefPrefix.length));
    } catch {
      continue;
    }
    const [hit] = await db
      .select({ id: citizenExternalRef.citizenId })
      .from(citizenExternalRef)
      .where(
        and(
          eq(citizenExternalRef.municipalityId, m),
          eq(citizenExternalRef.system, system),
          eq(citizenExternalRef.value, i.value),
        ),
      )
      .limit(1);
    if (hit) return hit.id;
  }
  return undefined;
}

/** The tenant's department of a kind, when it has exactly one. */
async function byKind(db: Db, m: string, kind: string | undefined): Promise<string | undefined> {
  const parsed = z.enum(departmentKinds).safeParse(kind);
  if (!parsed.success) return undefined;
  const rows = await db
    .select({ id: department.id })
    .from(department)
    .where(and(eq(department.municipalityId, m), eq(department.kind, parsed.data)));
  return rows.length === 1 ? rows[0]?.id : undefined;
}

/** Resolves the references of one import's entries to the caller's municipality's records. */
export function createResolver(db: Db, actor: Actor, index: PartyIndex) {
  const m = actor.municipalityId;
  const citizenById = byId(db, m, citizen);
  const departmentById = byId(db, m, department);
  const citizenByStableId = byStableId(db, m, 'citizen');
  const departmentByStableId = byStableId(db, m, 'department');
  return {
    /** The citizen a `subject` names, or undefined. */
    async citizen(ref: ReferenceInput): Promise<string | undefined> {
      const { identifiers, id } = describe(ref, index, 'Patient');
      const own = identifiers.find((i) => i.system === identifierSystems.citizen)?.value;
      // Tried in this order, each lookup only when the ones before found nothing.
      return (
        (await citizenById(own)) ??
        (await citizenById(id)) ??
        (await citizenByStableId(id)) ??
        (await byExternalRef(db, m, identifiers))
      );
    },
    /** The department an `author` names; without one, the caller's only department. */
    async department(ref: ReferenceInput | undefined): Promise<string | undefined> {
      if (!ref) return soleDepartment(actor);
      const { identifiers, id, kind } = describe(ref, index, 'Organization');
      const own = identifiers.find((i) => i.system === identifierSystems.department)?.value;
      return (
        (await departmentById(own)) ??
        (await departmentById(id)) ??
        (await departmentByStableId(id)) ??
        (await byKind(db, m, kind))
      );
    },
  };
}

function soleDepartment(actor: Actor): string | undefined {
  if (actor.role === 'PROFESSIONAL') return actor.departmentId ?? undefined;
  return actor.role === 'INTEGRATION' && actor.departmentIds.length === 1
    ? actor.departmentIds[0]
    : undefined;
}
