import type { Department } from '../../db/schema/index.js';
import { DEFAULT_FOLLOW_UP_DAYS } from '../../domain/caseload/caseload.js';
import { createDepartment, renameDepartment, retireDepartment } from '../../domain/departments.js';
import { notFound } from '../../domain/errors.js';
import { addFamilyMember, createFamily, type FamilyListing, listFamilies } from '../../domain/families.js';
import { idArgs, parseInput } from '../../domain/inputs/commands.js';
import { addProfessional, listProfessionals, updateProfessional } from '../../domain/staff.js';
import {
  assignTargetGroup,
  createTargetGroup,
  describeTargetGroup,
} from '../../domain/target-group-admin.js';
import {
  addFamilyMemberInput,
  addProfessionalInput,
  assignTargetGroupInput,
  createDepartmentInput,
  createFamilyInput,
  createTargetGroupInput,
  describeTargetGroupInput,
  professionalsArgs,
  renameDepartmentInput,
  updateProfessionalInput,
} from '../administration-inputs.js';
import { type HelhedContext, requireActor } from '../context.js';

type Args = { input: unknown };

/** The one listing a family mutation answers with, read back like the families query. */
async function familyListing(ctx: HelhedContext, familyId: string): Promise<FamilyListing> {
  const [row] = await listFamilies(ctx.db, requireActor(ctx), familyId);
  if (!row) throw notFound('Family');
  return row;
}

/** The administrator's operations (docs/access.md, docs/setup.md); the domain audits each. */
export const administrationResolvers = {
  Query: {
    professionals: (_: unknown, args: unknown, ctx: HelhedContext) =>
      listProfessionals(ctx.db, requireActor(ctx), parseInput(professionalsArgs, args).departmentId ?? null),
    families: (_: unknown, __: unknown, ctx: HelhedContext) => listFamilies(ctx.db, requireActor(ctx)),
  },
  Mutation: {
    createDepartment: (_: unknown, args: Args, ctx: HelhedContext) =>
      createDepartment(ctx.db, requireActor(ctx), parseInput(createDepartmentInput, args.input), ctx.now()),
    renameDepartment: (_: unknown, args: Args, ctx: HelhedContext) =>
      renameDepartment(ctx.db, requireActor(ctx), parseInput(renameDepartmentInput, args.input), ctx.now()),
    retireDepartment: (_: unknown, args: unknown, ctx: HelhedContext) =>
      retireDepartment(ctx.db, requireActor(ctx), parseInput(idArgs, args).id, ctx.now()),
    addProfessional: (_: unknown, args: Args, ctx: HelhedContext) =>
      addProfessional(ctx.db, requireActor(ctx), parseInput(addProfessionalInput, args.input), ctx.now()),
    updateProfessional: (_: unknown, args: Args, ctx: HelhedContext) =>
      updateProfessional(
        ctx.db,
        requireActor(ctx),
        parseInput(updateProfessionalInput, args.input),
        ctx.now(),
      ),
    createFamily: async (_: unknown, args: Args, ctx: HelhedContext) => {
      const now = ctx.now();
      const input = parseInput(createFamilyInput(now), args.input);
      const created = await createFamily(ctx.db, requireActor(ctx), ctx.cprKeyring, input, now);
      return familyListing(ctx, created.id);
    },
    addFamilyMember: async (_: unknown, args: Args, ctx: HelhedContext) => {
      const now = ctx.now();
      const { familyId, member } = parseInput(addFamilyMemberInput(now), args.input);
      await addFamilyMember(ctx.db, requireActor(ctx), ctx.cprKeyring, { familyId, ...member }, now);
      return familyListing(ctx, familyId);
    },
    createTargetGroup: (_: unknown, args: Args, ctx: HelhedContext) =>
      createTargetGroup(ctx.db, requireActor(ctx), parseInput(createTargetGroupInput, args.input), ctx.now()),
    describeTargetGroup: (_: unknown, args: Args, ctx: HelhedContext) =>
      describeTargetGroup(
        ctx.db,
        requireActor(ctx),
        parseInput(describeTargetGroupInput, args.input),
        ctx.now(),
      ),
    assignTargetGroup: async (_: unknown, args: Args, ctx: HelhedContext) => {
      const input = parseInput(assignTargetGroupInput, args.input);
      return {
        key: input.key,
        assigned: await assignTargetGroup(ctx.db, requireActor(ctx), input, ctx.now()),
      };
    },
  },
  Department: {
    retired: (d: Department) => d.retiredAt !== null,
    followUpDays: (d: Department) => d.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS,
  },
};
