import type { AttentionKind } from '@helhed/api/caseload';
import { formatDate, type Locale } from '@helhed/kit';
import { type MessageKey, t } from './caseload.messages.js';
import type { CaseloadQuery } from './gql/graphql.js';

export { attentionKinds } from '@helhed/api/caseload';
export type { AttentionKind };

/** The caseload as the API answers it, typed by the generator from the schema. */
export type CaseloadResult = CaseloadQuery['caseload'];
export type CaseloadRow = CaseloadResult['rows'][number];
/** One reason as the API answers it (`AttentionReason`). */
export type Reason = CaseloadRow['reasons'][number];

/** What a sentence needs besides the reason: names the API gave in the same answer. */
export interface SayContext {
  locale: Locale;
  instrumentName: (key: string) => string;
  unratedWeeks: number;
  lastMeasuredOn?: string | null;
}

const day = (date: string | null, locale: Locale) => (date ? formatDate(date, { locale }) : '');

/** The reason in words, in the reader's language. */
export function sayReason(r: Reason, ctx: SayContext): string {
  const { locale } = ctx;
  const department = r.department?.name ?? t('anotherDepartment', undefined, locale);
  const why = r.alertReasons.map((code) => t(code as MessageKey, undefined, locale)).join(', ');
  const common = {
    department,
    why,
    instrument: r.instrumentKey ? ctx.instrumentName(r.instrumentKey) : '',
    date: day(r.since, locale),
    days: r.days ?? 0,
    count: r.count ?? 0,
    weeks: ctx.unratedWeeks,
  };
  switch (r.kind) {
    case 'ALLIANCE':
      return t(r.colour === 'RED' ? 'sayALLIANCE_RED' : 'sayALLIANCE_ORANGE', common, locale);
    case 'NO_RECENT_MEASUREMENT':
      return t(
        ctx.lastMeasuredOn ? 'sayNO_RECENT_MEASUREMENT' : 'sayNO_RECENT_MEASUREMENT_never',
        common,
        locale,
      );
    default:
      return t(`say${r.kind}` as MessageKey, common, locale);
  }
}

/** How a row is marked (colour is never the only cue: the reasons say it in words). */
export function severityOf(row: Pick<CaseloadRow, 'reasons'>): 'red' | 'orange' | 'none' {
  const first = row.reasons[0];
  if (!first) return 'none';
  if (first.kind === 'OUTCOME_RED' || (first.kind === 'ALLIANCE' && first.colour === 'RED')) return 'red';
  return 'orange';
}

/** Fills `{id}` of a link template (`/citizen/{id}`), encoding the id. */
export const hrefFor = (template: string, id: string) => template.replace('{id}', encodeURIComponent(id));
