import { describe, expect, it } from 'vitest';
import { recordMeasurementInput } from './commands.js';

const input = (occurredAt: string) => ({
  idempotencyKey: 'k',
  citizenId: 'c',
  departmentId: 'd',
  instrumentKey: 'outcome',
  respondentRole: 'CITIZEN',
  occurredAt,
  values: [5],
});

describe('clock-relative input schemas', () => {
  it('are shared within one second and rebuilt when the clock moves on', () => {
    const at = Date.parse('2026-11-23T10:00:00.100Z');
    const first = recordMeasurementInput(new Date(at));
    expect(recordMeasurementInput(new Date(at + 800))).toBe(first);
    const later = recordMeasurementInput(new Date(at + 3_600_000));
    expect(later).not.toBe(first);
    // Half an hour after the first clock is "in the future" for it, but not for the later one.
    expect(first.safeParse(input('2026-11-23T10:30:00Z')).success).toBe(false);
    expect(later.safeParse(input('2026-11-23T10:30:00Z')).success).toBe(true);
  });

  it('still allow five minutes of clock skew and no more', () => {
    const schema = recordMeasurementInput(new Date('2026-11-23T10:00:00Z'));
    expect(schema.safeParse(input('2026-11-23T10:04:59Z')).success).toBe(true);
    expect(schema.safeParse(input('2026-11-23T10:05:01Z')).success).toBe(false);
  });
});
