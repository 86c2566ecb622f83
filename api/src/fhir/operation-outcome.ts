import type { FhirImportError, FhirImportResult } from './import.js';

/** FHIR's OperationOutcome: how every /fhir error and import answer is reported. */
export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: {
    severity: 'fatal' | 'error' | 'warning' | 'information';
    code: string;
    diagnostics: string;
    expression?: string[];
    details?: { coding: { system: string; code: string }[] };
  }[];
}

/** Helhed's error codes as FHIR issue types (R4 value set issue-type). */
const issueType: Record<string, string> = {
  UNAUTHENTICATED: 'login',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  BAD_USER_INPUT: 'invalid',
  INVALID_RESOURCE: 'structure',
  CONFLICT: 'conflict',
  RATE_LIMITED: 'throttled',
  TOO_LARGE: 'too-long',
  METHOD_NOT_ALLOWED: 'not-supported',
  INTERNAL: 'exception',
};

const ERROR_CODES = 'https://helhed.dk/fhir/CodeSystem/error-code';

export function errorOutcome(code: string, message: string, expression?: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: issueType[code] ?? 'processing',
        diagnostics: message,
        ...(expression ? { expression: [expression] } : {}),
        details: { coding: [{ system: ERROR_CODES, code }] },
      },
    ],
  };
}

const entryExpression = (e: Pick<FhirImportError, 'index' | 'path'>) =>
  `Bundle.entry[${e.index}].resource${e.path ? `.${e.path}` : ''}`;

/** An import's answer: one issue per entry, errors only when the bundle was refused. */
export function importOutcome(result: FhirImportResult): OperationOutcome {
  if (!result.ok) {
    return {
      resourceType: 'OperationOutcome',
      issue: result.errors.map((e) => ({
        ...(errorOutcome(e.code, e.message, entryExpression(e))
          .issue[0] as OperationOutcome['issue'][number]),
      })),
    };
  }
  return {
    resourceType: 'OperationOutcome',
    issue: result.entries.map((e) => ({
      severity: 'information',
      code: 'informational',
      diagnostics: `${e.outcome} ${e.resourceType}${e.resourceId ? `/${e.resourceId}` : ''}`,
      expression: [`Bundle.entry[${e.index}]`],
      details: { coding: [{ system: ERROR_CODES, code: e.outcome }] },
    })),
  };
}
