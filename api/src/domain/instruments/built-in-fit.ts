import { allianceAlerts, outcomeAlerts, ownWording, text, zeroToTen } from './built-in-wording.js';
import type { InstrumentDefinition } from './definition.js';

/*
 * FIT-style outcome and session instruments for adults and children, in Helhed's own neutral
 * wording. The structure (four 0–10 lines, cutoffs, thresholds) is arithmetic, not licensed text.
 */

/** Four-line outcome measure for adults, rated at the start of a session. */
export const outcome: InstrumentDefinition = {
  key: 'outcome',
  version: 1,
  kind: 'OUTCOME',
  audience: 'ADULT',
  direction: 'HIGHER_IS_BETTER',
  name: text('Sådan går det', 'How things are going'),
  description: text(
    'Fire linjer om, hvordan livet går lige nu. Sæt et mærke på hver linje: til venstre går det skidt, til højre går det godt.',
    'Four lines about how life is going right now. Mark each line: the left end means badly, the right end means well.',
  ),
  scale: zeroToTen,
  anchors: { low: text('Meget skidt', 'Very badly'), high: text('Rigtig godt', 'Really well') },
  items: [
    {
      key: 'wellbeing',
      label: text('Sådan har jeg det med mig selv', 'How I feel in myself'),
      hint: text('Humør, krop og søvn', 'Mood, body and sleep'),
    },
    {
      key: 'relationships',
      label: text('Mine nærmeste relationer', 'My closest relationships'),
      hint: text('Familie, kæreste og dem, jeg står nærmest', 'Family, partner and the people closest to me'),
    },
    {
      key: 'daily-life',
      label: text('Min hverdag', 'My everyday life'),
      hint: text(
        'Arbejde, uddannelse, skole eller andre gøremål',
        'Work, education, school or other activities',
      ),
    },
    { key: 'overall', label: text('Alt i alt lige nu', 'All in all, right now') },
  ],
  total: 'SUM',
  cutoffs: [
    { minAge: 18, value: 25 },
    { minAge: 13, maxAge: 17, value: 28 },
    { minAge: 6, maxAge: 12, value: 32 },
  ],
  reliableChange: 5,
  alerts: outcomeAlerts,
  licence: ownWording,
};

/** Four-line alliance measure for adults, rated at the end of a session. */
export const session: InstrumentDefinition = {
  key: 'session',
  version: 1,
  kind: 'SESSION',
  audience: 'ADULT',
  direction: 'HIGHER_IS_BETTER',
  name: text('Om mødet i dag', "About today's meeting"),
  description: text(
    'Fire linjer om mødet, vi lige har haft. Dit ærlige svar hjælper os med at gøre det næste møde bedre.',
    'Four lines about the meeting we just had. Your honest answer helps us make the next meeting better.',
  ),
  scale: zeroToTen,
  anchors: { low: text('Slet ikke', 'Not at all'), high: text('I høj grad', 'Very much') },
  items: [
    {
      key: 'heard',
      label: text('Jeg blev lyttet til og taget alvorligt', 'I was listened to and taken seriously'),
    },
    {
      key: 'goals-topics',
      label: text('Vi talte om det, der er vigtigt for mig', 'We talked about what matters to me'),
    },
    { key: 'approach', label: text('Måden, vi arbejdede på, passede mig', 'The way we worked suited me') },
    {
      key: 'overall',
      label: text('Alt i alt var mødet godt for mig', 'All in all, the meeting was good for me'),
    },
  ],
  total: 'SUM',
  cutoffs: [],
  // No reliable-change threshold: the alliance is judged per session by its alerts, not by change.
  reliableChange: null,
  alerts: allianceAlerts,
  licence: ownWording,
};

/**
 * An adult measure in words a child uses: the same lines, scale and scoring, and the widget
 * shows Helhed's own faces at the ends.
 */
const forChildren = (
  adult: InstrumentDefinition,
  wording: Pick<InstrumentDefinition, 'key' | 'name' | 'description' | 'anchors' | 'items'> &
    Partial<InstrumentDefinition>,
): InstrumentDefinition => ({ ...adult, ...wording, audience: 'CHILD', faces: true });

/** The outcome measure for a child. */
export const childOutcome: InstrumentDefinition = forChildren(outcome, {
  key: 'child-outcome',
  name: text('Sådan har jeg det', 'How I am'),
  description: text(
    'Fire streger om, hvordan du har det. Sæt et mærke: ved det triste ansigt er det svært, ved det glade ansigt er det godt.',
    'Four lines about how you are. Make a mark: by the sad face things are hard, by the happy face things are good.',
  ),
  anchors: { low: text('Rigtig svært', 'Really hard'), high: text('Rigtig godt', 'Really good') },
  items: [
    {
      key: 'wellbeing',
      label: text('Mig selv', 'Me'),
      hint: text('Glad, ked af det, vred eller tryg?', 'Happy, sad, angry or safe?'),
    },
    { key: 'relationships', label: text('Mig og min familie', 'Me and my family') },
    { key: 'daily-life', label: text('Skole, venner og fritid', 'School, friends and free time') },
    { key: 'overall', label: text('Det hele lige nu', 'Everything right now') },
  ],
  // One cutoff for every age: the child instruments are normed on children only.
  cutoffs: [{ value: 32 }],
});

/** The session measure for a child. */
export const childSession: InstrumentDefinition = forChildren(session, {
  key: 'child-session',
  name: text('Om i dag', 'About today'),
  description: text(
    'Fire streger om, hvordan det var at være her i dag. Du må gerne sige det, hvis noget ikke var godt.',
    'Four lines about what it was like to be here today. It is fine to say so if something was not good.',
  ),
  anchors: { low: text('Slet ikke', 'Not at all'), high: text('Helt vildt', 'Loads') },
  items: [
    { key: 'heard', label: text('Jeg følte, at der blev lyttet til mig', 'I felt listened to') },
    {
      key: 'goals-topics',
      label: text(
        'Vi snakkede om noget, der betyder noget for mig',
        'We talked about things that matter to me',
      ),
    },
    {
      key: 'approach',
      label: text('Måden, vi gjorde det på, var god for mig', 'The way we did things was good for me'),
    },
    { key: 'overall', label: text('Jeg er glad for, at jeg kom i dag', 'I am glad I came today') },
  ],
});
