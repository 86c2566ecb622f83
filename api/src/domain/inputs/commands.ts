import { z } from 'zod';
import { goalStatuses, respondentRoles } from '../../db/schema/index.js';
import { copenhagenYear } from '../calendar.js';
import { badInput } from '../errors.js';
import { statisticsDimensions, statisticsPeriods } from '../statistics/types.js';

const CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST = Date.UTC(1900, 0, 1);
/**
 * Text a person typed: no control characters but tab and line breaks (NUL and terminal escapes
 * break exports and logs), and no lone UTF-16 surrogates, which SQLite would silently store as
 * replacement characters, so the stored text would differ from what was sent.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !controlCharacter.test(s), 'must not contain control characters')
    .refine((s) => !loneSurrogate.test(s), 'must be well-formed Unicode');
// Ids are ours (UUIDs): a control character cannot be one, and PostgreSQL refuses NUL in text
// outright, which would turn a lookup that finds nothing into an internal error.
export const id = z
  .string()
  .min(1)
  .max(64)
  .refine((s) => !controlCharacter.test(s), 'is not a valid id');
/** True for text no name or id can hold (the search of `citizens` is checked with it). */
export const hasControlCharacter = (s: string) => controlCharacter.test(s);
/** A single `id` argument (revokeConsent, citizen, plan, …), checked like the ids inside inputs. */
export const idArgs = z.object({ id });

/**
 * Schemas that compare with the clock are built once per second and shared by the requests of that
 * second: building a zod schema costs far more than parsing with one. Comparing with the start of
 * the second is well inside the five minutes of clock skew every check allows.
 */
function perSecond<S>(build: (now: Date) => S): (now: Date) => S {
  let second = Number.NaN;
  let schema: S | undefined;
  return (now) => {
    const current = Math.floor(now.getTime() / 1000);
    if (schema === undefined || current !== second) {
      second = current;
      schema = build(new Date(current * 1000));
    }
    return schema;
  };
}

/** True when YYYY-MM-DD names a day that exists. */
const isCalendarDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** An ISO 8601 instant with a zone that is not in the future (beyond clock skew). */
export const pastInstant = (now: Date) =>
  z
    .string()
    .max(40)
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
      'must be an ISO 8601 time with a zone, e.g. 2026-11-23T10:00:00Z',
    )
    // JavaScript rolls 2026-02-30 over to 2 March; the day written must exist.
    .refine((s) => isCalendarDay(s.slice(0, 10)), 'is not a real date')
    .transform((s) => new Date(s))
    .refine((d) => !Number.isNaN(d.getTime()), 'is not a real date')
    .refine((d) => d.getTime() >= EARLIEST, 'is before 1900')
    .refine((d) => d.getTime() <= now.getTime() + CLOCK_SKEW_MS, 'is in the future');

/** Danish CPR-shaped strings (DDMMYY-XXXX or 10 digits) are refused wherever free text is stored. */
export const looksLikeCpr = (s: string) => /(^|\D)\d{6}-?\d{4}(\D|$)/.test(s);
export const noCpr = (schema: z.ZodString) =>
  schema.refine((s) => !looksLikeCpr(s), 'must not contain a CPR number');

export const createCitizenInput = perSecond((now: Date) =>
  z.object({
    displayName: noCpr(text(200)),
    birthYear: z
      .number()
      .int()
      .min(1900, 'must be 1900 or later')
      .max(copenhagenYear(now), 'must not be in the future'),
    externalRef: z.object({ system: text(50), value: noCpr(text(100)) }).nullish(),
  }),
);

export const recordMeasurementInput = perSecond((now: Date) =>
  z.object({
    idempotencyKey: text(100),
    citizenId: id,
    departmentId: id,
    instrumentKey: text(100),
    respondentRole: z.enum(respondentRoles),
    occurredAt: pastInstant(now),
    session: z.number().int().min(1).max(10_000).nullish(),
    values: z.array(z.number().finite()).min(1).max(100),
    supersedesId: id.nullish(),
  }),
);

export const grantConsentInput = perSecond((now: Date) =>
  z.object({
    citizenId: id,
    fromDepartmentId: id,
    toDepartmentId: id,
    purpose: text(200),
    validUntil: z
      .string()
      .max(40)
      .refine((s) => !/^\d{4}-\d{2}-\d{2}/.test(s) || isCalendarDay(s.slice(0, 10)), 'is not a real date')
      .transform((s) => new Date(s))
      .refine((d) => !Number.isNaN(d.getTime()), 'is not a real date')
      .refine((d) => d.getTime() > now.getTime(), 'must be in the future')
      .nullish(),
  }),
);

export const createPlanInput = z
  .object({ citizenId: id.nullish(), familyId: id.nullish(), coordinatorId: id.nullish() })
  .refine(
    (v) => (v.citizenId ? 1 : 0) + (v.familyId ? 1 : 0) === 1,
    'give exactly one of citizenId or familyId',
  );

export const setPlanCoordinatorInput = z.object({ planId: id, coordinatorId: id });

export const addGoalInput = z.object({
  planId: id,
  text: noCpr(text(500)),
  departmentIds: z.array(id).min(1, 'must name at least one owner department').max(10),
  instrumentKey: text(100),
  baseline: z.number().finite(),
  target: z.number().finite(),
  weight: z.number().finite().positive().max(100).nullish(),
});

export const rateGoalInput = perSecond((now: Date) =>
  z.object({
    idempotencyKey: text(100),
    goalId: id,
    raterRole: z.enum(['PARENT', 'CHILD', 'CITIZEN', 'PROFESSIONAL', 'OTHER']),
    value: z.number().finite(),
    occurredAt: pastInstant(now),
    meetingId: id.nullish(),
    participantId: id.nullish(),
  }),
);

/** Parses input at the edge; a failure becomes BAD_USER_INPUT naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'input';
  throw badInput(`${field} ${issue?.message ?? 'is invalid'}.`, field);
}

/** A calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real date')
  .refine((s) => s >= '1900-01-01' && s <= '2199-12-31', 'must lie between 1900 and 2199');

/**
 * A day for a statistics window: YYYY-MM-DD, or an ISO 8601 time whose date (as written) is
 * taken, so clients may pass what `toISOString()` gives.
 */
const statisticsDay = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'must be a date as YYYY-MM-DD')
  .transform((s) => s.slice(0, 10))
  .pipe(calendarDate);

/** Longest statistics window: 20 years keeps a PERIOD-by-MONTH query bounded. */
const MAX_STATISTICS_DAYS = 20 * 366;

export const statisticsFilterInput = z
  .object({
    instrumentKey: text(100),
    departmentId: id.nullish(),
    targetGroup: text(100).nullish(),
    from: statisticsDay,
    to: statisticsDay,
    groupBy: z.array(z.enum(statisticsDimensions)).max(4).nullish(),
    period: z.enum(statisticsPeriods).nullish(),
  })
  .refine((f) => f.from <= f.to, { message: 'must not be after to', path: ['from'] })
  .refine((f) => (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 <= MAX_STATISTICS_DAYS, {
    message: 'window must be at most 20 years',
    path: ['to'],
  });

export const addInterventionInput = z
  .object({
    planId: id,
    departmentId: id,
    type: noCpr(text(200)),
    legalBasis: noCpr(text(200)),
    startsOn: calendarDate,
    endsOn: calendarDate.nullish(),
    responsibleProfessionalId: id.nullish(),
    goalIds: z.array(id).max(50),
    yearlyCost: z.number().int().min(0, 'must not be negative').max(1_000_000_000).nullish(),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, {
    message: 'must not be before startsOn',
    path: ['endsOn'],
  });

export const updateGoalInput = z
  .object({
    goalId: id,
    status: z.enum(goalStatuses).nullish(),
    dominant: z.boolean().nullish(),
    text: noCpr(text(500)).nullish(),
  })
  .refine((v) => v.status != null || v.dominant != null || v.text != null, {
    message: 'give at least one of status, dominant or text',
    path: ['goalId'],
  });

/** Who takes part in a dialogue meeting; the same words as a goal rating's rater role. */
export const participantRoles = ['PARENT', 'CHILD', 'CITIZEN', 'PROFESSIONAL', 'OTHER'] as const;

export const startMeetingInput = perSecond((now: Date) =>
  z.object({
    planId: id,
    heldAt: pastInstant(now).nullish(),
    participants: z
      .array(z.object({ role: z.enum(participantRoles), displayName: noCpr(text(200)) }))
      .min(1, 'must name at least one participant')
      .max(30),
  }),
);

export const closeMeetingInput = z.object({
  meetingId: id,
  agreements: noCpr(text(5000)),
  nextMeetingOn: calendarDate.nullish(),
});

export const acceptPlanInput = z.object({
  meetingId: id,
  comment: noCpr(text(2000)).nullish(),
});

export const timelineArgs = z.object({
  limit: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  before: z.string().max(100).nullish(),
});

export const accessLogArgs = z.object({
  limit: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  before: z
    .string()
    .max(40)
    .transform((s) => new Date(s))
    .refine((d) => !Number.isNaN(d.getTime()), 'must be an ISO 8601 time')
    .nullish(),
});
