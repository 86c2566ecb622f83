/**
 * `npm run bench:browser [-- --runs 7]`: only the Chromium part of the benchmark, without the
 * seeded municipality (it makes its own citizen). `npm run bench` runs it too.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBrowser, measureShellRender } from './browser.js';
import { repoRoot } from './paths.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const mainJs = join(repoRoot, 'api/dist/main.js');
if (!existsSync(mainJs)) {
  console.error(`${mainJs} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const figures = await measureShellRender(mainJs, Number(values.runs));
console.log(formatBrowser(figures));
console.log(
  `  No main-thread task over 50 ms while mounting: ${figures.longTasksOver50Ms.total === 0 ? 'met' : 'MISSED'}`,
);
