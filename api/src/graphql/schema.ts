import { readFileSync } from 'node:fs';
import { createSchema } from 'graphql-yoga';
import type { HelhedContext } from './context.js';
import { administrationResolvers } from './resolvers/administration.js';
import { caseloadResolvers } from './resolvers/caseload.js';
import { catalogResolvers } from './resolvers/catalog.js';
import { citizenResolvers } from './resolvers/citizen.js';
import { citizenMergeResolvers } from './resolvers/citizen-merge.js';
import { deliveryResolvers } from './resolvers/delivery.js';
import { economyResolvers } from './resolvers/economy.js';
import { familyResolvers } from './resolvers/family.js';
import { fhirResolvers } from './resolvers/fhir.js';
import { interventionResolvers } from './resolvers/interventions.js';
import { meetingResolvers } from './resolvers/meetings.js';
import { planResolvers } from './resolvers/plan.js';
import { planLifecycleResolvers } from './resolvers/plan-lifecycle.js';
import { registrationResolvers } from './resolvers/registration.js';
import { statisticsResolvers } from './resolvers/statistics.js';
import { subscriptionResolvers } from './resolvers/subscriptions.js';
import { targetGroupResolvers } from './resolvers/target-groups.js';
import { timelineResolvers } from './resolvers/timeline.js';

/** The SDL lives in src/ (read from dist/ too), so the schema has one source. */
const sdl = (file: string) => readFileSync(new URL(`../../src/graphql/${file}`, import.meta.url), 'utf8');
const typeDefs = [
  sdl('schema.graphql'),
  sdl('economy.graphql'),
  sdl('family.graphql'),
  sdl('delivery.graphql'),
  sdl('merge.graphql'),
];

/**
 * Query, Mutation and Subscription fields are grouped by feature; every other type is resolved
 * in one module (resolver-modules.test.ts holds the exceptions).
 */
export const resolverModules = {
  catalog: catalogResolvers,
  citizen: citizenResolvers,
  plan: planResolvers,
  statistics: statisticsResolvers,
  interventions: interventionResolvers,
  meetings: meetingResolvers,
  timeline: timelineResolvers,
  subscriptions: subscriptionResolvers,
  caseload: caseloadResolvers,
  fhir: fhirResolvers,
  family: familyResolvers,
  targetGroups: targetGroupResolvers,
  registration: registrationResolvers,
  planLifecycle: planLifecycleResolvers,
  administration: administrationResolvers,
  economy: economyResolvers,
  delivery: deliveryResolvers,
  citizenMerge: citizenMergeResolvers,
};

export function createHelhedSchema() {
  return createSchema<HelhedContext>({ typeDefs, resolvers: Object.values(resolverModules) });
}
