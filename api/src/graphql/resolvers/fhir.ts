import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { badInput } from '../../domain/errors.js';
import { idArgs, parseInput } from '../../domain/inputs/commands.js';
import { exportCitizenBundle, exportPlanBundle } from '../../fhir/bundle.js';
import { importBundle } from '../../fhir/import.js';
import { type HelhedContext, requireActor } from '../context.js';

/** Any JSON value, passed through as is: here, FHIR resources (docs/fhir.md). */
const jsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value; the FHIR fields return FHIR R4 resources as JSON.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => literal(ast),
});

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    default:
      return null;
  }
}

const request = (ctx: HelhedContext) => ({
  db: ctx.db,
  actor: requireActor(ctx),
  instruments: ctx.instruments,
  locale: ctx.locale,
  now: ctx.now(),
});

export const fhirResolvers = {
  JSON: jsonScalar,
  Query: {
    citizenFhirBundle: (_: unknown, args: { citizenId: string }, ctx: HelhedContext) =>
      exportCitizenBundle(request(ctx), parseInput(idArgs, { id: args.citizenId }).id),
    planFhirBundle: (_: unknown, args: { planId: string }, ctx: HelhedContext) =>
      exportPlanBundle(request(ctx), parseInput(idArgs, { id: args.planId }).id),
  },
  Mutation: {
    importFhirBundle: (_: unknown, args: { bundle: string }, ctx: HelhedContext) => {
      const req = request(ctx);
      let parsed: unknown;
      try {
        parsed = JSON.parse(args.bundle);
      } catch {
        throw badInput('bundle must be a FHIR R4 Bundle as JSON text.', 'bundle');
      }
      return importBundle(req, parsed);
    },
  },
};
