/**
 * What the session feedback form reads from and writes to the API, and how it picks the
 * instruments: the child wording up to 12, the adult wording from 13.
 */

/** An instrument as the form needs it, in the request language. */
export interface FormInstrument {
  key: string;
  name: string;
  min: number;
  max: number;
  step: number;
  totalMax: number;
  faces: boolean;
  items: { key: string; label: string }[];
}

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

export interface RecordedMeasurement {
  id: string;
  citizenId: string;
  instrumentKey: string;
  total: number;
}

export const FORM_DATA = /* GraphQL */ `
  query SessionFeedback($id: ID!, $lang: Language) {
    instruments { key min max step totalMax faces name(lang: $lang) items { key label(lang: $lang) } }
    citizen(id: $id) {
      birthYear
      progression { series { instrumentKey respondentRole department { id } points { session } } }
    }
  }
`;

export const RECORD = /* GraphQL */ `
  mutation RecordMeasurement($input: RecordMeasurementInput!) {
    recordMeasurement(input: $input) { id citizenId instrumentKey total }
  }
`;

export interface FormData {
  instruments: FormInstrument[];
  citizen: {
    birthYear: number;
    progression: {
      series: {
        instrumentKey: string;
        respondentRole: string;
        department: { id: string };
        points: { session: number | null }[];
      }[];
    };
  };
}

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
