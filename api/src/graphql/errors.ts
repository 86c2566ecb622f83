import { type ExecutionResult, GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { DomainError } from '../domain/errors.js';

/**
 * A core refusal as the GraphQL answer carries it: the message, and `extensions` with the stable
 * code and what the refusal names (`field`, `reason`, `setting`, …). Where graphql-js already
 * wrapped it, its path and locations are kept.
 */
export function toGraphQLError(error: DomainError, located?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
    extensions: { code: error.code, ...error.details },
  });
}

const domainErrorIn = (error: unknown): DomainError | null => {
  if (error instanceof DomainError) return error;
  if (error instanceof GraphQLError && error.originalError instanceof DomainError) return error.originalError;
  return null;
};

function translated(error: GraphQLError): GraphQLError;
function translated(error: unknown): unknown;
function translated(error: unknown): unknown {
  const domain = domainErrorIn(error);
  return domain ? toGraphQLError(domain, error instanceof GraphQLError ? error : undefined) : error;
}

/**
 * Turns DomainErrors into GraphQL errors before anything else looks at the result. It must come
 * first among the plugins: yoga masks every error that is not a GraphQLError of our own making as
 * "Unexpected error." (and logs it), and the telemetry and error-code plugins read the codes.
 */
export function useDomainErrors(): Plugin {
  const onResult = ({
    result,
    setResult,
  }: {
    result: ExecutionResult;
    setResult: (r: ExecutionResult) => void;
  }) => {
    if (!result.errors?.some((e) => domainErrorIn(e))) return;
    setResult({ ...result, errors: result.errors.map((e) => translated(e)) });
  };
  return {
    onPluginInit({ registerContextErrorHandler }) {
      registerContextErrorHandler(({ error, setError }) => {
        if (domainErrorIn(error)) setError(translated(error));
      });
    },
    onExecute: () => ({
      onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, onResult),
    }),
    onSubscribe: () => ({
      onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, onResult),
      onSubscribeError: ({ error, setError }) => {
        if (domainErrorIn(error)) setError(translated(error));
      },
    }),
  };
}
