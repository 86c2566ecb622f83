import { createTranslator } from './i18n.js';

/** Texts the rating line announces or shows. */
export const ratingLineMessages = createTranslator({
  da: {
    valueText: '{value} af {max}',
    notSet: 'ikke valgt',
    valueMissing: 'Sæt en markering på linjen.',
  },
  en: {
    valueText: '{value} of {max}',
    notSet: 'not set',
    valueMissing: 'Mark a point on the line.',
  },
});
