import { createTranslator } from '@helhed/kit';

export const t = createTranslator({
  da: {
    heading: 'Måleredskaber',
    loading: 'Henter måleredskaber …',
    empty: 'Kommunen har ingen måleredskaber endnu.',
    error: 'Måleredskaberne kunne ikke hentes. {reason}',
    retry: 'Prøv igen',
    scale: 'Skala {min} til {max}',
    higher: 'Højere er bedre',
    lower: 'Lavere er bedre',
    items: 'Spørgsmål',
  },
  en: {
    heading: 'Instruments',
    loading: 'Loading instruments …',
    empty: 'The municipality has no instruments yet.',
    error: 'The instruments could not be loaded. {reason}',
    retry: 'Try again',
    scale: 'Scale {min} to {max}',
    higher: 'Higher is better',
    lower: 'Lower is better',
    items: 'Questions',
  },
});
