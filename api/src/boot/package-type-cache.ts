import * as nodeModule from 'node:module';
import { packageModuleFormat } from './package-format.js';

/** Registers the module-type cache of package-format.ts for this process (imported first by main.ts). */
// registerHooks is Node ≥ 22.15; without it the API starts as before, only slower.
const { registerHooks } = nodeModule as { registerHooks?: typeof import('node:module').registerHooks };
registerHooks?.({
  resolve(specifier, context, nextResolve) {
    const format = packageModuleFormat(specifier, context.parentURL);
    if (format === null || !context.parentURL) return nextResolve(specifier, context);
    return { url: new URL(specifier, context.parentURL).href, format, shortCircuit: true };
  },
});
