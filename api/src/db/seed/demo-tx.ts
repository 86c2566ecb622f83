import type { Db } from '../client.js';

/** The transaction the demo seed writes in; every part of the seed commits or none does. */
export type SeedTx = Db;
