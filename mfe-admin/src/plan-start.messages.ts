import { createTranslator, type ErrorCatalog, type Failure, type Locale, reasonFor } from '@helhed/kit';

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
    refused: 'The plan was not created. {reason}',
  },
});

/** The refusals a professional can act on, each a whole sentence (plan-lifecycle.ts, the access policy). */
export const planStartErrors = {
  da: {
    CONFLICT: 'Familien har allerede en aktiv plan. En familie har én plan; åbn den i stedet.',
    FORBIDDEN: 'Du har ikke adgang til at oprette en plan for denne familie.',
    NOT_FOUND: 'Du har ikke adgang til at oprette en plan for denne familie.',
  },
  en: {
    CONFLICT: 'The family already has an active plan. A family has one plan; open that one instead.',
    FORBIDDEN: 'You may not create a plan for this family.',
    NOT_FOUND: 'You may not create a plan for this family.',
  },
} satisfies ErrorCatalog;

/** A refusal in the professional's words; any other failure says the plan was not created, and kit's reason. */
export function refusalFor(failure: Failure, locale: Locale): string {
  if (failure.code in planStartErrors[locale]) return reasonFor(failure, locale, planStartErrors);
  return t('refused', { reason: reasonFor(failure, locale) }, locale);
}
