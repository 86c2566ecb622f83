/**
 * Copenhagen's calendar, as the domain names it. It lives in kernel/calendar.ts, below both the
 * domain and the access policy, which dates consents and ages with it (docs/architecture.md).
 */
export * from '../kernel/calendar.js';
