import type pg from 'pg';
import { CALENDAR_TIME_ZONE } from '../calendar.js';
import { notSupersededSql } from '../superseded.js';
import { KEY_SCALE, type SeriesSummary } from './series-query.js';
import type { StatisticsDimension, StatisticsPeriod, StatisticsRequest } from './types.js';

const has = (req: StatisticsRequest, d: StatisticsDimension) => req.groupBy.includes(d);

/**
 * PostgreSQL expression labelling the Copenhagen calendar period of a timestamptz column; the
 * same labels as SQLite's CASE over the boundaries (period.ts), by PostgreSQL's own tz database.
 */
function periodLabel(column: string, period: StatisticsPeriod): string {
  const at = `(${column} AT TIME ZONE '${CALENDAR_TIME_ZONE}')`;
  if (period === 'MONTH') return `to_char(${at}, 'YYYY-MM')`;
  if (period === 'YEAR') return `to_char(${at}, 'YYYY')`;
  return `to_char(${at}, 'YYYY') || '-Q' || to_char(${at}, 'Q')`;
}

/**
 * The PostgreSQL twin of summariseSeries (series-query.ts): the same rows from the same GROUP BY
 * over (time × KEY_SCALE + total), so ties in time resolve alike (lower total first); instants
 * come back as epoch ms like SQLite's. A window sort over every point was 2–3× slower.
 */
export async function summariseSeriesPg(pool: pg.Pool, req: StatisticsRequest): Promise<SeriesSummary[]> {
  const params: unknown[] = [
    req.municipalityId,
    req.definition.key,
    new Date(req.window.startMs),
    new Date(req.window.endMs),
  ];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const targetGroup = has(req, 'TARGET_GROUP') ? 'tg.key' : 'NULL::text';
  const interventionType = has(req, 'INTERVENTION_TYPE') ? 'iv.type' : 'NULL::text';
  const period = has(req, 'PERIOD') ? periodLabel('m.occurred_at', req.period) : 'NULL::text';
  const joins = [
    has(req, 'TARGET_GROUP')
      ? `LEFT JOIN citizen_target_group ctg ON ctg.citizen_id = m.citizen_id
         LEFT JOIN target_group tg ON tg.id = ctg.target_group_id AND tg.municipality_id = m.municipality_id`
      : '',
    has(req, 'INTERVENTION_TYPE')
      ? 'LEFT JOIN intervention iv ON iv.id = m.intervention_id AND iv.municipality_id = m.municipality_id'
      : '',
  ].join('\n');
  const filters = [
    req.departmentId === null ? '' : `AND m.department_id = ${param(req.departmentId)}`,
    req.targetGroupKey === null
      ? ''
      : `AND EXISTS (SELECT 1 FROM citizen_target_group f
           JOIN target_group g ON g.id = f.target_group_id
           WHERE f.citizen_id = m.citizen_id AND g.municipality_id = m.municipality_id
             AND g.key = ${param(req.targetGroupKey)})`,
  ].join('\n');
  const sql = `
    WITH point AS (
      SELECT m.citizen_id, m.department_id, m.respondent_role, m.total,
             (extract(epoch FROM m.occurred_at) * 1000)::bigint AS occurred_ms,
             ${targetGroup} AS target_group, ${interventionType} AS intervention_type, ${period} AS period
      FROM measurement m
      ${joins}
      WHERE m.municipality_id = $1 AND m.instrument_key = $2
        AND m.occurred_at >= $3 AND m.occurred_at < $4
        ${filters}
        AND ${notSupersededSql('m')}
    ),
    series AS (
      SELECT citizen_id, department_id, respondent_role, target_group, intervention_type, period,
             COUNT(*) AS points,
             MIN(occurred_ms * ${KEY_SCALE} + total) AS first_key,
             MAX(occurred_ms * ${KEY_SCALE} + total) AS last_key
      FROM point
      GROUP BY citizen_id, department_id, respondent_role, target_group, intervention_type, period
      HAVING COUNT(*) >= 2
    )
    SELECT s.citizen_id AS "citizenId", c.birth_year AS "birthYear", s.department_id AS "departmentId",
           d.kind AS "departmentKind", s.respondent_role AS "respondentRole",
           s.target_group AS "targetGroup", s.intervention_type AS "interventionType", s.period,
           s.points::int AS points,
           (s.first_key % ${KEY_SCALE})::int AS "firstTotal", (s.first_key / ${KEY_SCALE})::float8 AS "firstAt",
           (s.last_key % ${KEY_SCALE})::int AS "lastTotal", (s.last_key / ${KEY_SCALE})::float8 AS "lastAt"
    FROM series s
    JOIN citizen c ON c.id = s.citizen_id
    JOIN department d ON d.id = s.department_id`;
  return (await pool.query<SeriesSummary>(sql, params)).rows;
}
