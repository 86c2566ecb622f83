import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createCprKeyring, parseCpr } from './cpr.js';

describe('parseCpr', () => {
  it('reads the century from the first serial digit', () => {
    expect(parseCpr('010385-2349')?.birthYear).toBe(1985);
    expect(parseCpr('0103054349')?.birthYear).toBe(2005);
    expect(parseCpr('0103454349')?.birthYear).toBe(1945);
    expect(parseCpr('010310-5349')?.birthYear).toBe(2010);
    expect(parseCpr('010370-5349')?.birthYear).toBe(1870);
    expect(parseCpr('010336-9349')?.birthYear).toBe(2036);
  });

  it('refuses a day that does not exist, and anything but ten digits', () => {
    expect(parseCpr('290201-2349')).toBeNull(); // 1901 is no leap year
    expect(parseCpr('290204-2349')?.birthYear).toBe(1904);
    expect(parseCpr('320185-2349')).toBeNull();
    expect(parseCpr('011385-2349')).toBeNull();
    expect(parseCpr('010385-234')).toBeNull();
    expect(parseCpr('010385--2349')).toBeNull();
    expect(parseCpr(' 0103852349')).toBeNull();
  });

  it('never prints the number', () => {
    const cpr = parseCpr('010385-2349');
    expect(JSON.stringify({ cpr })).not.toContain('2349');
    expect(inspect(cpr)).not.toContain('2349');
    expect(`${cpr}`).toBe('[CPR]');
  });
});

describe('createCprKeyring', () => {
  const cpr = parseCpr('010385-2349');
  if (!cpr) throw new Error('fixture');
  it('hashes one number alike in one municipality, differently in another or under another secret', () => {
    const keyring = createCprKeyring('s'.repeat(32));
    const a = keyring.hash('m1', cpr);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(keyring.hash('m1', parseCpr('0103852349') ?? cpr)).toBe(a);
    expect(keyring.hash('m2', cpr)).not.toBe(a);
    expect(createCprKeyring('t'.repeat(32)).hash('m1', cpr)).not.toBe(a);
  });
});
