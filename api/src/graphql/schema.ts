import { readFileSync } from 'node:fs';
import { createSchema } from 'graphql-yoga';
import type { HelhedContext } from './context.js';
import { accessResolvers } from './resolvers/access.js';
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

export function createHelhedSchema() {
  return createSchema<HelhedContext>({
    typeDefs,
    resolvers: [
      catalogResolvers,
      citizenResolvers,
      planResolvers,
      statisticsResolvers,
      interventionResolvers,
      meetingResolvers,
      timelineResolvers,
      accessResolvers,
      subscriptionResolvers,
      caseloadResolvers,
      fhirResolvers,
      familyResolvers,
      targetGroupResolvers,
      registrationResolvers,
      planLifecycleResolvers,
      administrationResolvers,
      economyResolvers,
      deliveryResolvers,
      citizenMergeResolvers,
    ],
  });
}
