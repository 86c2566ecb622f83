import { describe, expect, it } from 'vitest';
import { resolverModules } from './schema.js';

const operations = new Set(['Query', 'Mutation', 'Subscription']);

/** The types a module resolves, other than the operation roots and scalars. */
const typesOf = (module: object) =>
  Object.entries(module)
    .filter(([name, value]) => !operations.has(name) && value?.constructor === Object)
    .map(([name]) => name);

describe('resolver modules', () => {
  it('resolve each GraphQL type in one module', () => {
    const modulesOf = new Map<string, string[]>();
    for (const [module, resolvers] of Object.entries(resolverModules))
      for (const type of typesOf(resolvers)) modulesOf.set(type, [...(modulesOf.get(type) ?? []), module]);
    const split = [...modulesOf].filter(([, modules]) => modules.length > 1);
    expect(Object.fromEntries(split)).toEqual({});
  });

  it('resolve Citizen and Plan where their feature lives', () => {
    expect(Object.keys(resolverModules.citizen.Citizen)).toEqual(
      expect.arrayContaining(['progression', 'timeline', 'consents', 'accessLog']),
    );
    expect(Object.keys(resolverModules.plan.Plan)).toEqual(
      expect.arrayContaining(['goals', 'members', 'coordinator', 'meetings', 'economy', 'interventions']),
    );
  });
});
