import { describe, expect, it } from 'vitest';
import { detectDivergence } from './divergence.js';

const employment = { departmentId: 'employment', start: '2025-01-01T00:00:00Z', end: '2025-06-30T00:00:00Z' };
const family = { departmentId: 'family', start: '2025-03-01T00:00:00Z', end: '2025-09-30T00:00:00Z' };

describe('detectDivergence', () => {
  it('flags overlapping series of two departments going opposite ways', () => {
    expect(
      detectDivergence([
        { ...employment, classification: 'IMPROVED' },
        { ...family, classification: 'DETERIORATED' },
      ]),
    ).toBe(true);
  });

  it('does not flag series that do not overlap in time', () => {
    expect(
      detectDivergence([
        { ...employment, classification: 'IMPROVED' },
        { ...family, start: '2025-07-01T00:00:00Z', classification: 'DETERIORATED' },
      ]),
    ).toBe(false);
  });

  it('counts periods that only touch at one instant as overlapping', () => {
    expect(
      detectDivergence([
        { ...employment, classification: 'DETERIORATED' },
        { ...family, start: employment.end, classification: 'IMPROVED' },
      ]),
    ).toBe(true);
  });

  it('does not flag two series of the same department', () => {
    expect(
      detectDivergence([
        { ...employment, classification: 'IMPROVED' },
        { ...employment, classification: 'DETERIORATED' },
      ]),
    ).toBe(false);
  });

  it('needs reliable change both ways, not just a lack of improvement', () => {
    expect(
      detectDivergence([
        { ...employment, classification: 'IMPROVED' },
        { ...family, classification: 'NO_RELIABLE_CHANGE' },
        { ...family, classification: 'INSUFFICIENT_DATA' },
      ]),
    ).toBe(false);
    expect(detectDivergence([])).toBe(false);
  });
});
