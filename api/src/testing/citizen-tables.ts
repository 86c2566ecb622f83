/**
 * Every table that may name a citizen, minus the merge's own log and the append-only audit: the
 * tables a citizen merge's tests snapshot, so that equal snapshots mean nothing changed
 * (domain/citizen-merge.test.ts, tests/organisation/merge.test.ts). Kept apart from the merge's
 * own list on purpose: the tests check the code, not themselves.
 */
export const tablesNamingCitizens = [
  'citizen',
  'citizen_department',
  'citizen_external_ref',
  'citizen_target_group',
  'family_member',
  'measurement',
  'plan',
  'goal',
  'goal_department',
  'goal_rating',
  'consent',
  'provision',
  'invitation',
  'meeting_participant',
  'notification_opt_out',
] as const;
