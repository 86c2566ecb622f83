/** Attempts before a message is given up as FAILED: spread over about two hours. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 3_600_000;

/** How long to wait after the n-th failed attempt (n ≥ 1): 1 min, doubling, at most 1 h. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), LONGEST_WAIT_MS);
}

/**
 * What is kept of a failed attempt: the error's kind and codes (ECONNREFUSED, an SMTP reply code,
 * the SMTP command), never its message, which can echo an address or a link's secret.
 */
export function failureSummary(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof e.name === 'string' && /^[A-Za-z]{1,40}$/.test(e.name)) parts.push(e.name);
  if (typeof e.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(e.code)) parts.push(e.code);
  if (typeof e.command === 'string' && /^[A-Z ]{1,20}$/.test(e.command)) parts.push(e.command);
  if (typeof e.responseCode === 'number') parts.push(String(e.responseCode));
  return parts.length > 0 ? parts.join(' ') : 'Error';
}
