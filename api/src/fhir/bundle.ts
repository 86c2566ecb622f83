import type { Actor } from '../access/actor.js';
import { planMembers } from '../access/plan-members.js';
import { authorizeCitizenRead, authorizePlanRead } from '../access/policy.js';
import type { Db } from '../db/client.js';
import { DomainError, notFound } from '../domain/errors.js';
import type { InstrumentCatalog } from '../domain/instrument-catalog.js';
import type { InstrumentDefinition } from '../domain/instruments/index.js';
import type { Locale } from '../domain/locale.js';
import { planGoals } from '../domain/plans.js';
import { fromTenths, gasTScore, goalLatest } from '../domain/scoring/index.js';
import { carePlanOf, goalOf } from './goal.js';
import { fhirId, fullUrl } from './ids.js';
import { gasTScoreObservation, goalRatingObservation, measurementObservations } from './observation.js';
import { groupOf, organizationOf, patientOf } from './parties.js';
import { questionnaireOf } from './questionnaire.js';
import { responseOf } from './questionnaire-response.js';
import { loadCitizens, loadDepartments, loadFamily, loadMeasurements } from './records.js';
import type { Bundle, HelhedResource, Reference } from './resources.js';

/** What an export needs from the request: who asks, in which language, and the clock. */
export interface ExportRequest {
  db: Db;
  actor: Actor;
  instruments: InstrumentCatalog;
  locale: Locale;
  now: Date;
}

const patientRef = (citizenId: string): Reference => ({
  reference: `Patient/${fhirId('citizen', citizenId)}`,
});
const departmentRef = (id: string): Reference => ({ reference: `Organization/${fhirId('department', id)}` });

/**
 * A transaction Bundle of PUTs by stable id: a receiving FHIR server creates each resource the
 * first time and updates it on every later export (docs/fhir.md).
 */
export function bundleOf(resources: readonly HelhedResource[], now: Date): Bundle {
  return {
    resourceType: 'Bundle',
    id: crypto.randomUUID(),
    type: 'transaction',
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({
      fullUrl: fullUrl(resource.id),
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    })),
  };
}

/**
 * Everything the actor may see of one citizen's measurements: the Patient, the departments that
 * recorded them, each instrument as a Questionnaire, each measurement as a QuestionnaireResponse
 * with Observations for its total and items. Opened and audited by the policy, once.
 */
export async function exportCitizenBundle(req: ExportRequest, citizenId: string): Promise<Bundle> {
  const { db, actor } = req;
  const scope = await authorizeCitizenRead(db, actor, citizenId, 'fhirCitizenExport');
  const [record] = await loadCitizens(db, actor.municipalityId, [citizenId]);
  if (!record) throw notFound('Citizen');
  const measurements = await loadMeasurements(db, actor.municipalityId, citizenId, scope);
  const superseded = new Set(measurements.map((m) => m.supersedesId).filter((id) => id !== null));
  const definitions = new Map<string, InstrumentDefinition>();
  for (const key of new Set(measurements.map((m) => m.instrumentKey))) {
    const def = req.instruments.get(actor.municipalityId, key);
    if (def) definitions.set(key, def);
  }
  const departments = await loadDepartments(db, actor.municipalityId, [
    ...new Set(measurements.map((m) => m.departmentId)),
  ]);
  const subject = patientRef(citizenId);
  const resources: HelhedResource[] = [
    patientOf(record),
    ...departments.map(organizationOf),
    ...[...definitions.values()].map((def) => questionnaireOf(def, actor.municipalityId, req.locale)),
  ];
  for (const m of measurements) {
    const def = definitions.get(m.instrumentKey);
    if (!def) continue;
    const parties = { subject, department: departmentRef(m.departmentId) };
    resources.push(responseOf(m, def, parties, superseded.has(m.id)));
    resources.push(...measurementObservations(m, def, parties, superseded.has(m.id)));
  }
  return bundleOf(resources, req.now);
}

/**
 * One plan: the CarePlan, its goals with target and achievement, each goal rating as an
 * Observation focused on its goal, and the plan's GAS T-score. Measurements are exported per
 * citizen, where the department scope of each citizen applies.
 */
export async function exportPlanBundle(req: ExportRequest, planId: string): Promise<Bundle> {
  const { db, actor } = req;
  const plan = await authorizePlanRead(db, actor, planId, 'fhirPlanExport');
  const members = await openableMembers(
    req,
    (await planMembers(db, plan)).map((m) => m.citizenId),
  );
  const citizens = await loadCitizens(db, actor.municipalityId, members);
  const whole = plan.familyId ? await loadFamily(db, actor.municipalityId, plan.familyId) : undefined;
  // The family Group names only members the caller may open, like the Patients.
  const family = whole && { ...whole, memberIds: whole.memberIds.filter((id) => members.includes(id)) };
  const planSubject: Reference = family
    ? { reference: `Group/${fhirId('family', family.id)}` }
    : patientRef(plan.citizenId ?? '');
  const goals = (await planGoals(db, plan.id)).flatMap((g) => {
    const definition = req.instruments.get(actor.municipalityId, g.goal.instrumentKey);
    return definition ? [{ ...g, definition }] : [];
  });
  const departments = await loadDepartments(db, actor.municipalityId, [
    ...new Set(goals.flatMap((g) => g.departmentIds)),
  ]);
  const resources: HelhedResource[] = [
    ...citizens.map(patientOf),
    ...(family ? [groupOf(family)] : []),
    ...departments.map(organizationOf),
    carePlanOf(
      plan,
      planSubject,
      goals.map((g) => g.goal.id),
    ),
  ];
  for (const g of goals) {
    const subject = g.goal.subjectCitizenId ? patientRef(g.goal.subjectCitizenId) : planSubject;
    const observations = g.ratings.map((r) => goalRatingObservation(r, g.goal, g.definition, subject));
    resources.push(
      goalOf({ ...g, subject, ratingObservationIds: observations.map((o) => o.id) }),
      ...observations,
    );
  }
  const gas = gasSummary(goals);
  if (gas) resources.push(gasTScoreObservation(plan.id, gas.tScore, gas.at, planSubject, gas.goalIds));
  return bundleOf(resources, req.now);
}

/**
 * The plan's citizens the caller may open as citizens: a shared plan shows its goals to everyone
 * in it, but a Patient (name, birth year) only to whom the citizen is in reach (a professional
 * without a case or consent, or a parent for the other parent, gets no Patient). Audited.
 */
async function openableMembers(req: ExportRequest, members: readonly string[]): Promise<string[]> {
  const open: string[] = [];
  for (const citizenId of members) {
    try {
      await authorizeCitizenRead(req.db, req.actor, citizenId, 'fhirPlanExport:patient');
      open.push(citizenId);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'NOT_FOUND') throw error;
    }
  }
  return open;
}

type PlanGoal = Awaited<ReturnType<typeof planGoals>>[number];

/** The plan's GAS T-score as the Plan type computes it: each rated GAS goal's latest value. */
function gasSummary(goals: readonly PlanGoal[]): { tScore: number; at: Date; goalIds: string[] } | null {
  const rated = goals
    .filter((g) => g.goal.instrumentKey === 'gas' && g.ratings.length > 0)
    .map((g) => ({
      g,
      latest: goalLatest(
        g.ratings.map((r) => ({
          raterRole: r.raterRole,
          value: r.value,
          occurredAt: r.occurredAt.toISOString(),
        })),
      ).latest,
    }))
    .filter((x): x is { g: PlanGoal; latest: number } => x.latest !== null);
  const tScore = gasTScore(rated.map((x) => ({ level: fromTenths(x.latest), weight: x.g.goal.weight })));
  if (tScore === null || rated.length === 0) return null;
  const at = new Date(Math.max(...rated.flatMap((x) => x.g.ratings.map((r) => r.occurredAt.getTime()))));
  return { tScore, at, goalIds: rated.map((x) => x.g.goal.id) };
}
