import { purposeOf } from '../../access/actor.js';
import { readAccessLog } from '../../access/audit.js';
import { consentStatus } from '../../access/consent.js';
import { authorizeAccessLogRead } from '../../access/policy.js';
import type { Citizen, Consent, Measurement } from '../../db/schema/index.js';
import { citizenPlans } from '../../domain/citizen-plans.js';
import { createCitizen, readCitizen } from '../../domain/citizens.js';
import { consentsOf, grantConsent, revokeConsent } from '../../domain/consents.js';
import {
  accessLogArgs,
  createCitizenInput,
  grantConsentInput,
  idArgs,
  parseInput,
  recordMeasurementInput,
  timelineArgs,
} from '../../domain/inputs/commands.js';
import { recordMeasurement } from '../../domain/measurements.js';
import { type CitizenSeries, citizenProgression } from '../../domain/progression.js';
import { fromTenths } from '../../domain/scoring/index.js';
import { citizenTimeline } from '../../domain/timeline.js';
import { outsideMeeting } from '../answer-channel.js';
import { type HelhedContext, requireActor } from '../context.js';
import { publishCaseloadChanged } from '../pubsub.js';

const tenthsOrNull = (t: number | null | undefined) => (t === null || t === undefined ? null : fromTenths(t));

/**
 * The citizen: opening and registering one, measurements and consents, and every field of the
 * Citizen, Series, Measurement and Consent types (the one place each is resolved; the caseload's
 * `Citizen.plans` stays in resolvers/caseload.ts for now). Each field that reads the citizen's
 * records passes the read gate itself, which answers from the request's grants after the first.
 */
export const citizenResolvers = {
  Query: {
    citizen: (_: unknown, args: unknown, ctx: HelhedContext) =>
      readCitizen(ctx.db, requireActor(ctx), parseInput(idArgs, args).id, 'citizen'),
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
    plans: (c: Citizen, _: unknown, ctx: HelhedContext) => citizenPlans(ctx.db, c.id),
    progression: (c: Citizen, _: unknown, ctx: HelhedContext) =>
      citizenProgression(ctx.db, requireActor(ctx), ctx.instruments, c.id),
    timeline: (c: Citizen, args: unknown, ctx: HelhedContext) =>
      citizenTimeline(ctx.db, requireActor(ctx), c.id, parseInput(timelineArgs, args)),
    consents: (c: Citizen, _: unknown, ctx: HelhedContext) => consentsOf(ctx.db, requireActor(ctx), c.id),
    /** What the citizen can check about who saw their data. */
    accessLog: async (c: Citizen, args: unknown, ctx: HelhedContext) => {
      const actor = requireActor(ctx);
      const page = parseInput(accessLogArgs, args);
      await authorizeAccessLogRead(ctx.db, actor, c.id);
      return (await readAccessLog(ctx.db, actor.municipalityId, c.id, page)).map((e) => ({
        at: e.at.toISOString(),
        actorRole: e.actorRole,
        department: e.departmentName,
        // Rows written before purposes were a list may hold a caller's free text: never shown.
        purpose: purposeOf(e.purpose),
        action: e.action,
        outcome: e.outcome,
      }));
    },
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
    department: (m: Measurement, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.load(m.departmentId),
    outsideMeeting,
  },
  Consent: {
    fromDepartment: (c: Consent, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.load(c.fromDepartmentId),
    toDepartment: (c: Consent, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.load(c.toDepartmentId),
    grantedAt: (c: Consent) => c.grantedAt.toISOString(),
    validUntil: (c: Consent) => c.validUntil?.toISOString() ?? null,
    revokedAt: (c: Consent) => c.revokedAt?.toISOString() ?? null,
    status: (c: Consent, _: unknown, ctx: HelhedContext) => consentStatus(c, ctx.now()),
  },
};
