import { eq } from 'drizzle-orm';
import { authorizeCitizenRead } from '../../access/policy.js';
import type { Citizen, Consent, Measurement } from '../../db/schema/index.js';
import { citizen } from '../../db/tables.js';
import { createCitizen } from '../../domain/citizens.js';
import { grantConsent, revokeConsent } from '../../domain/consents.js';
import {
  createCitizenInput,
  grantConsentInput,
  idArgs,
  parseInput,
  recordMeasurementInput,
} from '../../domain/inputs/commands.js';
import { recordMeasurement } from '../../domain/measurements.js';
import { type CitizenSeries, citizenProgression } from '../../domain/progression.js';
import { fromTenths } from '../../domain/scoring/index.js';
import { type HelhedContext, requireActor } from '../context.js';
import { publishCaseloadChanged } from '../pubsub.js';

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
    recordMeasurement: async (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const now = ctx.now();
      const input = parseInput(recordMeasurementInput(now), args.input);
      const stored = await recordMeasurement(ctx.db, requireActor(ctx), ctx.instruments, input, now);
      // A replayed idempotency key returns the earlier row, which was announced already.
      if (stored.recordedAt.getTime() >= now.getTime()) {
        publishCaseloadChanged(ctx.db, {
          municipalityId: stored.municipalityId,
          citizenIds: [stored.citizenId],
          cause: 'MEASUREMENT',
          at: now.toISOString(),
        });
      }
      return stored;
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
