import { createHmac, hkdfSync } from 'node:crypto';
import { inspect } from 'node:util';

/**
 * CPR numbers (DDMMYY-SSSS). The number itself is never stored, logged or returned: registration
 * keeps only its keyed hash, so one person registered by two departments reaches one record, and
 * a leaked database cannot be turned back into CPR numbers without the deployment's secret.
 */

/**
 * A CPR number checked to name a day that exists. The digits sit in a private field and the
 * object prints as "[CPR]" (JSON, console, pino), so it cannot reach a log or a response by accident.
 */
export class CprNumber {
  readonly #digits: string;
  /** The birth year the number encodes (century from the first serial digit). */
  readonly birthYear: number;
  constructor(digits: string, birthYear: number) {
    this.#digits = digits;
    this.birthYear = birthYear;
  }
  /** The ten digits, for the keyed hash only. */
  reveal(): string {
    return this.#digits;
  }
  toJSON(): string {
    return '[CPR]';
  }
  toString(): string {
    return '[CPR]';
  }
  [inspect.custom](): string {
    return '[CPR]';
  }
}

/**
 * The century of a CPR birth date from the first digit of the serial number (the CPR office's
 * table). Modulus 11 is not checked: numbers issued since 2007 need not satisfy it.
 */
function centuryOf(yy: number, serialFirst: number): number {
  if (serialFirst <= 3) return 1900;
  if (serialFirst === 4 || serialFirst === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** Reads a CPR number written as 10 digits, with or without a dash after the date; null if malformed. */
export function parseCpr(written: string): CprNumber | null {
  const match = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(written);
  if (!match) return null;
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const year = centuryOf(Number(yy), Number(serial[0])) + Number(yy);
  const day = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  const exists =
    day.getUTCFullYear() === year && day.getUTCMonth() === Number(mm) - 1 && day.getUTCDate() === Number(dd);
  return exists ? new CprNumber(`${dd}${mm}${yy}${serial}`, year) : null;
}

/**
 * Keyed hashes of CPR numbers: HMAC-SHA256 under a key per municipality, derived (HKDF) from the
 * deployment's secret, so two municipalities served by one deployment never share a hash.
 */
export interface CprKeyring {
  hash(municipalityId: string, cpr: CprNumber): string;
}

export function createCprKeyring(secret: string): CprKeyring {
  const keys = new Map<string, Buffer>();
  const keyFor = (municipalityId: string) => {
    let key = keys.get(municipalityId);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', secret, 'helhed-cpr-v1', municipalityId, 32));
      keys.set(municipalityId, key);
    }
    return key;
  };
  return {
    hash: (municipalityId, cpr) =>
      createHmac('sha256', keyFor(municipalityId)).update(cpr.reveal()).digest('hex'),
  };
}
