import { createHash } from 'node:crypto';

/**
 * Helhed's fixed UUID namespace for FHIR resource ids. Never change it: every id a vendor has
 * stored was derived from it.
 */
export const HELHED_FHIR_NAMESPACE = 'b6e2fd72-42e0-4409-9f0a-42d32dce8c00';

/** The kinds of Helhed records a FHIR resource id is derived from. */
export type FhirIdKind =
  | 'citizen'
  | 'department'
  | 'family'
  | 'plan'
  | 'goal'
  | 'goal-rating'
  | 'measurement'
  | 'questionnaire'
  | 'observation'
  | 'plan-gas';

/** RFC 4122 name-based UUID, version 5 (SHA-1). */
export function uuidV5(name: string, namespace = HELHED_FHIR_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The FHIR id of a Helhed record: the same record always gives the same id, so a re-export
 * updates what a receiver stored instead of duplicating it.
 */
export const fhirId = (kind: FhirIdKind, ...parts: string[]): string => uuidV5(`${kind}/${parts.join('/')}`);

/** Idempotency keys of measurements imported from FHIR carry the QuestionnaireResponse id. */
export const IMPORT_KEY_PREFIX = 'fhir:QuestionnaireResponse/';

/**
 * The QuestionnaireResponse id of a measurement: the id it was imported under, or one derived
 * from its own id. A round trip through another Helhed tenant therefore keeps the id.
 */
export function measurementFhirId(m: { id: string; idempotencyKey: string }): string {
  return m.idempotencyKey.startsWith(IMPORT_KEY_PREFIX)
    ? m.idempotencyKey.slice(IMPORT_KEY_PREFIX.length)
    : fhirId('measurement', m.id);
}

/** Ids of the Observations derived from one QuestionnaireResponse (its total, one per item). */
export const measurementObservationId = (responseId: string, part: 'total' | `item/${string}`): string =>
  fhirId('observation', responseId, part);

/** `urn:uuid:` full URL of a resource in a Bundle. */
export const fullUrl = (id: string) => `urn:uuid:${id}`;
