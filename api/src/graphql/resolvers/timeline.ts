import type { Citizen, Measurement, Plan } from '../../db/schema/index.js';
import { parseInput, timelineArgs } from '../../domain/inputs/commands.js';
import { citizenTimeline, planTimeline, type TimelineEntry } from '../../domain/timeline.js';
import { type HelhedContext, requireActor } from '../context.js';

/** What happened to a citizen or a plan, newest first, as far as the caller may see. */
export const timelineResolvers = {
  Citizen: {
    timeline: (c: Citizen, args: unknown, ctx: HelhedContext) =>
      citizenTimeline(ctx.db, requireActor(ctx), c.id, parseInput(timelineArgs, args)),
  },
  Plan: {
    timeline: (p: Plan, args: unknown, ctx: HelhedContext) =>
      planTimeline(ctx.db, requireActor(ctx), p, parseInput(timelineArgs, args)),
  },
  TimelineEntry: {
    at: (e: TimelineEntry) => e.at.toISOString(),
  },
  Measurement: {
    department: (m: Measurement, _: unknown, ctx: HelhedContext) =>
      ctx.loaders.department.load(m.departmentId),
  },
};
