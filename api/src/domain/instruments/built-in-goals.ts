import { ownWording, text, zeroToTen } from './built-in-wording.js';
import type { InstrumentDefinition } from './definition.js';

/** One 0–10 line per goal, rated by each participant of a family dialogue. */
/**
 * What Helhed's own one-line goal instruments share: one line, higher is better, no cutoffs and
 * no alerts (a goal's progress is read against its own baseline and target).
 */
const ownGoalLine = {
  version: 1,
  audience: 'ADULT',
  direction: 'HIGHER_IS_BETTER',
  total: 'SINGLE',
  cutoffs: [],
  alerts: { type: 'NONE' },
  licence: ownWording,
} as const satisfies Partial<InstrumentDefinition>;

export const goalScale: InstrumentDefinition = {
  ...ownGoalLine,
  key: 'goal-scale',
  kind: 'GOAL',
  name: text('Målskala', 'Goal scale'),
  description: text(
    'Én linje pr. mål. Hver deltager sætter sit eget mærke, så vi kan se, hvor vi er enige og uenige.',
    'One line per goal. Each participant makes their own mark, so we can see where we agree and disagree.',
  ),
  scale: zeroToTen,
  anchors: {
    low: text('Slet ikke i gang', 'Not started at all'),
    high: text('Målet er nået', 'Goal reached'),
  },
  items: [{ key: 'goal', label: text('Hvor langt er I med målet?', 'How far along are you with the goal?') }],
  // No published reliable-change index exists for a single 0–10 goal line. Two points (a fifth
  // of the line) is a conservative choice above the point or so a rater moves between two
  // ratings of an unchanged situation; tenants can override it.
  reliableChange: 2,
};

/** Goal Attainment Scaling: one level per goal, −2 (much less than expected) to +2 (much more). */
export const gas: InstrumentDefinition = {
  ...ownGoalLine,
  key: 'gas',
  kind: 'GAS',
  name: text('Målopfyldelse (GAS)', 'Goal attainment (GAS)'),
  description: text(
    'Niveauet for målet: 0 er det forventede resultat, −2 meget mindre end forventet, +2 meget mere end forventet.',
    'The level for the goal: 0 is the expected outcome, −2 much less than expected, +2 much more than expected.',
  ),
  scale: { min: -2, max: 2, step: 1 },
  anchors: {
    low: text('Meget mindre end forventet', 'Much less than expected'),
    high: text('Meget mere end forventet', 'Much more than expected'),
  },
  items: [{ key: 'attainment', label: text('Opnået niveau for målet', 'Level reached for the goal') }],
  // Each GAS level is a step the team described in advance for this goal, so moving one whole
  // level is by construction a real change, not measurement noise.
  reliableChange: 1,
};

/** FSIII/VUM-style functional level for one theme: 0 no problems … 4 complete problems. */
export const functionLevel: InstrumentDefinition = {
  key: 'function-level',
  version: 1,
  kind: 'FUNCTION_LEVEL',
  audience: 'ADULT',
  direction: 'LOWER_IS_BETTER',
  name: text('Funktionsniveau', 'Functional level'),
  description: text(
    'Niveauet for ét tema: 0 ingen, 1 lette, 2 moderate, 3 svære, 4 totale problemer.',
    'The level for one theme: 0 no, 1 mild, 2 moderate, 3 severe, 4 complete problems.',
  ),
  scale: { min: 0, max: 4, step: 1 },
  anchors: {
    low: text('Ingen problemer', 'No problems'),
    high: text('Totale problemer', 'Complete problems'),
  },
  items: [{ key: 'level', label: text('Funktionsniveau for temaet', 'Functional level for the theme') }],
  total: 'SINGLE',
  cutoffs: [],
  reliableChange: 1,
  alerts: { type: 'NONE' },
  licence: ownWording,
};
