import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The widgets' GraphQL operations are typed from the API's schema (docs/widgets.md, "Typed
 * operations"): each package gets its own `src/gql/` so a widget's bundle carries only its own
 * documents. A schema change that breaks an operation fails here or in the package's typecheck.
 */
const packages = process.env.HELHED_CODEGEN_ONLY
  ? process.env.HELHED_CODEGEN_ONLY.split(',')
  : [
      'mfe-admin',
      'mfe-caseload',
      'mfe-family',
      'mfe-family-dialog',
      'mfe-plan',
      'mfe-progress',
      'mfe-statistics',
      'shell',
    ];

const config: CodegenConfig = {
  schema: 'api/src/graphql/*.graphql',
  ignoreNoDocuments: false,
  generates: Object.fromEntries(
    packages.map((pkg) => [
      `${pkg}/src/gql/`,
      {
        documents: [
          `${pkg}/src/**/*.ts`,
          `!${pkg}/src/**/*.test.ts`,
          `!${pkg}/src/testing/**`,
          `!${pkg}/src/gql/**`,
        ],
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          documentMode: 'string',
          enumsAsTypes: true,
          useTypeImports: true,
          strictScalars: true,
          scalars: { ID: 'string', Ore: 'number', JSON: 'unknown' },
          avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
          skipTypename: true,
          nonOptionalTypename: false,
        },
      },
    ]),
  ),
};

export default config;
