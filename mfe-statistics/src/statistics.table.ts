// The API's statistics vocabulary (one list for server and widget) and the answer's shape as the
// generator types it from the schema.
import {
  type StatisticsDimension as Dimension,
  statisticsDimensions as dimensions,
  type StatisticsPeriod as Period,
  statisticsPeriods as periods,
} from '@helhed/api/statistics';
import { formatDate, formatMonth, type Locale, numberFormat } from '@helhed/kit';
import type { ProgressionStatisticsQuery } from './gql/graphql.js';
import { type MessageKey, t } from './statistics.messages.js';

type StatisticsResult = ProgressionStatisticsQuery['progressionStatistics'];
type StatisticsCell = StatisticsResult['cells'][number];

export { type Dimension, dimensions, type Period, periods, type StatisticsCell, type StatisticsResult };

/** The table as people see it: the same strings go to the screen and into the CSV. */
export interface TableModel {
  caption: string;
  head: string[];
  /** How many leading columns name the group (row headers); at least one. */
  keyColumns: number;
  rows: TableRow[];
}

export interface TableRow {
  label: string;
  suppressed: boolean;
  cells: string[];
}

const numberColumns: MessageKey[] = [
  'colN',
  'colImproved',
  'colNoChange',
  'colDeteriorated',
  'colRecovered',
  'colMeanChange',
  'colSdChange',
];

/** "2026-03" → "marts 2026", "2026-Q1" → "1. kvartal 2026"; years and unknown labels as they are. */
export function periodLabel(raw: string, locale: Locale): string {
  const month = /^(\d{4})-(\d{2})$/.exec(raw);
  if (month) return formatMonth(raw, locale);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(raw);
  // Strings, not numbers: the translator would write the year 2026 as "2.026" in Danish.
  if (quarter) return t('quarter', { q: quarter[2] ?? '', year: quarter[1] ?? '' }, locale);
  return raw;
}

/** The tenant's names for keys the API returns (target groups: key → name). */
export type GroupNames = ReadonlyMap<string, string>;

/** The words for one group key of a cell; a target group by its name, or its key if unknown. */
export function keyLabel(
  dimension: Dimension,
  cell: StatisticsCell,
  locale: Locale,
  names: GroupNames,
): string {
  switch (dimension) {
    case 'DEPARTMENT_KIND':
      return cell.departmentKind ? t(cell.departmentKind as MessageKey, undefined, locale) : '';
    case 'TARGET_GROUP':
      return cell.targetGroup === null
        ? t('noTargetGroup', undefined, locale)
        : (names.get(cell.targetGroup) ?? cell.targetGroup);
    case 'INTERVENTION_TYPE':
      return cell.interventionType ?? t('noInterventionType', undefined, locale);
    case 'PERIOD':
      return cell.period ? periodLabel(cell.period, locale) : '';
  }
}

/** A cell's name: its group keys joined, or "All" for the one cell of an ungrouped query. */
export function cellLabel(
  result: StatisticsResult,
  cell: StatisticsCell,
  locale: Locale,
  names: GroupNames,
): string {
  if (result.groupBy.length === 0) return t('total', undefined, locale);
  return result.groupBy.map((d) => keyLabel(d, cell, locale, names)).join(' · ');
}

/** Numbers without thousands separators, so the screen and the CSV read alike. */
function numbersFor(locale: Locale) {
  const count = numberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 });
  const change = numberFormat(locale, {
    useGrouping: false,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });
  const spread = numberFormat(locale, {
    useGrouping: false,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const or = (value: number | null, f: Intl.NumberFormat) => (value === null ? '–' : f.format(value));
  return (c: StatisticsCell) => [
    or(c.n, count),
    or(c.improved, count),
    or(c.noChange, count),
    or(c.deteriorated, count),
    or(c.recovered, count),
    or(c.meanChange, change),
    or(c.sdChange, spread),
  ];
}

/** The whole table for a result: caption, headers and one row per cell, suppressed cells marked. */
export function tableModel(
  result: StatisticsResult,
  instrumentName: string,
  locale: Locale,
  names: GroupNames,
): TableModel {
  const keys = result.groupBy.length === 0 ? [] : result.groupBy;
  const head = [
    ...(keys.length === 0 ? [t('groupBy', undefined, locale)] : keys.map((d) => t(d, undefined, locale))),
    ...numberColumns.map((c) => t(c, undefined, locale)),
  ];
  const numbers = numbersFor(locale);
  const marker = t('suppressed', undefined, locale);
  const rows = result.cells.map((cell) => {
    const keyCells =
      keys.length === 0 ? [t('total', undefined, locale)] : keys.map((d) => keyLabel(d, cell, locale, names));
    return {
      label: cellLabel(result, cell, locale, names),
      suppressed: cell.suppressed,
      cells: [...keyCells, ...(cell.suppressed ? numberColumns.map(() => marker) : numbers(cell))],
    };
  });
  const caption = t(
    'caption',
    {
      instrument: instrumentName,
      from: formatDate(result.from, { locale }),
      to: formatDate(result.to, { locale }),
    },
    locale,
  );
  return { caption, head, keyColumns: Math.max(1, keys.length), rows };
}
