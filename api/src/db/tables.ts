import type { Dialect } from './handle.js';
import * as sqlite from './schema/index.js';
import * as pg from './schema-pg/index.js';

/**
 * The tables the domain queries, for the dialect this process serves. Typed as the SQLite
 * tables: the PostgreSQL ones are their twins column for column (schema-drift.test.ts), which
 * is what makes this the one cast between the dialects. Live bindings: importers see the
 * dialect chosen by selectDialect() before the first query. One dialect per process.
 */
export let archetypeLine = sqlite.archetypeLine;
export let auditEvent = sqlite.auditEvent;
export let citizen = sqlite.citizen;
export let citizenDepartment = sqlite.citizenDepartment;
export let citizenExternalRef = sqlite.citizenExternalRef;
export let citizenMerge = sqlite.citizenMerge;
export let citizenMergeRow = sqlite.citizenMergeRow;
export let citizenTargetGroup = sqlite.citizenTargetGroup;
export let consent = sqlite.consent;
export let department = sqlite.department;
export let dialogueMeeting = sqlite.dialogueMeeting;
export let family = sqlite.family;
export let familyMember = sqlite.familyMember;
export let goal = sqlite.goal;
export let goalDepartment = sqlite.goalDepartment;
export let goalRating = sqlite.goalRating;
export let instrumentDefinition = sqlite.instrumentDefinition;
export let intervention = sqlite.intervention;
export let invitation = sqlite.invitation;
export let interventionGoal = sqlite.interventionGoal;
export let measurement = sqlite.measurement;
export let measurementSeriesEnd = sqlite.measurementSeriesEnd;
export let meetingParticipant = sqlite.meetingParticipant;
export let municipality = sqlite.municipality;
export let notificationOptOut = sqlite.notificationOptOut;
export let outboxMessage = sqlite.outboxMessage;
export let plan = sqlite.plan;
export let priceVersion = sqlite.priceVersion;
export let professional = sqlite.professional;
export let provision = sqlite.provision;
export let targetGroup = sqlite.targetGroup;

let selected: Dialect | null = null;

/** Points every table binding at the dialect's schema; called when a database is opened. */
export function selectDialect(dialect: Dialect): void {
  if (selected === dialect) return;
  if (selected !== null) throw new Error(`This process already serves ${selected}; one dialect per process.`);
  selected = dialect;
  if (dialect === 'sqlite') return;
  const twins = pg as unknown as typeof sqlite;
  archetypeLine = twins.archetypeLine;
  auditEvent = twins.auditEvent;
  citizen = twins.citizen;
  citizenDepartment = twins.citizenDepartment;
  citizenExternalRef = twins.citizenExternalRef;
  citizenMerge = twins.citizenMerge;
  citizenMergeRow = twins.citizenMergeRow;
  citizenTargetGroup = twins.citizenTargetGroup;
  consent = twins.consent;
  department = twins.department;
  dialogueMeeting = twins.dialogueMeeting;
  family = twins.family;
  familyMember = twins.familyMember;
  goal = twins.goal;
  goalDepartment = twins.goalDepartment;
  goalRating = twins.goalRating;
  instrumentDefinition = twins.instrumentDefinition;
  intervention = twins.intervention;
  invitation = twins.invitation;
  interventionGoal = twins.interventionGoal;
  measurement = twins.measurement;
  measurementSeriesEnd = twins.measurementSeriesEnd;
  meetingParticipant = twins.meetingParticipant;
  municipality = twins.municipality;
  notificationOptOut = twins.notificationOptOut;
  outboxMessage = twins.outboxMessage;
  plan = twins.plan;
  priceVersion = twins.priceVersion;
  professional = twins.professional;
  provision = twins.provision;
  targetGroup = twins.targetGroup;
}
