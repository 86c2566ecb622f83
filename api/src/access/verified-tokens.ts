/**
 * Remembers tokens whose signature already checked out, so a client sending the same bearer token
 * on every request pays for one ES256 verification, not one per request (it was ~9 % of the API's
 * CPU under load). An entry lives until the token expires or `maxAgeMs` passes, whichever is first:
 * the bound limits how long a token signed by a key the issuer has since withdrawn is still taken.
 */
export class VerifiedTokens<Claims> {
  private readonly entries = new Map<string, { claims: Claims; until: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Claims | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.claims;
  }

  /** `expiresAt` is the token's `exp` in epoch seconds, if it has one. */
  set(token: string, claims: Claims, expiresAt: number | undefined): void {
    const now = this.now();
    const until = Math.min(
      now + this.maxAgeMs,
      expiresAt === undefined ? Number.POSITIVE_INFINITY : expiresAt * 1000,
    );
    if (until <= now) return;
    // Maps iterate in insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { claims, until });
  }

  get size(): number {
    return this.entries.size;
  }
}
