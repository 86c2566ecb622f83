/**
 * The core's refusals, as the domain names them. They live in kernel/errors.ts, below both the
 * domain and the access policy, which refuses with them too (docs/architecture.md).
 */
export * from '../kernel/errors.js';
