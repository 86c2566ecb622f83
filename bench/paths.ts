import { fileURLToPath } from 'node:url';

/** The repository root, so paths given on the command line mean the same from any directory. */
export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
