import { eq } from 'drizzle-orm';
import { authorizeCitizenRead } from '../../access/policy.js';
import type { Citizen, Consent, Measurement } from '../../db/schema/index.js';
import { citizen } from '../../db/tables.js';
import { createCitizen } from '../../domain/citizens.js';
import { grantConsent, revokeConsent } from '../../domain/consents.js';
import { recordMeasurement } from '../../domain/measurements.js';
import { type CitizenSeries, citizenProgression } from '../../domain/progression.js';
import { fromTenths } from '../../domain/scoring/index.js';
import { type HelhedContext, requireActor } from '../context.js';
import {
  createCitizenInput,
  grantConsentInput,
  idArgs,
  parseInput,
  recordMeasurementInput,
} from '../inputs.js';

const tenthsOrNull = (t: number | null | undefined) => (t === null || t === undefined ? null : fromTenths(t));

export const citizenResolvers = {
  Query: {
    citizen: async (_: unknown, args: unknown, ctx: HelhedContext) => {
      const { id } = parseInput(idArgs, args);
      const actor = requireActor(ctx);
      await authorizeCitizenRead(ctx.db, actor, id, 'citizen');
      return (await ctx.db.select().from(citizen).where(eq(citizen.id, id)))[0];
    },
  },
  Mutation: {
    createCitizen: (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const now = ctx.now();
      return createCitizen(ctx.db, requireActor(ctx), parseInput(createCitizenInput(now), args.input), now);
    },
    recordMeasurement: (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const now = ctx.now();
      const input = parseInput(recordMeasurementInput(now), args.input);
      return recordMeasurement(ctx.db, requireActor(ctx), ctx.instruments, input, now);
    },
    grantConsent: (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const now = ctx.now();
      return grantConsent(ctx.db, requireActor(ctx), parseInput(grantConsentInput(now), args.input), now);
    },
    revokeConsent: (_: unknown, args: unknown, ctx: HelhedContext) =>
      revokeConsent(ctx.db, requireActor(ctx), parseInput(idArgs, args).id, ctx.now()),
  },
  Citizen: {
    progression: (c: Citizen, _: unknown, ctx: HelhedContext) =>
      citizenProgression(ctx.db, requireActor(ctx), ctx.instruments, c.id),
  },
  Series: {
    points: (s: CitizenSeries) => s.analysis.points.map((p) => ({ ...p, total: fromTenths(p.total) })),
    first: (s: CitizenSeries) => tenthsOrNull(s.analysis.first),
    latest: (s: CitizenSeries) => tenthsOrNull(s.analysis.latest),
    change: (s: CitizenSeries) => tenthsOrNull(s.analysis.change),
    normalizedChange: (s: CitizenSeries) => s.analysis.normalizedChange,
    classification: (s: CitizenSeries) => s.analysis.classification,
    recovered: (s: CitizenSeries) => s.analysis.recovered,
    alert: (s: CitizenSeries) => s.analysis.alert,
    alertReasons: (s: CitizenSeries) => s.analysis.alertReasons,
    cutoff: (s: CitizenSeries) => tenthsOrNull(s.analysis.cutoff),
    reliableChange: (s: CitizenSeries) => s.definition.reliableChange,
  },
  Measurement: {
    occurredAt: (m: Measurement) => m.occurredAt.toISOString(),
    total: (m: Measurement) => fromTenths(m.total),
    values: (m: Measurement) => m.itemValues.map(fromTenths),
  },
  Consent: {
    fromDepartment: (c: Consent, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.load(c.fromDepartmentId),
    toDepartment: (c: Consent, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.load(c.toDepartmentId),
    grantedAt: (c: Consent) => c.grantedAt.toISOString(),
    validUntil: (c: Consent) => c.validUntil?.toISOString() ?? null,
    revokedAt: (c: Consent) => c.revokedAt?.toISOString() ?? null,
  },
};
