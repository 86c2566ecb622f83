// `npm start`: install what is missing, build, then run the API with the shell on one port.
// The API migrates the SQLite file under data/ and seeds the demo municipality once.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureSupportedNode } from './node-runtime.mjs';
import { ensureDependencies, root, run } from './setup.mjs';

await ensureSupportedNode();
ensureDependencies();
console.log('Building…');
run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
// The demo conveniences (dev sign-in, GraphiQL, demo seed) are off unless asked for; npm start
// asks, except where a real identity provider is configured (the API would refuse the mix).
const env = { ...(process.env.OIDC_ISSUER ? {} : { HELHED_DEMO: 'true' }), ...process.env };
const api = spawn(process.execPath, [join(root, 'api', 'dist', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code) => process.exit(code ?? 0));
