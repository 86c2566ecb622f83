import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import {
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type SelectionSetNode,
  type ValidationContext,
  valueFromASTUntyped,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Limits on one GraphQL document. Our widgets' largest query (helhed-plan) has depth 5, cost
 * about 250 and 160 tokens; the limits leave room for vendors without allowing abuse.
 */
export const documentLimits = {
  maxDepth: 10,
  maxCost: 3000,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 2000,
} as const;

/** Said instead of the limit that was hit, so probing learns nothing about the limits. */
const TOO_COMPLEX = 'The query is too large or too complex.';

const tooComplex = () =>
  createGraphQLError(TOO_COMPLEX, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });

/**
 * Depth, cost, alias, directive and token limits, and no "Did you mean …" suggestions
 * (graphql-armor). Rejections carry `extensions.code = QUERY_TOO_COMPLEX` and never the limit.
 */
export function useDocumentLimits(): Plugin {
  // Validation rules report into the validation result; the token limit throws while parsing.
  const report = {
    exposeLimits: false,
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null) => ctx?.reportError(tooComplex())],
  };
  return EnvelopArmorPlugin({
    blockFieldSuggestion: { enabled: true },
    maxDepth: { n: documentLimits.maxDepth, ...report },
    costLimit: { maxCost: documentLimits.maxCost, ...report },
    maxAliases: { n: documentLimits.maxAliases, ...report },
    maxDirectives: { n: documentLimits.maxDirectives, ...report },
    maxTokens: { n: documentLimits.maxTokens, exposeLimits: false, errorMessage: TOO_COMPLEX },
  }) as Plugin;
}

/** Gives the token limit's parse error (a bare "Syntax Error") the same code and message. */
export function useLimitErrorCode(): Plugin {
  return {
    onParse:
      () =>
      ({ result, replaceParseResult }) => {
        if (result instanceof Error && result.message.includes(TOO_COMPLEX)) replaceParseResult(tooComplex());
      },
  };
}

/** No schema introspection (`__schema`, `__type`) where it is off, i.e. in production. */
export function useNoIntrospection(): Plugin {
  return {
    onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule),
  };
}

/**
 * A GET or a "simple" POST (form, text/plain) must carry x-graphql-yoga-csrf, so a browser
 * never sends one cross-site without a CORS preflight. JSON POSTs are preflighted already.
 */
export const useCsrfHeader = () => useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }) as Plugin;

/**
 * A request whose variables do not fit their types (or that names no runnable operation)
 * never executes, and graphql-js answers without a code; vendors branch on codes, so such
 * errors get BAD_USER_INPUT, as every other refusal of the caller's input does.
 */
export function useRequestErrorCode(): Plugin {
  const madeByGraphQL = (error: Error): boolean => {
    const cause = (error as GraphQLError).originalError;
    return cause == null || (cause instanceof GraphQLError && madeByGraphQL(cause));
  };
  const coded = (result: unknown) => {
    const r = result as { data?: unknown; errors?: readonly GraphQLError[] };
    if (!r || typeof r !== 'object' || 'data' in r || !Array.isArray(r.errors)) return;
    for (const error of r.errors) {
      // Only graphql-js's own refusals; a thrown error keeps its code or is masked as internal.
      if (error.extensions && error.extensions.code === undefined && madeByGraphQL(error)) {
        (error.extensions as Record<string, unknown>).code = 'BAD_USER_INPUT';
      }
    }
  };
  return {
    onExecute: () => ({ onExecuteDone: ({ result }) => coded(result) }),
    onSubscribe: () => ({ onSubscribeResult: ({ result }) => coded(result) }),
  };
}

/** The paged lists and the page size each has when the caller names none. */
const pagedLists: Record<string, number> = { citizens: 50, timeline: 50, accessLog: 50 };

/**
 * Most rows one document may ask the paged lists for, counting aliases and nesting (a list
 * inside a list multiplies). Cost analysis counts a field once whatever its `limit`, so twenty
 * aliases of `citizens(limit: 200)` looked cheap while reading 4,000 citizens.
 */
export const MAX_LISTED_ROWS = 2000;

export function useListSizeLimit(): Plugin {
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const d of args.document.definitions)
        if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      let total = 0;
      const walk = (set: SelectionSetNode | undefined, multiplier: number, seen: Set<string>) => {
        for (const s of set?.selections ?? []) {
          if (s.kind === Kind.FRAGMENT_SPREAD) {
            if (seen.has(s.name.value)) continue;
            walk(fragments.get(s.name.value)?.selectionSet, multiplier, new Set([...seen, s.name.value]));
          } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, multiplier, seen);
          else {
            const size = pagedLists[s.name.value];
            let next = multiplier;
            if (size !== undefined) {
              const arg = s.arguments?.find((a) => a.name.value === 'limit');
              const given = arg ? valueFromASTUntyped(arg.value, variables) : undefined;
              next = multiplier * (typeof given === 'number' && given > 0 ? given : size);
              total += next;
            }
            walk(s.selectionSet, next, seen);
          }
        }
      };
      for (const d of args.document.definitions)
        if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, 1, new Set());
      if (total > MAX_LISTED_ROWS) setResultAndStopExecution({ errors: [tooComplex()] });
    },
  };
}
