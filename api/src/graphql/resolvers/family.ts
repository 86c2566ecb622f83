import { invitationStatus } from '../../access/invitation-link.js';
import type { Invitation } from '../../db/schema/index.js';
import { idArgs, parseInput } from '../../domain/inputs/commands.js';
import {
  answerInvitationInput,
  invitationArgs,
  inviteToAnswerInput,
} from '../../domain/inputs/invitation.js';
import { answerInvitation, type InvitationView, viewInvitation } from '../../domain/invitation-answers.js';
import { invitationsOf, inviteToAnswer, revokeInvitation } from '../../domain/invitations.js';
import { deliveryStatusOf } from '../../domain/messages/outbox.js';
import { type HelhedContext, requireActor } from '../context.js';
import { publishCaseloadChanged, publishGoalRated } from '../pubsub.js';

/** Families between meetings (docs/family.md): how an answer was given, and invitation links. */
export const familyResolvers = {
  Query: {
    // No sign-in: the token is the credential; the domain checks it and audits as the invitee.
    invitation: (_: unknown, args: unknown, ctx: HelhedContext) =>
      viewInvitation(ctx.db, ctx.instruments, parseInput(invitationArgs, args).token, ctx.now()),
    invitations: (_: unknown, args: { citizenId?: unknown }, ctx: HelhedContext) =>
      invitationsOf(ctx.db, requireActor(ctx), parseInput(idArgs, { id: args.citizenId }).id),
  },
  Mutation: {
    inviteToAnswer: (_: unknown, args: { input: unknown }, ctx: HelhedContext) =>
      inviteToAnswer(
        ctx.db,
        requireActor(ctx),
        ctx.instruments,
        ctx.invitations,
        parseInput(inviteToAnswerInput, args.input),
        ctx.now(),
      ),
    revokeInvitation: (_: unknown, args: unknown, ctx: HelhedContext) =>
      revokeInvitation(ctx.db, requireActor(ctx), parseInput(idArgs, args).id, ctx.now()),
    answerInvitation: async (_: unknown, args: { input: unknown }, ctx: HelhedContext) => {
      const now = ctx.now();
      const answer = await answerInvitation(
        ctx.db,
        ctx.instruments,
        parseInput(answerInvitationInput, args.input),
        now,
      );
      // Replays return rows stored earlier, which were announced then (both publishers check).
      for (const rating of answer.ratings) await publishGoalRated(ctx.db, rating, now);
      const m = answer.measurement;
      if (m && m.recordedAt.getTime() >= now.getTime()) {
        publishCaseloadChanged(ctx.db, {
          municipalityId: m.municipalityId,
          citizenIds: [m.citizenId],
          cause: 'MEASUREMENT',
          at: now.toISOString(),
        });
      }
      return answer;
    },
  },
  Invitation: {
    invitee: async (i: Invitation, _: unknown, ctx: HelhedContext) => {
      const row = await ctx.loaders.citizen.load(i.inviteeId);
      return { id: i.inviteeId, displayName: row?.displayName ?? '', familyRole: null };
    },
    department: (i: Invitation, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.load(i.departmentId),
    status: (i: Invitation, _: unknown, ctx: HelhedContext) => invitationStatus(i, ctx.now()),
    createdAt: (i: Invitation) => i.createdAt.toISOString(),
    expiresAt: (i: Invitation) => i.expiresAt.toISOString(),
    usedAt: (i: Invitation) => i.usedAt?.toISOString() ?? null,
    revokedAt: (i: Invitation) => i.revokedAt?.toISOString() ?? null,
    deliveryStatus: (i: Invitation, _: unknown, ctx: HelhedContext) =>
      i.delivery === 'EMAIL' ? deliveryStatusOf(ctx.db, i.municipalityId, i.id, 'INVITATION') : null,
  },
  InvitationView: {
    scope: (v: InvitationView) => v.invitation.scope,
    expiresAt: (v: InvitationView) => v.invitation.expiresAt.toISOString(),
    language: (v: InvitationView) => v.invitation.language,
    goals: (v: InvitationView) =>
      v.goals.map(({ goal, subjectName, definition }) => ({
        id: goal.id,
        text: goal.text,
        instrumentKey: goal.instrumentKey,
        subjectName,
        min: definition.scale.min,
        max: definition.scale.max,
        step: definition.scale.step,
      })),
  },
};
