import { createTranslator, type Locale } from '@helhed/kit';

/** Words of the plan's start: for the professional who opens the family's one plan. */
export const t = createTranslator({
  da: {
    title: 'Start familiens plan',
    loading: 'Henter medarbejderne …',
    loadError: 'Medarbejderne kunne ikke hentes. {reason}',
    noFamily: 'Der er ikke valgt en familie.',
    coordinator: 'Tovholder (familiens kontaktperson)',
    noStaff: 'Der er ingen medarbejdere at vælge som tovholder endnu.',
    start: 'Opret plan',
    started: 'Planen er oprettet med {name} som tovholder.',
    secondPlan: 'Familien har allerede en aktiv plan. En familie har én plan; åbn den i stedet.',
    forbidden: 'Du har ikke adgang til at oprette en plan for denne familie.',
    refused: 'Planen blev ikke oprettet. {reason}',
  },
  en: {
    title: "Start the family's plan",
    loading: 'Getting the staff …',
    loadError: 'The staff could not be loaded. {reason}',
    noFamily: 'No family is chosen.',
    coordinator: "Coordinator (the family's contact person)",
    noStaff: 'There is no staff to choose as coordinator yet.',
    start: 'Create plan',
    started: 'The plan is created with {name} as coordinator.',
    secondPlan: 'The family already has an active plan. A family has one plan; open that one instead.',
    forbidden: 'You may not create a plan for this family.',
    refused: 'The plan was not created. {reason}',
  },
});

/** A refusal in the professional's words: the cases they can act on get their own sentence. */
export function refusalFor(failure: { code: string; message?: string }, locale: Locale): string {
  if (failure.code === 'CONFLICT') return t('secondPlan', undefined, locale);
  if (failure.code === 'FORBIDDEN' || failure.code === 'NOT_FOUND') return t('forbidden', undefined, locale);
  const reason = failure.message ?? failure.code;
  return t('refused', { reason }, locale);
}
