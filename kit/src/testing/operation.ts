import type { TypedOperation } from '../graphql-client.js';

/**
 * An operation for kit's own tests, which talk to fakes rather than the schema: the widgets' code
 * gets its operations from the generator (docs/widgets.md, "Typed operations"), never from here.
 */
export function operation<TData, TVariables = Record<string, unknown>>(
  text: string,
): TypedOperation<TData, TVariables> {
  return { toString: () => text };
}
