/**
 * How shared modules are laid out on the server (the shell's dist, served by the API):
 *   /vendor/<name>.js   one copy of each Lit module and single-spa
 *   /kit/kit.js         kit for the shell, importing Lit through the import map
 *   /kit/kit.embed.js   kit for vendor pages, importing Lit by relative URL
 *   /<widget>/embed.js  a widget for vendor pages, importing kit and Lit by relative URL
 * A vendor page has no import map, so embed builds import by URL; two widgets from the same
 * server then resolve to the same module URLs and the browser loads one kit and one Lit.
 */

/** File name of a shared module in /vendor/ (`lit/decorators.js` → `lit-decorators`). */
export const vendorName = (specifier) =>
  specifier.replace(/^@/, '').replace(/\.js$/, '').replace(/[/]/g, '-');

const shared = /^(lit|lit\/.*|@lit\/.*|@helhed\/kit)$/;

/**
 * esbuild plugin: leaves Lit and kit external but rewrites their bare specifiers to URLs
 * relative to a file one folder below the server root.
 */
export function embedExternals() {
  return {
    name: 'helhed-embed-externals',
    setup(build) {
      build.onResolve({ filter: shared }, (args) => ({
        path: args.path === '@helhed/kit' ? '../kit/kit.embed.js' : `../vendor/${vendorName(args.path)}.js`,
        external: true,
      }));
    },
  };
}
