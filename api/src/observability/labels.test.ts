import { describe, expect, it } from 'vitest';
import { loggableName, type OperationRecord, operationLabel } from './graphql-telemetry.js';
import { routeOf } from './requests.js';

const record = (fields: string[]): OperationRecord => ({
  name: null,
  type: 'query',
  fields: fields.map((name) => ({ name, key: name })),
  errorCodes: [],
  stream: false,
});

describe('bounded labels', () => {
  it('name routes without ids or query strings', () => {
    expect(routeOf('/graphql?x=1')).toBe('/graphql');
    expect(routeOf('/readyz')).toBe('/readyz');
    expect(routeOf('/citizen/5f0c2a1e-0000-4000-8000-000000000000')).toBe('static');
    expect(routeOf('/fhir/Patient/123')).toBe('/fhir');
    expect(routeOf('/auth/whatever')).toBe('/auth/other');
  });

  it('label an operation by its one root field, or as multiple or unknown', () => {
    expect(operationLabel(record(['recordMeasurement']))).toBe('recordMeasurement');
    expect(operationLabel(record(['plan', 'plan', '__typename']))).toBe('plan');
    expect(operationLabel(record(['plan', 'citizen']))).toBe('multiple');
    expect(operationLabel(record([]))).toBe('unknown');
  });

  it('keep GraphQL operation names, but not ones carrying a CPR-like number', () => {
    expect(loggableName('CreateCitizen')).toBe('CreateCitizen');
    expect(loggableName(undefined)).toBeNull();
    expect(loggableName('Anna0101901234')).toBe('[redacted]');
    expect(loggableName('not a name')).toBe('[redacted]');
  });
});
