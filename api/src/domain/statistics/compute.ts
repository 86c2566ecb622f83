import type Database from 'better-sqlite3';
import { copenhagenYear } from '../calendar.js';
import { analyseSeries, fromTenths } from '../scoring/index.js';
import { type SeriesSummary, summariseSeries } from './series-query.js';
import { suppressCells } from './suppression.js';
import type {
  CellKeys,
  Statistics,
  StatisticsCell,
  StatisticsDimension,
  StatisticsRequest,
} from './types.js';

/** A classified series: the scoring module's verdict on its first and last point. */
interface ClassifiedSeries {
  summary: SeriesSummary;
  classification: string;
  recovered: boolean;
  /** Tenths, positive = better. */
  change: number;
}

const keyOf: Record<StatisticsDimension, keyof CellKeys> = {
  DEPARTMENT_KIND: 'departmentKind',
  TARGET_GROUP: 'targetGroup',
  INTERVENTION_TYPE: 'interventionType',
  PERIOD: 'period',
};

/**
 * Computes anonymous progression statistics. Runs wherever it is given a connection: in the
 * statistics worker thread, or in-process for an in-memory database.
 */
export function computeStatistics(sqlite: Database.Database, req: StatisticsRequest): Statistics {
  return statisticsOf(summariseSeries(sqlite, req), req);
}

/** The statistics of the window's series summaries, whichever database summarised them. */
export function statisticsOf(summaries: readonly SeriesSummary[], req: StatisticsRequest): Statistics {
  const classified = summaries.map((s) => classify(req, s));
  const groups = new Map<string, { keys: CellKeys; byCitizen: Map<string, ClassifiedSeries> }>();
  for (const series of classified) {
    const keys = cellKeys(req, series.summary);
    const id = JSON.stringify(keys);
    const group = groups.get(id) ?? { keys, byCitizen: new Map() };
    groups.set(id, group);
    // n counts citizens, so each citizen contributes one series per cell (see preferSeries).
    const current = group.byCitizen.get(series.summary.citizenId);
    if (!current || preferSeries(series, current)) group.byCitizen.set(series.summary.citizenId, series);
  }
  const open = [...groups.values()]
    .map((g) => ({ keys: g.keys, series: [...g.byCitizen.values()] }))
    .sort((a, b) => compareKeys(a.keys, b.keys));
  const hidden = suppressCells(
    open.map((c) => ({
      keys: req.groupBy.map((d) => c.keys[keyOf[d]]),
      n: c.series.length,
      uniform: sameOutcomeForAll(c.series),
    })),
    req.minCellSize,
  );
  return {
    instrumentKey: req.definition.key,
    from: req.window.from,
    to: req.window.to,
    period: req.period,
    groupBy: req.groupBy,
    minCellSize: req.minCellSize,
    cells: open.map((c, i) => (hidden[i] ? suppressedCell(c.keys) : publishedCell(c.keys, c.series))),
  };
}

/** True when the cell's citizens all share one classification, or all recovered. */
function sameOutcomeForAll(series: readonly ClassifiedSeries[]): boolean {
  if (series.length === 0) return false;
  const first = series[0]?.classification;
  return series.every((s) => s.classification === first) || series.every((s) => s.recovered);
}

/** Classification goes through analyseSeries: the numbers have one source of truth. */
function classify(req: StatisticsRequest, s: SeriesSummary): ClassifiedSeries {
  const analysis = analyseSeries(
    req.definition,
    [
      { occurredAt: new Date(s.firstAt).toISOString(), total: s.firstTotal },
      { occurredAt: new Date(s.lastAt).toISOString(), total: s.lastTotal },
    ],
    { ageAtStart: copenhagenYear(s.firstAt) - s.birthYear },
  );
  return {
    summary: s,
    classification: analysis.classification,
    recovered: analysis.recovered,
    change: analysis.change ?? 0,
  };
}

function cellKeys(req: StatisticsRequest, s: SeriesSummary): CellKeys {
  return {
    departmentKind: req.groupBy.includes('DEPARTMENT_KIND') ? s.departmentKind : null,
    targetGroup: s.targetGroup,
    interventionType: s.interventionType,
    period: s.period,
  };
}

/**
 * When a citizen has several series in one cell (two respondent roles, two departments of a
 * kind), the one with the most points counts; then the earliest start; then a stable order.
 */
function preferSeries(a: ClassifiedSeries, b: ClassifiedSeries): boolean {
  const x = a.summary;
  const y = b.summary;
  if (x.points !== y.points) return x.points > y.points;
  if (x.firstAt !== y.firstAt) return x.firstAt < y.firstAt;
  return `${x.departmentId}|${x.respondentRole}` < `${y.departmentId}|${y.respondentRole}`;
}

function compareKeys(a: CellKeys, b: CellKeys): number {
  for (const k of ['departmentKind', 'targetGroup', 'interventionType', 'period'] as const) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

function publishedCell(keys: CellKeys, series: readonly ClassifiedSeries[]): StatisticsCell {
  const count = (c: string) => series.filter((s) => s.classification === c).length;
  const changes = series.map((s) => fromTenths(s.change));
  const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
  const variance =
    changes.length < 2 ? null : changes.reduce((a, c) => a + (c - mean) ** 2, 0) / (changes.length - 1);
  return {
    ...keys,
    n: series.length,
    improved: count('IMPROVED'),
    noChange: count('NO_RELIABLE_CHANGE'),
    deteriorated: count('DETERIORATED'),
    recovered: series.filter((s) => s.recovered).length,
    meanChange: round2(mean),
    sdChange: variance === null ? null : round2(Math.sqrt(variance)),
    suppressed: false,
  };
}

function suppressedCell(keys: CellKeys): StatisticsCell {
  return {
    ...keys,
    n: null,
    improved: null,
    noChange: null,
    deteriorated: null,
    recovered: null,
    meanChange: null,
    sdChange: null,
    suppressed: true,
  };
}
