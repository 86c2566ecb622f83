import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * esbuild plugin for the widgets' production bundles (docs/widgets.md, "Typed operations"). The
 * generated `src/gql/gql.ts` finds a document by its source text in a table that holds every
 * operation twice (as the key and again, reprinted, in graphql.ts). Its types are what matter;
 * at run time the source text already is the document. So the bundle gets a `graphql()` that
 * wraps the text it is given, as the client preset's Babel plugin does for other bundlers.
 * A package whose documents use fragments keeps the generated module: only it appends them.
 */
export function typedOperations() {
  return {
    name: 'helhed-typed-operations',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]gql[\\/]gql\.ts$/ }, ({ path }) => {
        const generated = readFileSync(join(path, '..', 'graphql.ts'), 'utf8');
        if (/\bfragment \w+ on \w+/.test(generated)) return undefined;
        return {
          loader: 'js',
          contents: 'export function graphql(source) { return { toString: () => source }; }\n',
        };
      });
    },
  };
}
