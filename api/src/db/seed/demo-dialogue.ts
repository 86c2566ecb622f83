import { copenhagenDate } from '../../kernel/calendar.js';
import { single } from '../client.js';
import type { DepartmentKind } from '../schema/index.js';
import {
  dialogueMeeting,
  goalRating,
  intervention,
  interventionGoal,
  meetingParticipant,
} from '../tables.js';
import type { SeedTx } from './demo-tx.js';
import { seededRandom } from './random.js';

const DAY = 86_400_000;
const isoDay = (ms: number) => copenhagenDate(ms);

export interface DialogueSeed {
  municipalityId: string;
  planId: string;
  /** The Sørensen plan's goals in seed order: school (dominant), Anna's job, family evenings. */
  goalIds: string[];
  department: (kind: DepartmentKind) => string;
  professional: (kind: DepartmentKind) => string | null;
  now: Date;
}

/**
 * The Sørensen family's dialogue: a §85 support worker who also works on Anna's job goal while
 * the jobcentre mentor does (a parallel intervention the coordinator should see), and a closed
 * family dialogue meeting with agreements and each participant's ratings.
 */
export async function seedDemoDialogue(tx: SeedTx, s: DialogueSeed): Promise<void> {
  const rnd = seededRandom(2027);
  const now = s.now.getTime();
  const [school, job, evenings] = s.goalIds as [string, string, string];
  const support = single(
    await tx
      .insert(intervention)
      .values({
        municipalityId: s.municipalityId,
        planId: s.planId,
        departmentId: s.department('ADULT_SOCIAL'),
        type: 'Bostøtte med jobfokus',
        legalBasis: 'SEL § 85',
        startsOn: isoDay(now - 60 * DAY),
        endsOn: isoDay(now + 120 * DAY),
        responsibleProfessionalId: s.professional('ADULT_SOCIAL'),
        yearlyCost: 84_000,
      })
      .returning(),
  );
  await tx.insert(interventionGoal).values({ interventionId: support.id, goalId: job });

  const heldAt = new Date(now - 14 * DAY);
  const meeting = single(
    await tx
      .insert(dialogueMeeting)
      .values({
        municipalityId: s.municipalityId,
        planId: s.planId,
        heldAt,
        status: 'CLOSED',
        agreements:
          'Mikkel følges til skole tirsdag og torsdag. Anna og mentoren besøger en virksomhed. ' +
          'Familien holder spilleaften om fredagen.',
        nextMeetingOn: isoDay(now + 28 * DAY),
      })
      .returning(),
  );
  const participants = [
    { role: 'PARENT', displayName: 'Anna Sørensen', ratings: [40, 45, 50] },
    { role: 'CHILD', displayName: 'Mikkel Sørensen', ratings: [60, 50, 70] },
    { role: 'PROFESSIONAL', displayName: 'Jonas Krog', ratings: [55, 35, 45] },
  ];
  for (const p of participants) {
    const row = single(
      await tx
        .insert(meetingParticipant)
        .values({ meetingId: meeting.id, role: p.role, displayName: p.displayName })
        .returning(),
    );
    for (const [i, goalId] of [school, job, evenings].entries()) {
      await tx.insert(goalRating).values({
        municipalityId: s.municipalityId,
        goalId,
        raterRole: p.role,
        value: p.ratings[i] as number,
        occurredAt: heldAt,
        recordedAt: heldAt,
        meetingId: meeting.id,
        participantId: row.id,
        idempotencyKey: `seed-${rnd.uuid()}`,
      });
    }
  }
}
