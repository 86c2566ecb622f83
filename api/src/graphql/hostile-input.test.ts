import { startTestApi } from '../testing/harness.js';
import { hostileInputSuite } from '../testing/hostile-input-suite.js';

/**
 * Hostile input to every mutation, on SQLite (the suite: testing/hostile-input-suite.ts; the same
 * suite on PostgreSQL: hostile-input.postgres.test.ts).
 *
 * Reproduce a failure with the seed fast-check prints: FC_SEED=<seed> npx vitest run <this file>.
 */
hostileInputSuite({ database: 'SQLite', start: (env) => startTestApi(env), runs: 80 });
