import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fhirId, IMPORT_KEY_PREFIX, measurementFhirId, uuidV5 } from './ids.js';

describe('stable FHIR ids', () => {
  it('computes RFC 4122 version 5 UUIDs (the DNS example of Python’s uuid module)', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('derives the same id from the same record, and different ids for different kinds', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(fhirId('goal', id)).toBe(fhirId('goal', id));
        expect(fhirId('goal', id)).not.toBe(fhirId('citizen', id));
        expect(fhirId('goal', id)).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
      }),
    );
  });

  it('keeps the id a measurement was imported under', () => {
    expect(measurementFhirId({ id: 'm1', idempotencyKey: `${IMPORT_KEY_PREFIX}abc-1` })).toBe('abc-1');
    expect(measurementFhirId({ id: 'm1', idempotencyKey: 'k' })).toBe(fhirId('measurement', 'm1'));
  });
});
