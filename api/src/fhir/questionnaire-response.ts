import type { Measurement } from '../db/schema/index.js';
import type { InstrumentDefinition } from '../domain/instruments/index.js';
import { fromTenths } from '../domain/scoring/index.js';
import { extensions, identifierSystems } from './codes.js';
import { measurementFhirId } from './ids.js';
import { answerType, questionnaireCanonical } from './questionnaire.js';
import type { Extension, QuestionnaireResponse, Reference } from './resources.js';

/** Who a measurement is about and which department recorded it, as references. */
export interface MeasurementParties {
  subject: Reference;
  department: Reference;
}

/** The respondent role and session of a measurement, as Helhed extensions. */
export function measurementExtensions(m: Measurement): Extension[] {
  return [
    {
      url: extensions.respondentRole,
      valueCode: m.respondentRole,
    },
    ...(m.session === null ? [] : [{ url: extensions.session, valueInteger: m.session }]),
  ];
}

/**
 * One measurement as a QuestionnaireResponse. A measurement a correction superseded is
 * `entered-in-error`, so a receiver that stored it earlier takes it out of the series.
 */
export function responseOf(
  m: Measurement,
  def: InstrumentDefinition,
  parties: MeasurementParties,
  superseded: boolean,
): QuestionnaireResponse {
  const type = answerType(def);
  return {
    resourceType: 'QuestionnaireResponse',
    id: measurementFhirId(m),
    extension: measurementExtensions(m),
    identifier: { system: identifierSystems.measurement, value: m.id },
    questionnaire: questionnaireCanonical(m.instrumentKey, m.instrumentVersion),
    status: superseded ? 'entered-in-error' : 'completed',
    subject: parties.subject,
    authored: m.occurredAt.toISOString(),
    author: parties.department,
    ...(m.respondentRole === 'CITIZEN' || m.respondentRole === 'CHILD' ? { source: parties.subject } : {}),
    item: def.items.map((item, i) => {
      const value = fromTenths(m.itemValues[i] ?? 0);
      return {
        linkId: item.key,
        answer: [type === 'integer' ? { valueInteger: value } : { valueDecimal: value }],
      };
    }),
  };
}
