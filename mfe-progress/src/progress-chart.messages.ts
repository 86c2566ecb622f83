import { createTranslator, type Locale } from '@helhed/kit';

/** Words of the progress chart: plain enough for the citizen to read along. */
export const t = createTranslator({
  da: {
    heading: 'Sådan er det gået',
    loading: 'Henter målingerne …',
    error: 'Målingerne kunne ikke hentes. {reason}',
    retry: 'Prøv igen',
    missingId: 'Vælg en borger for at se udviklingen.',
    empty: 'Der er ingen målinger endnu. Når der er svaret på spørgsmålene, kan I se udviklingen her.',
    scaleLabel: 'Vis tallene som',
    scaleRaw: 'Point',
    scaleNormalized: '0–1 (kan sammenlignes)',
    showTable: 'Vis som tabel',
    hideTable: 'Skjul tabel',
    divergent:
      'Udviklingen peger i hver sin retning: ét sted går det pålideligt bedre, et andet sted pålideligt dårligere. Tal sammen på tværs af forvaltningerne.',
    roleCITIZEN: 'borgerens egne svar',
    roleCHILD: 'barnets svar',
    rolePARENT: 'forælderens svar',
    rolePROFESSIONAL: 'fagpersonens vurdering',
    roleOTHER: 'andres svar',
    colourGREEN: 'Grøn',
    colourORANGE: 'Orange',
    colourRED: 'Rød',
    colourGREY: 'Grå',
    RELIABLE_DETERIORATION: 'Det går pålideligt dårligere end ved første måling – tal om, hvad der er sket',
    NO_IMPROVEMENT_BY_RED_SESSION:
      'Ingen pålidelig bedring efter {session}. samtale – tal om, hvad der skal til',
    NO_IMPROVEMENT_AT_ORANGE_SESSION:
      'Endnu ingen pålidelig bedring ved {session}. samtale – tal om, om I er på rette vej',
    ALLIANCE_BELOW_THRESHOLD: 'Samarbejdet fik en lav vurdering sidst – spørg, hvad der kan gøres anderledes',
    ALLIANCE_DROP: 'Vurderingen af samarbejdet faldt siden sidst – spørg ind til det',
    ALLIANCE_ITEM_LOW: 'Et af svarene om samarbejdet var lavt – spørg ind til det',
    INSUFFICIENT_DATA: 'For få målinger til at sige noget om udviklingen endnu',
    greenImproved: 'Det går pålideligt bedre – bliv ved',
    greenAlliance: 'Samarbejdet får en god vurdering',
    greenEarly: 'Ingen advarsel endnu',
    IMPROVED: 'Pålidelig bedring',
    DETERIORATED: 'Pålidelig forværring',
    NO_RELIABLE_CHANGE: 'Ingen pålidelig ændring',
    change: '{label}: {change} point fra første til seneste måling ({first} → {latest} af {max}).',
    recovered: 'Nu på den anden side af den kliniske grænse: en klinisk betydende bedring.',
    chartLabel: '{name}, {count} målinger. Seneste {latest} af {max}.',
    chartCutoff: 'Klinisk grænse {cutoff}.',
    legendLine: 'Målinger',
    legendCutoff: 'Klinisk grænse ({cutoff})',
    legendBand: 'Pålidelig ændring: ±{rc} fra første måling',
    axisSession: 'Samtale',
    caption: '{name} – {department}, {role}',
    colSession: 'Samtale',
    colDate: 'Dato',
    colTotal: 'Point (af {max})',
    colNormalized: '0–1',
  },
  en: {
    heading: 'How things have gone',
    loading: 'Loading the measurements …',
    error: 'The measurements could not be loaded. {reason}',
    retry: 'Try again',
    missingId: 'Choose a citizen to see the progress.',
    empty:
      'There are no measurements yet. Once the questions have been answered, you can follow the progress here.',
    scaleLabel: 'Show the numbers as',
    scaleRaw: 'Points',
    scaleNormalized: '0–1 (comparable)',
    showTable: 'Show as a table',
    hideTable: 'Hide table',
    divergent:
      'Progress points in different directions: in one place things are reliably better, in another reliably worse. Talk across the departments.',
    roleCITIZEN: "the citizen's own answers",
    roleCHILD: "the child's answers",
    rolePARENT: "the parent's answers",
    rolePROFESSIONAL: "the professional's rating",
    roleOTHER: "others' answers",
    colourGREEN: 'Green',
    colourORANGE: 'Orange',
    colourRED: 'Red',
    colourGREY: 'Grey',
    RELIABLE_DETERIORATION: 'Reliably worse than at the first measurement – talk about what has happened',
    NO_IMPROVEMENT_BY_RED_SESSION:
      'No reliable improvement after session {session} – talk about what it would take',
    NO_IMPROVEMENT_AT_ORANGE_SESSION:
      'No reliable improvement yet at session {session} – talk about whether you are on the right track',
    ALLIANCE_BELOW_THRESHOLD:
      'The working relationship was rated low last time – ask what could be done differently',
    ALLIANCE_DROP: 'The rating of the working relationship fell since last time – ask about it',
    ALLIANCE_ITEM_LOW: 'One of the answers about the working relationship was low – ask about it',
    INSUFFICIENT_DATA: 'Too few measurements to say anything about progress yet',
    greenImproved: 'Things are reliably better – keep going',
    greenAlliance: 'The working relationship is rated well',
    greenEarly: 'No warning yet',
    IMPROVED: 'Reliable improvement',
    DETERIORATED: 'Reliable deterioration',
    NO_RELIABLE_CHANGE: 'No reliable change',
    change:
      '{label}: {change} points from the first to the latest measurement ({first} → {latest} of {max}).',
    recovered: 'Now on the other side of the clinical cutoff: a clinically significant improvement.',
    chartLabel: '{name}, {count} measurements. Latest {latest} of {max}.',
    chartCutoff: 'Clinical cutoff {cutoff}.',
    legendLine: 'Measurements',
    legendCutoff: 'Clinical cutoff ({cutoff})',
    legendBand: 'Reliable change: ±{rc} from the first measurement',
    axisSession: 'Session',
    caption: '{name} – {department}, {role}',
    colSession: 'Session',
    colDate: 'Date',
    colTotal: 'Points (of {max})',
    colNormalized: '0–1',
  },
});

type Key = Parameters<typeof t>[0];

/** Translates a code the API sends (an alert reason, a role); an unknown code is shown as is. */
export function forCode(
  prefix: '' | 'role' | 'colour',
  code: string,
  locale: Locale,
  params?: { session: number },
) {
  const key = `${prefix}${code}` as Key;
  const text = t(key, params, locale);
  return text === key ? code : text;
}
