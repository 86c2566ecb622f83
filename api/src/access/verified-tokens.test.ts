import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from './verified-tokens.js';

describe('VerifiedTokens', () => {
  it('gives back the claims of a token it holds, and nothing for another token', () => {
    const tokens = new VerifiedTokens<string>(10, 60_000, () => 1_000_000);
    tokens.set('a.b.c', 'claims-a', 2_000);
    expect(tokens.get('a.b.c')).toBe('claims-a');
    expect(tokens.get('a.b.x')).toBeUndefined();
  });

  it('forgets a token once it expires, even inside the maximum age', () => {
    let now = 1_000_000;
    const tokens = new VerifiedTokens<string>(10, 60_000, () => now);
    tokens.set('t', 'claims', 1_010); // exp 1,010 s = 10 s from now
    now += 9_999;
    expect(tokens.get('t')).toBe('claims');
    now += 1;
    expect(tokens.get('t')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('forgets a long-lived token after the maximum age, so it is verified again', () => {
    let now = 0;
    const tokens = new VerifiedTokens<string>(10, 60_000, () => now);
    tokens.set('t', 'claims', 86_400);
    now = 59_999;
    expect(tokens.get('t')).toBe('claims');
    now = 60_000;
    expect(tokens.get('t')).toBeUndefined();
  });

  it('does not keep a token that has already expired', () => {
    const tokens = new VerifiedTokens<string>(10, 60_000, () => 5_000);
    tokens.set('t', 'claims', 4);
    expect(tokens.get('t')).toBeUndefined();
  });

  it('holds at most its bound, evicting the oldest', () => {
    const tokens = new VerifiedTokens<number>(3, 60_000, () => 0);
    for (let i = 0; i < 5; i++) tokens.set(`t${i}`, i, 100);
    expect(tokens.size).toBe(3);
    expect(tokens.get('t0')).toBeUndefined();
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.get('t4')).toBe(4);
  });
});
