import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Metrics } from './metrics.js';

/** What the request log and the metrics learn about one GraphQL request. */
export interface OperationRecord {
  /** The operation's name as written in the document; null when anonymous. */
  name: string | null;
  type: 'query' | 'mutation' | 'subscription' | 'unknown';
  /** Schema root fields selected (not aliases), known only once the document is valid. */
  fields: { name: string; key: string }[];
  /** Error codes of the response, in order; every one from a closed set. */
  errorCodes: string[];
  /** True for a subscription answered as a stream. */
  stream: boolean;
}

/** Per node request, so the request observer can log what the GraphQL layer saw. */
export type OperationRecords = WeakMap<IncomingMessage, OperationRecord>;

/** The codes a log line or a metric label may carry; anything else is counted as OTHER. */
const knownCodes = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'INTERNAL_SERVER_ERROR',
]);

const codeOf = (error: { extensions?: Record<string, unknown> }): string => {
  const code = error.extensions?.code;
  if (code === undefined) return 'INTERNAL_SERVER_ERROR';
  return typeof code === 'string' && knownCodes.has(code) ? code : 'OTHER';
};

/**
 * Operation names are chosen by client developers, but a GraphQL name could still smuggle a
 * CPR-like number into the logs: such names are replaced.
 */
export const loggableName = (name: string | undefined): string | null => {
  if (!name) return null;
  return /^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name) && !/\d{6}/.test(name) ? name : '[redacted]';
};

/** The root fields an operation selects, looking through fragments. */
function rootFields(document: DocumentNode, set: SelectionSetNode): OperationRecord['fields'] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fields: OperationRecord['fields'] = [];
  const visit = (selections: SelectionSetNode, depth: number) => {
    if (depth > 5) return;
    for (const s of selections.selections) {
      if (s.kind === Kind.FIELD) fields.push({ name: s.name.value, key: s.alias?.value ?? s.name.value });
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet, depth + 1);
      else {
        const fragment = fragments.get(s.name.value);
        if (fragment) visit(fragment.selectionSet, depth + 1);
      }
    }
  };
  visit(set, 0);
  return fields;
}

/** The metric label for an operation: its one root field, `multiple`, or `unknown`. */
export function operationLabel(record: OperationRecord): string {
  const names = new Set(record.fields.map((f) => f.name).filter((n) => n !== '__typename'));
  if (names.size === 0) return record.fields.length > 0 ? '__typename' : 'unknown';
  return names.size === 1 ? ([...names][0] as string) : 'multiple';
}

type NodeContext = { req?: IncomingMessage; res?: ServerResponse };

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * Records each GraphQL request's operation (name, type, root fields) and outcome for the
 * request log, and counts operations, recorded measurements and open subscription streams.
 * Reads only the document and the response's error codes: never variables or data values.
 */
export function useOperationTelemetry(records: OperationRecords, metrics: Metrics): Plugin {
  const recordFor = (req: IncomingMessage | undefined): OperationRecord => {
    const fresh: OperationRecord = { name: null, type: 'unknown', fields: [], errorCodes: [], stream: false };
    if (!req) return fresh;
    const existing = records.get(req);
    if (existing) return existing;
    records.set(req, fresh);
    return fresh;
  };
  const describe = (args: {
    document: DocumentNode;
    operationName?: string | null;
    contextValue: unknown;
  }) => {
    const record = recordFor((args.contextValue as NodeContext).req);
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return;
    record.name = loggableName(operation.name?.value);
    record.type = operation.operation;
    record.fields = rootFields(args.document, operation.selectionSet);
  };
  return {
    onExecute: ({ args }) => describe(args),
    onSubscribe: ({ args }) => describe(args),
    onResultProcess: ({ result, serverContext }) => {
      const { req, res } = serverContext as NodeContext;
      const record = recordFor(req);
      if (isAsyncIterable(result)) {
        record.stream = true;
        // Counted only where its end can be seen: the node response closing.
        if (res) {
          metrics.subscriptionsOpen.inc();
          res.once('close', () => metrics.subscriptionsOpen.dec());
        }
      } else {
        const results: ExecutionResult[] = Array.isArray(result) ? result : [result];
        for (const r of results) {
          for (const e of r.errors ?? []) record.errorCodes.push(codeOf(e));
          countMeasurements(metrics, record, r);
        }
      }
      metrics.graphqlOperations.inc({
        type: record.type,
        operation: operationLabel(record),
        outcome: record.errorCodes[0] ?? 'ok',
      });
    },
  };
}

function countMeasurements(metrics: Metrics, record: OperationRecord, result: ExecutionResult): void {
  if (record.type !== 'mutation' || !result.data) return;
  for (const f of record.fields) {
    if (f.name === 'recordMeasurement' && result.data[f.key] != null) metrics.measurementsRecorded.inc();
  }
}
