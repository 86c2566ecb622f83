/*
 * Code systems, naming systems and extensions Helhed uses in FHIR (docs/fhir.md). Helhed's own
 * systems live under one base; external codes (LOINC, HL7 terminology) only where they exist.
 */

export const HELHED_FHIR_BASE = 'https://helhed.dk/fhir';

const codeSystem = (name: string) => `${HELHED_FHIR_BASE}/CodeSystem/${name}`;
const namingSystem = (name: string) => `${HELHED_FHIR_BASE}/NamingSystem/${name}`;
const extension = (name: string) => `${HELHED_FHIR_BASE}/StructureDefinition/${name}`;

/** Code systems: instruments (code = key), items (code = `instrumentKey.itemKey`), and ours. */
export const systems = {
  instrument: codeSystem('instrument'),
  instrumentItem: codeSystem('instrument-item'),
  respondentRole: codeSystem('respondent-role'),
  departmentKind: codeSystem('department-kind'),
  planScore: codeSystem('plan-score'),
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  goalPriority: 'http://terminology.hl7.org/CodeSystem/goal-priority',
} as const;

/** Identifier systems carrying Helhed's own ids, so an import can map a resource back. */
export const identifierSystems = {
  citizen: namingSystem('citizen-id'),
  department: namingSystem('department-id'),
  family: namingSystem('family-id'),
  plan: namingSystem('plan-id'),
  goal: namingSystem('goal-id'),
  goalRating: namingSystem('goal-rating-id'),
  measurement: namingSystem('measurement-id'),
  /** A case system's own reference to a citizen: `${base}/external-ref/<system>`. */
  externalRef: (system: string) => `${namingSystem('external-ref')}/${encodeURIComponent(system)}`,
} as const;

export const externalRefPrefix = `${namingSystem('external-ref')}/`;

export const extensions = {
  respondentRole: extension('respondent-role'),
  session: extension('session'),
  goalBaseline: extension('goal-baseline'),
  goalWeight: extension('goal-weight'),
  goalOwnerDepartment: extension('goal-owner-department'),
  /** Standard Questionnaire extensions for an item's range. */
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
} as const;

/** Canonical URL of an instrument's Questionnaire; `|version` pins the version. */
export const questionnaireUrl = (key: string) => `${HELHED_FHIR_BASE}/Questionnaire/${key}`;

/** Code of one item in the instrument-item system. */
export const itemCode = (instrumentKey: string, itemKey: string) => `${instrumentKey}.${itemKey}`;

/**
 * LOINC codes for a single goal's GAS score by who rated it (LOINC 2.81, as listed by the HL7
 * Person-Centered Outcomes IG value set "goal-attainment-scaling-score"). LOINC has no code for
 * the Kiresuk–Sherman T-score of a whole plan; that one carries Helhed's own code only.
 */
export const gasLoinc: Record<string, { code: string; display: string } | undefined> = {
  PROFESSIONAL: { code: '107333-7', display: 'Practitioner follow-up goal attainment scaling score' },
  COORDINATOR: { code: '107333-7', display: 'Practitioner follow-up goal attainment scaling score' },
  CITIZEN: { code: '107334-5', display: 'Patient follow-up goal attainment scaling score' },
  CHILD: { code: '107334-5', display: 'Patient follow-up goal attainment scaling score' },
  PARENT: { code: '107331-1', display: 'Caregiver follow-up goal attainment scaling score' },
};

/** A score on an instrument's own scale, in UCUM's annotation form. */
export const scoreUnit = { unit: 'score', system: systems.ucum, code: '{score}' } as const;
