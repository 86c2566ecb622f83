/**
 * What the session feedback form reads from and writes to the API, and how it picks the
 * instruments: the child wording up to 12, the adult wording from 13.
 */
import { graphql } from './gql/gql.js';
import type { RecordMeasurementMutation, SessionFeedbackQuery } from './gql/graphql.js';

/** Detail of `helhed-recorded`: the measurement the API stored. */
export interface RecordedDetail {
  measurementId: string;
  instrumentKey: string;
  total: number;
  citizenId: string;
}

/** Detail of `helhed-pending`: a measurement kept on the device until there is a connection. */
export interface PendingDetail {
  idempotencyKey: string;
  instrumentKey: string;
  citizenId: string;
}

/** Detail of `helhed-error`: the API's stable error code. */
export interface ErrorDetail {
  code: string;
}

export const FORM_DATA = graphql(`
  query SessionFeedback($id: ID!, $lang: Language) {
    instruments { key min max step totalMax faces name(lang: $lang) items { key label(lang: $lang) } }
    citizen(id: $id) {
      birthYear
      progression { series { instrumentKey respondentRole department { id } points { session } } }
    }
  }
`);

export const RECORD = graphql(`
  mutation RecordMeasurement($input: RecordMeasurementInput!) {
    recordMeasurement(input: $input) { id citizenId instrumentKey total }
  }
`);

/** The form's answer, as the generator types it from the schema. */
export type FormData = SessionFeedbackQuery;
/** An instrument as the form needs it, in the request language. */
export type FormInstrument = FormData['instruments'][number];
/** The measurement the API stored. */
export type RecordedMeasurement = RecordMeasurementMutation['recordMeasurement'];

/** The FIT-style child instruments are for children up to 12; from 13 the adult wording is used. */
const CHILD_MAX_AGE = 12;

/** The form for one citizen: which instruments, who answers, and the next session number. */
export interface FormSetup {
  child: boolean;
  outcome: FormInstrument;
  session: FormInstrument;
  nextSession: number;
}

/** Picks the instruments by age; `undefined` when the municipality lacks one of them. */
export function formSetup(data: FormData, departmentId: string): FormSetup | undefined {
  const child = new Date().getFullYear() - data.citizen.birthYear <= CHILD_MAX_AGE;
  const find = (key: string) => data.instruments.find((i) => i.key === key);
  const outcome = find(child ? 'child-outcome' : 'outcome');
  const session = find(child ? 'child-session' : 'session');
  if (!outcome || !session) return undefined;
  const sessions = data.citizen.progression.series
    .filter((s) => s.instrumentKey === outcome.key && s.department.id === departmentId)
    .flatMap((s) => s.points.map((p) => p.session ?? 0));
  return { child, outcome, session, nextSession: Math.max(0, ...sessions) + 1 };
}
