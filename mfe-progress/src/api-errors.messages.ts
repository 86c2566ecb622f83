import type { ErrorCatalog } from '@helhed/kit';

/** What the progress widgets' failures mean, where kit's general sentence says less. */
export const progressErrors: Partial<ErrorCatalog> = {
  da: {
    FORBIDDEN: 'Du har ikke adgang til at gemme svar for denne forvaltning.',
    NOT_FOUND: 'Borgeren blev ikke fundet, eller du har ikke adgang til borgeren.',
    BAD_USER_INPUT: 'Svarene passer ikke til spørgeskemaet.',
  },
  en: {
    FORBIDDEN: 'You may not save answers for this department.',
    NOT_FOUND: 'The citizen was not found, or you have no access to them.',
    BAD_USER_INPUT: 'The answers do not fit the questionnaire.',
  },
};
