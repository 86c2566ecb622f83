import { GraphQLScalarType, Kind } from 'graphql';
import type { PriceVersionRow } from '../../db/schema/index.js';
import type { LedgerEntry } from '../../domain/economy/ledger.js';
import { economyStatistics } from '../../domain/economy-statistics.js';
import { badInput } from '../../domain/errors.js';
import { parseInput } from '../../domain/inputs/commands.js';
import {
  addProvisionInput,
  catalogueCsv,
  endPriceVersionInput,
  priceVersionInput,
  setArchetypeBasketInput,
} from '../../domain/inputs/economy.js';
import {
  addPriceVersion,
  endPriceVersion,
  importPriceCatalogue,
  readBaskets,
  readCatalogue,
  setArchetypeBasket,
} from '../../domain/price-catalogue.js';
import { addProvision } from '../../domain/provisions.js';
import { type HelhedContext, requireActor } from '../context.js';

const wholeOre = (value: unknown): number => {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw badInput('An amount must be whole øre.');
};

/** Money as a JSON integer wider than Int (docs/economy.md): never a fraction of an øre. */
const Ore = new GraphQLScalarType({
  name: 'Ore',
  serialize: wholeOre,
  parseValue: wholeOre,
  parseLiteral: (ast) => (ast.kind === Kind.INT ? wholeOre(Number(ast.value)) : wholeOre(undefined)),
});

const withDepartment = (ctx: HelhedContext) => (e: { departmentId: string }) => ({
  ...e,
  department: () => ctx.loaders.department.load(e.departmentId),
});

/** The price catalogue, plan costs and anonymous cost figures (docs/economy.md). */
/** A stored change to costs makes this instance's cached cost report stale at once. */
async function changesCosts<T>(ctx: HelhedContext, write: Promise<T>): Promise<T> {
  const done = await write;
  ctx.statistics.economyReports.invalidate(requireActor(ctx).municipalityId);
  return done;
}

export const economyResolvers = {
  Ore,
  Query: {
    priceCatalogue: (_: unknown, __: unknown, ctx: HelhedContext) =>
      readCatalogue(ctx.db, requireActor(ctx).municipalityId),
    archetypeBaskets: async (_: unknown, __: unknown, ctx: HelhedContext) =>
      [...(await readBaskets(ctx.db, requireActor(ctx).municipalityId)).entries()].map(
        ([targetGroup, lines]) => ({
          targetGroup,
          lines,
        }),
      ),
    economyStatistics: async (_: unknown, __: unknown, ctx: HelhedContext) => {
      const stats = await economyStatistics(
        ctx.db,
        requireActor(ctx),
        ctx.instruments,
        ctx.now(),
        ctx.statistics.minCellSize,
        ctx.statistics.economyReports,
      );
      return { ...stats, followUp: stats.followUp.map(withDepartment(ctx)) };
    },
  },
  Mutation: {
    importPriceCatalogue: async (_: unknown, args: unknown, ctx: HelhedContext) => {
      const actor = requireActor(ctx);
      const { csv } = parseInput(catalogueCsv, args);
      const added = await importPriceCatalogue(ctx.db, actor, csv);
      ctx.statistics.economyReports.invalidate(actor.municipalityId);
      return { added, catalogue: await readCatalogue(ctx.db, actor.municipalityId) };
    },
    addPriceVersion: (_: unknown, args: { input: unknown }, ctx: HelhedContext) =>
      changesCosts(
        ctx,
        addPriceVersion(ctx.db, requireActor(ctx), parseInput(priceVersionInput, args.input)),
      ),
    endPriceVersion: (_: unknown, args: { input: unknown }, ctx: HelhedContext) =>
      changesCosts(
        ctx,
        endPriceVersion(ctx.db, requireActor(ctx), parseInput(endPriceVersionInput, args.input)),
      ),
    setArchetypeBasket: async (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const input = parseInput(setArchetypeBasketInput, args.input);
      return {
        targetGroup: input.targetGroup,
        lines: await changesCosts(ctx, setArchetypeBasket(ctx.db, requireActor(ctx), input)),
      };
    },
    addProvision: (_: unknown, args: { input: unknown }, ctx: HelhedContext) =>
      changesCosts(
        ctx,
        addProvision(ctx.db, requireActor(ctx), parseInput(addProvisionInput, args.input), ctx.now()),
      ),
  },
  PriceVersion: {
    department: (v: PriceVersionRow, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.load(v.departmentId),
  },
  CostFigure: {
    byDepartment: (f: { byDepartment: { departmentId: string }[] }, _: unknown, ctx: HelhedContext) =>
      f.byDepartment.map(withDepartment(ctx)),
    byMonth: (f: { byMonth: LedgerEntry[] }, _: unknown, ctx: HelhedContext) =>
      f.byMonth.map(withDepartment(ctx)),
  },
};
