import { z } from 'zod';
import { custodyKinds, departmentKinds, familyMemberRoles } from '../db/schema/index.js';
import { id, noCpr, text } from '../domain/inputs/commands.js';
import { cprNumber } from '../domain/inputs/registration.js';

/** Inputs of the administrator's operations, checked once at the edge. */

export const createDepartmentInput = z.object({ name: text(120), kind: z.enum(departmentKinds) });
export const renameDepartmentInput = z.object({
  id,
  name: text(120),
  kind: z.enum(departmentKinds).nullish(),
});

export const addProfessionalInput = z.object({
  departmentId: id,
  displayName: noCpr(text(200)),
  title: noCpr(text(120)),
  email: z
    .string()
    .trim()
    .max(254)
    .email('must be an e-mail address')
    .nullish()
    .transform((v) => v ?? undefined),
});
export const updateProfessionalInput = z.object({
  id,
  departmentId: id.nullish().transform((v) => v ?? undefined),
  displayName: noCpr(text(200))
    .nullish()
    .transform((v) => v ?? undefined),
  title: noCpr(text(120))
    .nullish()
    .transform((v) => v ?? undefined),
});
export const professionalsArgs = z.object({ departmentId: id.nullish() });

const familyMember = (now: Date) =>
  z
    .object({
      citizenId: id.nullish(),
      displayName: noCpr(text(200)).nullish(),
      birthYear: z.number().int().min(1900).max(now.getUTCFullYear()).nullish(),
      cpr: cprNumber.nullish(),
      role: z.enum(familyMemberRoles),
      custody: z.enum(custodyKinds).nullish(),
    })
    .refine((m) => Boolean(m.citizenId) !== Boolean(m.displayName), {
      message: 'give either citizenId or displayName',
      path: ['citizenId'],
    })
    .refine((m) => !m.custody || m.role === 'PARENT', {
      message: 'is noted for parents only',
      path: ['custody'],
    })
    .transform((m) => ({
      person: m.citizenId
        ? { citizenId: m.citizenId }
        : { displayName: m.displayName ?? '', birthYear: m.birthYear, cpr: m.cpr },
      role: m.role,
      custody: m.custody,
    }));

export const createFamilyInput = (now: Date) =>
  z.object({ name: noCpr(text(200)), members: z.array(familyMember(now)).min(1).max(30) });

export const addFamilyMemberInput = (now: Date) => z.object({ familyId: id, member: familyMember(now) });

const targetGroupKey = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes, e.g. young-17-25');

export const createTargetGroupInput = z.object({
  key: targetGroupKey,
  name: text(120),
  description: noCpr(text(2000))
    .nullish()
    .transform((v) => v ?? ''),
});
export const describeTargetGroupInput = z.object({
  key: targetGroupKey,
  name: text(120).nullish(),
  description: noCpr(text(2000)),
});
export const assignTargetGroupInput = z
  .object({ key: targetGroupKey, citizenIds: z.array(id).max(1000).default([]), familyId: id.nullish() })
  .refine((v) => v.citizenIds.length > 0 || Boolean(v.familyId), {
    message: 'name citizens or a family',
    path: ['citizenIds'],
  });
