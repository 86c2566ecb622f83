/*
 * The parts of FHIR R4 that Helhed writes, as minimal types (@types/fhir only covers STU3).
 * Field names and cardinalities follow the R4 StructureDefinitions; tests validate the output
 * against them with the `fhir` package.
 */

export interface Coding {
  system: string;
  code: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Identifier {
  system: string;
  value: string;
}
export interface Reference {
  reference?: string;
  identifier?: Identifier;
  type?: string;
  display?: string;
}
export interface Quantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}
export interface Extension {
  url: string;
  valueCode?: string;
  valueInteger?: number;
  valueDecimal?: number;
  valueQuantity?: Quantity;
  valueReference?: Reference;
}

interface DomainResource {
  id: string;
  extension?: Extension[];
}

export interface Patient extends DomainResource {
  resourceType: 'Patient';
  identifier: Identifier[];
  birthDate?: string;
}

export interface Organization extends DomainResource {
  resourceType: 'Organization';
  identifier: Identifier[];
  type: CodeableConcept[];
  name: string;
}

export interface Group extends DomainResource {
  resourceType: 'Group';
  identifier: Identifier[];
  type: 'person';
  actual: true;
  name: string;
  member: { entity: Reference }[];
}

export interface QuestionnaireItem {
  linkId: string;
  code: Coding[];
  text: string;
  type: 'decimal' | 'integer';
  required: true;
  extension: Extension[];
}

export interface Questionnaire extends DomainResource {
  resourceType: 'Questionnaire';
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'active';
  description: string;
  copyright: string;
  code: Coding[];
  subjectType: ['Patient'];
  item: QuestionnaireItem[];
}

export interface QuestionnaireResponseItem {
  linkId: string;
  answer: { valueDecimal?: number; valueInteger?: number }[];
}

export interface QuestionnaireResponse extends DomainResource {
  resourceType: 'QuestionnaireResponse';
  identifier?: Identifier;
  questionnaire: string;
  status: 'completed' | 'entered-in-error';
  subject: Reference;
  authored: string;
  author?: Reference;
  source?: Reference;
  item: QuestionnaireResponseItem[];
}

export interface Observation extends DomainResource {
  resourceType: 'Observation';
  identifier?: Identifier[];
  status: 'final' | 'entered-in-error';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  focus?: Reference[];
  effectiveDateTime: string;
  issued?: string;
  performer?: Reference[];
  valueQuantity: Quantity;
  derivedFrom?: Reference[];
}

export interface Goal extends DomainResource {
  resourceType: 'Goal';
  identifier: Identifier[];
  lifecycleStatus: 'active' | 'completed';
  achievementStatus: CodeableConcept;
  priority?: CodeableConcept;
  description: CodeableConcept;
  subject: Reference;
  startDate: string;
  target: { measure: CodeableConcept; detailQuantity: Quantity }[];
  outcomeReference?: Reference[];
}

export interface CarePlan extends DomainResource {
  resourceType: 'CarePlan';
  identifier: Identifier[];
  status: 'active';
  intent: 'plan';
  subject: Reference;
  created: string;
  goal: Reference[];
}

export type HelhedResource =
  | Patient
  | Organization
  | Group
  | Questionnaire
  | QuestionnaireResponse
  | Observation
  | Goal
  | CarePlan;

export interface BundleEntry {
  fullUrl: string;
  resource: HelhedResource;
  request: { method: 'PUT'; url: string };
}

export interface Bundle {
  resourceType: 'Bundle';
  id: string;
  type: 'transaction';
  timestamp: string;
  entry: BundleEntry[];
}
