import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { citizen, department, familyMember, municipality } from '../db/tables.js';
import { roles } from './actor.js';
import { ALL_DEPARTMENTS, type DevIssuer } from './identity.js';

const requestSchema = z.object({
  role: z.enum(roles),
  departmentId: z.string().min(1).optional(),
  /** INTEGRATION only: the departments the client may act for (the `departments` claim), or "*". */
  departments: z.union([z.literal(ALL_DEPARTMENTS), z.array(z.string().min(1)).min(1).max(50)]).optional(),
  citizenId: z.string().min(1).optional(),
  municipalityId: z.string().min(1).optional(),
  purpose: z.string().min(1).max(100).optional(),
  /** The person's name and work e-mail, as a real identity provider's `name` and `email` claims. */
  name: z.string().min(1).max(200).optional(),
  email: z.string().email().max(254).optional(),
});

export type DevTokenResult = { status: 200; token: string } | { status: 400 | 404; error: string };

/**
 * The demo's identity provider: signs a token for any role after checking that the department
 * or citizen it names exists. Only wired in when dev auth is on (never in production).
 */
export async function issueDevToken(db: Db, issuer: DevIssuer, body: unknown): Promise<DevTokenResult> {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    return {
      status: 400,
      error: `Expected {"role": one of ${roles.join(', ')}, "departmentId"?, "citizenId"?}.`,
    };
  }
  const req = parsed.data;
  const tenant = req.municipalityId
    ? (await db.select().from(municipality).where(eq(municipality.id, req.municipalityId)))[0]
    : (await db.select().from(municipality).orderBy(asc(municipality.createdAt)))[0];
  if (!tenant) return { status: 404, error: 'Unknown municipality.' };
  if (req.role === 'PROFESSIONAL' && !req.departmentId)
    return { status: 400, error: 'PROFESSIONAL needs departmentId.' };
  if ((req.role === 'PARENT' || req.role === 'CITIZEN') && !req.citizenId) {
    return { status: 400, error: `${req.role} needs citizenId.` };
  }
  if (req.departmentId) {
    const d = (
      await db
        .select()
        .from(department)
        .where(and(eq(department.id, req.departmentId), eq(department.municipalityId, tenant.id)))
    )[0];
    if (!d) return { status: 404, error: 'Unknown department.' };
  }
  if (req.departments !== undefined && req.role !== 'INTEGRATION') {
    return { status: 400, error: 'Only INTEGRATION takes departments.' };
  }
  if (Array.isArray(req.departments)) {
    const known = await db
      .select({ id: department.id })
      .from(department)
      .where(and(inArray(department.id, req.departments), eq(department.municipalityId, tenant.id)));
    if (known.length !== new Set(req.departments).size) return { status: 404, error: 'Unknown department.' };
  }
  if (req.citizenId) {
    const c = (
      await db
        .select()
        .from(citizen)
        .where(and(eq(citizen.id, req.citizenId), eq(citizen.municipalityId, tenant.id)))
    )[0];
    if (!c) return { status: 404, error: 'Unknown citizen.' };
  }
  const token = await issuer.sign({
    sub: `dev:${req.role.toLowerCase()}:${req.departmentId ?? req.citizenId ?? tenant.code}`,
    role: req.role,
    municipality: tenant.id,
    ...(req.departmentId ? { department: req.departmentId } : {}),
    ...(req.citizenId ? { citizen: req.citizenId } : {}),
    // The demo's vendor client without named departments is municipality-wide, said explicitly
    // in the token: verification never widens a missing claim.
    ...(req.role === 'INTEGRATION' ? { departments: req.departments ?? ALL_DEPARTMENTS } : {}),
    ...(req.purpose ? { purpose: req.purpose } : {}),
    ...(req.name ? { name: req.name } : {}),
    ...(req.email ? { email: req.email } : {}),
  });
  return { status: 200, token };
}

export interface DevIdentity {
  role: string;
  label: string;
  departmentId?: string;
  citizenId?: string;
}

/**
 * The identities the demo login page offers: one professional per department, a parent per
 * family, and the roles without a subject. Only served while dev auth is on.
 */
export async function listDevIdentities(db: Db): Promise<DevIdentity[]> {
  const tenant = (await db.select().from(municipality).orderBy(asc(municipality.createdAt)))[0];
  if (!tenant) return [];
  const departments = await db
    .select()
    .from(department)
    .where(eq(department.municipalityId, tenant.id))
    .orderBy(asc(department.kind));
  const parents = await db
    .select({ id: citizen.id, name: citizen.displayName })
    .from(familyMember)
    .innerJoin(citizen, eq(citizen.id, familyMember.citizenId))
    .where(and(eq(familyMember.role, 'PARENT'), eq(citizen.municipalityId, tenant.id)));
  return [
    ...departments.map((d) => ({ role: 'PROFESSIONAL', label: d.name, departmentId: d.id })),
    { role: 'COORDINATOR', label: tenant.name },
    ...parents.map((p) => ({ role: 'PARENT', label: p.name, citizenId: p.id })),
    { role: 'ANALYST', label: tenant.name },
    { role: 'ADMIN', label: tenant.name },
  ];
}
