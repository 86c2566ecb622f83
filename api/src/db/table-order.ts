/**
 * The data tables a benchmark or demo data set fills, parents before children, so copying them in
 * this order satisfies every foreign key (db/copy-to-postgres.ts; bench/seeding counts them).
 */
export const tablesParentsFirst = [
  'municipality',
  'department',
  'professional',
  'target_group',
  'citizen',
  'citizen_external_ref',
  'citizen_target_group',
  'family',
  'family_member',
  'plan',
  'goal',
  'goal_department',
  'intervention',
  'intervention_goal',
  'dialogue_meeting',
  'meeting_participant',
  'goal_rating',
  'measurement',
  'measurement_series_end',
  'consent',
  'citizen_department',
  'audit_event',
  'instrument_definition',
] as const;
