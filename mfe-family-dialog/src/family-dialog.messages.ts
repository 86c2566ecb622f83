import { createTranslator, type Locale } from '@helhed/kit';

/** Words of the family dialogue: short sentences, no jargon, read by parents and children. */
export const t = createTranslator({
  da: {
    title: 'Familiens mål',
    contactPerson: 'Jeres kontaktperson: {name} ({title})',
    loading: 'Henter jeres mål …',
    missingPlan: 'Der mangler en plan, før målene kan vises.',
    loadError: 'Målene kunne ikke hentes. {reason}',
    retry: 'Prøv igen',
    noGoals: 'Der er ingen mål i planen endnu.',
    goalsFor: 'Mål for {name}',
    familyGoals: 'Mål for hele familien',
    roleParent: 'forælder',
    roleChild: 'barn',
    roleCitizen: 'borger',
    roleProfessional: 'fagperson',
    roleOther: 'anden',
    noMarks: 'Ingen har givet point endnu.',
    markText: '{name} ({role}): {value}',
    earlier: 'sidste møde',
    changeOne: '{change} siden sidst',
    spread: 'Forskel: {spread} point',
    disagreement: 'I ser forskelligt på dette mål – tal om det',
    sinceLast: 'Siden sidste møde: {change}',
    between: 'Givet mellem møderne: {ratings}',
    goalDone: 'Målet er nået eller afsluttet.',
    meetingOpen: 'Mødet er i gang',
    meetingOpenSince: 'Startet {date}. Med: {people}.',
    noMeeting: 'Der er ikke et møde i gang. Point gives under et møde.',
    whoRates: 'Hvem giver point nu?',
    pickYou: 'Vælg dit navn for at give point.',
    yourPoints: 'Point fra {name}',
    lowLabel: 'Slet ikke',
    highLabel: 'Helt',
    lowChild: 'Svært',
    highChild: 'Rigtig godt',
    save: 'Gem point',
    saving: 'Gemmer …',
    saved: 'Gemt.',
    pending: 'Gemt på enheden. Sendes, når der er net.',
    pickValue: 'Sæt først et mærke på linjen.',
    startHeading: 'Start et møde',
    whoTakesPart: 'Hvem er med?',
    addPerson: 'Tilføj en person',
    name: 'Navn',
    role: 'Rolle',
    add: 'Tilføj',
    start: 'Start mødet',
    needPeople: 'Vælg mindst én person.',
    closeHeading: 'Afslut mødet',
    agreements: 'Det aftalte vi',
    nextMeeting: 'Næste møde (dato)',
    close: 'Afslut mødet',
    needAgreements: 'Skriv, hvad I aftalte.',
    acceptHeading: 'Godkend planen',
    acceptText: 'Læs aftalerne fra mødet {date}. Er du enig?',
    comment: 'Din kommentar (hvis du vil)',
    accept: 'Jeg godkender planen',
    accepted: 'Planen blev godkendt {date}.',
    notAccepted: 'Forældrene har ikke godkendt planen endnu.',
    parentComment: 'Kommentar: {comment}',
    history: 'Tidligere møder',
    noHistory: 'Der er ingen tidligere møder.',
    meetingSummary: '{date} · {count} med',
    people: 'Med på mødet',
    agreed: 'Aftaler',
    nextOn: 'Næste møde: {date}',
    points: 'Point',
    live: 'Point fra andre vises her, så snart de er givet.',
    actionError: 'Det lykkedes ikke. {reason}',
  },
  en: {
    title: 'The family’s goals',
    contactPerson: 'Your contact person: {name} ({title})',
    loading: 'Getting your goals …',
    missingPlan: 'A plan is needed before the goals can be shown.',
    loadError: 'The goals could not be loaded. {reason}',
    retry: 'Try again',
    noGoals: 'There are no goals in the plan yet.',
    goalsFor: 'Goals for {name}',
    familyGoals: 'Goals for the whole family',
    roleParent: 'parent',
    roleChild: 'child',
    roleCitizen: 'citizen',
    roleProfessional: 'professional',
    roleOther: 'other',
    noMarks: 'Nobody has given points yet.',
    markText: '{name} ({role}): {value}',
    earlier: 'last meeting',
    changeOne: '{change} since last time',
    spread: 'Difference: {spread} points',
    disagreement: 'You see this goal differently – talk about it',
    sinceLast: 'Since the last meeting: {change}',
    between: 'Given between meetings: {ratings}',
    goalDone: 'The goal is reached or closed.',
    meetingOpen: 'The meeting is on',
    meetingOpenSince: 'Started {date}. Taking part: {people}.',
    noMeeting: 'No meeting is on. Points are given during a meeting.',
    whoRates: 'Who gives points now?',
    pickYou: 'Choose your name to give points.',
    yourPoints: 'Points from {name}',
    lowLabel: 'Not at all',
    highLabel: 'Fully',
    lowChild: 'Hard',
    highChild: 'Really good',
    save: 'Save points',
    saving: 'Saving …',
    saved: 'Saved.',
    pending: 'Saved on this device. It is sent when you are online.',
    pickValue: 'First put a mark on the line.',
    startHeading: 'Start a meeting',
    whoTakesPart: 'Who is taking part?',
    addPerson: 'Add a person',
    name: 'Name',
    role: 'Role',
    add: 'Add',
    start: 'Start the meeting',
    needPeople: 'Choose at least one person.',
    closeHeading: 'End the meeting',
    agreements: 'What we agreed',
    nextMeeting: 'Next meeting (date)',
    close: 'End the meeting',
    needAgreements: 'Write down what you agreed.',
    acceptHeading: 'Accept the plan',
    acceptText: 'Read the agreements from the meeting on {date}. Do you agree?',
    comment: 'Your comment (if you like)',
    accept: 'I accept the plan',
    accepted: 'The plan was accepted on {date}.',
    notAccepted: 'The parents have not accepted the plan yet.',
    parentComment: 'Comment: {comment}',
    history: 'Earlier meetings',
    noHistory: 'There are no earlier meetings.',
    meetingSummary: '{date} · {count} taking part',
    people: 'Taking part',
    agreed: 'Agreements',
    nextOn: 'Next meeting: {date}',
    points: 'Points',
    live: 'Points from others show up here as soon as they are given.',
    actionError: 'That did not work. {reason}',
  },
});

export type MessageKey = Parameters<typeof t>[0];

const roleKeys: Record<string, MessageKey> = {
  PARENT: 'roleParent',
  CHILD: 'roleChild',
  CITIZEN: 'roleCitizen',
  PROFESSIONAL: 'roleProfessional',
};

/** A participant's role in plain words ("forælder"). */
export const roleName = (role: string, locale: Locale) => t(roleKeys[role] ?? 'roleOther', undefined, locale);

/** Plain sentences for the API's refusals; the technical message is never shown. */
const reasons = createTranslator({
  da: {
    goalClosed: 'Målet er afsluttet. Det kan ikke få point mere.',
    meetingClosed: 'Mødet er slut. Point kan kun gives under et møde.',
    notParticipant: 'Du er ikke med i dette møde. Derfor kan du ikke give point her.',
    NOT_FOUND: 'Planen findes ikke, eller du har ikke adgang til den.',
    FORBIDDEN: 'Det har du ikke lov til.',
    CONFLICT: 'Der er allerede et møde i gang.',
    UNAUTHENTICATED: 'Du er ikke logget ind. Log ind igen.',
    BAD_USER_INPUT: 'Noget af det udfyldte passer ikke. Se det igennem.',
    NETWORK: 'Der er ingen forbindelse lige nu.',
    other: 'Der skete en fejl ({code}). Prøv igen om lidt.',
  },
  en: {
    goalClosed: 'The goal is closed. It can no longer get points.',
    meetingClosed: 'The meeting is over. Points can only be given during a meeting.',
    notParticipant: 'You are not taking part in this meeting, so you cannot give points here.',
    NOT_FOUND: 'The plan does not exist, or you have no access to it.',
    FORBIDDEN: 'You are not allowed to do that.',
    CONFLICT: 'A meeting is already on.',
    UNAUTHENTICATED: 'You are not signed in. Sign in again.',
    BAD_USER_INPUT: 'Something you filled in does not fit. Please check it.',
    NETWORK: 'There is no connection right now.',
    other: 'Something went wrong ({code}). Please try again shortly.',
  },
});

/** A plain sentence for a failure; refusals of a rating name their reason. */
export function reasonFor(
  failure: { code: string; field?: string; message?: string },
  locale: Locale,
): string {
  const { code, field = '', message = '' } = failure;
  if (code === 'BAD_USER_INPUT') {
    // The offline queue keeps only the message, so fall back on it when the field is not known.
    const about =
      field ||
      (/participant/i.test(message)
        ? 'participantId'
        : /goal is closed/i.test(message)
          ? 'goalId'
          : /meeting is closed/i.test(message)
            ? 'meetingId'
            : '');
    if (about === 'goalId') return reasons('goalClosed', undefined, locale);
    if (about === 'meetingId') return reasons('meetingClosed', undefined, locale);
    if (about === 'participantId') return reasons('notParticipant', undefined, locale);
  }
  const text = reasons(code as Parameters<typeof reasons>[0], undefined, locale);
  return text === code ? reasons('other', { code }, locale) : text;
}
