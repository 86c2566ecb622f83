import type { CodegenConfig } from '@graphql-codegen/cli';

type Target = NonNullable<CodegenConfig['generates']>[string];

/** The API's schema, every SDL file of it. */
export const schema = 'api/src/graphql/*.graphql';

/** The packages whose operations are typed; each has a `src/gql/` of its own. */
const packages = [
  'mfe-admin',
  'mfe-caseload',
  'mfe-family',
  'mfe-family-dialog',
  'mfe-plan',
  'mfe-progress',
  'mfe-statistics',
  'shell',
];

/**
 * How one package's operations are generated (docs/widgets.md, "Typed operations"): from the
 * operations in its source, into its own `src/gql/`, so a widget's bundle carries only its own
 * documents. Documents stay strings (kit's client posts text); enums become string unions.
 */
export function widgetTarget(packageDir: string): Target {
  return {
    documents: [
      `${packageDir}/src/**/*.ts`,
      `!${packageDir}/src/**/*.test.ts`,
      `!${packageDir}/src/testing/**`,
      `!${packageDir}/src/gql/**`,
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
    },
  };
}

const config: CodegenConfig = {
  schema,
  generates: Object.fromEntries(packages.map((pkg) => [`${pkg}/src/gql/`, widgetTarget(pkg)])),
};

export default config;
