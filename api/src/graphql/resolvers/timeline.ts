import type { TimelineEntry } from '../../domain/timeline.js';

/** An entry of a citizen's or a plan's timeline (the fields themselves: resolvers/citizen.ts, plan.ts). */
export const timelineResolvers = {
  TimelineEntry: {
    at: (e: TimelineEntry) => e.at.toISOString(),
  },
};
