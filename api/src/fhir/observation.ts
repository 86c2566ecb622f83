import type { Goal, GoalRating, Measurement } from '../db/schema/index.js';
import type { InstrumentDefinition } from '../domain/instruments/index.js';
import { fromTenths } from '../domain/scoring/index.js';
import { extensions, gasLoinc, identifierSystems, itemCode, scoreUnit, systems } from './codes.js';
import { fhirId, measurementFhirId, measurementObservationId } from './ids.js';
import type { MeasurementParties } from './questionnaire-response.js';
import { measurementExtensions } from './questionnaire-response.js';
import type { Coding, Observation, Reference } from './resources.js';

const survey = [{ coding: [{ system: systems.observationCategory, code: 'survey', display: 'Survey' }] }];
const score = (value: number) => ({ ...scoreUnit, value });

/** LOINC's GAS score code for the rater, where one exists (codes.ts); GAS instruments only. */
function gasCoding(instrumentKey: string, role: string): Coding[] {
  const loinc = instrumentKey === 'gas' ? gasLoinc[role] : undefined;
  return loinc ? [{ system: systems.loinc, ...loinc }] : [];
}

/**
 * A measurement's total and each item as Observations derived from its QuestionnaireResponse,
 * so systems that chart Observations need not read questionnaires.
 */
export function measurementObservations(
  m: Measurement,
  def: InstrumentDefinition,
  parties: MeasurementParties,
  superseded: boolean,
): Observation[] {
  const responseId = measurementFhirId(m);
  const common = {
    resourceType: 'Observation' as const,
    extension: measurementExtensions(m),
    status: superseded ? ('entered-in-error' as const) : ('final' as const),
    category: survey,
    subject: parties.subject,
    effectiveDateTime: m.occurredAt.toISOString(),
    issued: m.recordedAt.toISOString(),
    performer: [parties.department],
    derivedFrom: [{ reference: `QuestionnaireResponse/${responseId}` }],
  };
  const total: Observation = {
    ...common,
    id: measurementObservationId(responseId, 'total'),
    code: {
      coding: [
        { system: systems.instrument, code: def.key, display: def.name.en },
        ...gasCoding(def.key, m.respondentRole),
      ],
      text: def.name.en,
    },
    valueQuantity: score(fromTenths(m.total)),
  };
  if (def.items.length === 1) return [total];
  const items = def.items.map(
    (item, i): Observation => ({
      ...common,
      id: measurementObservationId(responseId, `item/${item.key}`),
      code: {
        coding: [
          { system: systems.instrumentItem, code: itemCode(def.key, item.key), display: item.label.en },
        ],
      },
      valueQuantity: score(fromTenths(m.itemValues[i] ?? 0)),
    }),
  );
  return [total, ...items];
}

/** One participant's rating of a goal, linked to the goal through `focus`. */
export function goalRatingObservation(
  rating: GoalRating,
  goal: Goal,
  def: InstrumentDefinition,
  subject: Reference,
): Observation {
  const item = def.items[0];
  return {
    resourceType: 'Observation',
    id: fhirId('goal-rating', rating.id),
    extension: [{ url: extensions.respondentRole, valueCode: rating.raterRole }],
    identifier: [{ system: identifierSystems.goalRating, value: rating.id }],
    status: 'final',
    category: survey,
    code: {
      coding: [
        {
          system: systems.instrumentItem,
          code: itemCode(def.key, item?.key ?? 'goal'),
          display: item?.label.en ?? def.name.en,
        },
        ...gasCoding(def.key, rating.raterRole),
      ],
    },
    subject,
    focus: [{ reference: `Goal/${fhirId('goal', goal.id)}` }],
    effectiveDateTime: rating.occurredAt.toISOString(),
    issued: rating.recordedAt.toISOString(),
    valueQuantity: score(fromTenths(rating.value)),
  };
}

/** The plan's Kiresuk–Sherman T-score over its GAS goals (Helhed's own code: LOINC has none). */
export function gasTScoreObservation(
  planId: string,
  tScore: number,
  at: Date,
  subject: Reference,
  gasGoalIds: readonly string[],
): Observation {
  return {
    resourceType: 'Observation',
    id: fhirId('plan-gas', planId),
    status: 'final',
    category: survey,
    code: {
      coding: [
        { system: systems.planScore, code: 'gas-t-score', display: 'Goal attainment T-score of the plan' },
      ],
    },
    subject,
    focus: gasGoalIds.map((id) => ({ reference: `Goal/${fhirId('goal', id)}` })),
    effectiveDateTime: at.toISOString(),
    valueQuantity: score(Math.round(tScore * 100) / 100),
  };
}
