/**
 * The API process's entry point. The module-type cache must be in place before the server's
 * modules are linked, and static imports are all linked before any of them runs: so it is
 * imported first, and the server only after it, dynamically.
 */
import './boot/package-type-cache.js';

await import('./start.js');
