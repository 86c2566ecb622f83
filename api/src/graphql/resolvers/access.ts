import { purposeOf } from '../../access/actor.js';
import { readAccessLog } from '../../access/audit.js';
import { consentStatus } from '../../access/consent.js';
import { authorizeAccessLogRead } from '../../access/policy.js';
import type { Citizen, Consent } from '../../db/schema/index.js';
import { consentsOf } from '../../domain/consents.js';
import { accessLogArgs, parseInput } from '../../domain/inputs/commands.js';
import { type HelhedContext, requireActor } from '../context.js';

/** A citizen's consents and access log: what the citizen can check about who sees their data. */
export const accessResolvers = {
  Citizen: {
    consents: (c: Citizen, _: unknown, ctx: HelhedContext) => consentsOf(ctx.db, requireActor(ctx), c.id),
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
  Consent: {
    status: (c: Consent, _: unknown, ctx: HelhedContext) => consentStatus(c, ctx.now()),
  },
};
