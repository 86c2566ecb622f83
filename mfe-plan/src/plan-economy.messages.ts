import { createTranslator } from '@helhed/kit';

/** Words of the plan's economy: who pays, before and during the plan. */
export const t = createTranslator({
  da: {
    heading: 'Økonomi',
    loading: 'Henter økonomien …',
    error: 'Økonomien kunne ikke hentes ({code}).',
    retry: 'Prøv igen',
    summary:
      'Året før planen: {baseline}. Planens første år som aftalt: {expected} ({change}). Brugt siden {start}: {running}.',
    estimated: 'Udgangspunktet er delvis et skøn ud fra målgruppens typiske forløb.',
    restricted: 'Du ser kun de forvaltningers udgifter, du har adgang til.',
    byDepartment: 'Udgifter pr. betalende forvaltning',
    department: 'Forvaltning',
    baseline: 'Året før planen',
    expected: 'Første planår',
    running: 'Brugt indtil nu',
    change: 'Forskel',
    byMonth: 'Udgifter pr. måned siden planens start',
    month: 'Måned',
    total: 'I alt',
    empty: 'Ingen udgifter registreret for planen.',
  },
  en: {
    heading: 'Cost',
    loading: 'Loading the cost …',
    error: 'The cost could not be loaded ({code}).',
    retry: 'Try again',
    summary:
      'The year before the plan: {baseline}. The plan’s first year as agreed: {expected} ({change}). Spent since {start}: {running}.',
    estimated: 'The baseline is partly an estimate from the target group’s typical course.',
    restricted: 'You see only the costs of the departments you have access to.',
    byDepartment: 'Cost per paying department',
    department: 'Department',
    baseline: 'Year before the plan',
    expected: 'First plan year',
    running: 'Spent so far',
    change: 'Change',
    byMonth: 'Cost per month since the plan started',
    month: 'Month',
    total: 'Total',
    empty: 'No costs recorded for the plan.',
  },
});
