import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../access/actor.js';
import type { Identity } from '../access/identity.js';
import { createRequestState } from '../access/request-state.js';
import type { Db } from '../db/client.js';
import { DomainError } from '../domain/errors.js';
import type { InstrumentCatalog } from '../domain/instrument-catalog.js';
import { localeFrom } from '../domain/locale.js';
import type { RateLimiter } from '../http/rate-limit.js';
import { type ExportRequest, exportCitizenBundle, exportPlanBundle } from './bundle.js';
import { importBundle } from './import.js';
import { errorOutcome, importOutcome } from './operation-outcome.js';

export interface FhirHttpParts {
  db: Db;
  identity: Identity;
  instruments: InstrumentCatalog;
  now: () => Date;
  maxBodyBytes: number;
  limiter: RateLimiter;
}

/** Thrown inside the handler to answer with an OperationOutcome and this status. */
class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const statusOf: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
};

/**
 * Plain HTTP for systems that do not speak GraphQL (docs/fhir.md): `GET /fhir/citizen/{id}`,
 * `GET /fhir/plan/{id}` and `POST /fhir` (import), with the same bearer token, policy and audit
 * as /graphql. Every answer is `application/fhir+json`; errors are OperationOutcomes.
 */
export function createFhirHandler(parts: FhirHttpParts) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const route = routeOf(req.method ?? 'GET', path);
      const actor = await actorOf(parts, req);
      const request: ExportRequest = {
        db: parts.db,
        actor,
        instruments: parts.instruments,
        locale: localeFrom(header(req, 'accept-language')),
        now: parts.now(),
      };
      if (route.kind === 'citizen') return send(res, 200, await exportCitizenBundle(request, route.id));
      if (route.kind === 'plan') return send(res, 200, await exportPlanBundle(request, route.id));
      const result = await importBundle(request, await readBody(req, parts.maxBodyBytes));
      return send(res, result.ok ? 200 : 400, importOutcome(result));
    } catch (error) {
      const problem = problemOf(error);
      send(res, problem.status, errorOutcome(problem.code, problem.message));
    }
  };
}

type Route = { kind: 'citizen' | 'plan'; id: string } | { kind: 'import' };

function routeOf(method: string, path: string): Route {
  const match = /^\/fhir\/(citizen|plan)\/([^/]{1,64})$/.exec(path);
  if (match?.[1] && match[2]) {
    if (method !== 'GET') throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', 'Use GET.');
    return { kind: match[1] as 'citizen' | 'plan', id: decodeURIComponent(match[2]) };
  }
  if (path === '/fhir' || path === '/fhir/') {
    if (method !== 'POST') throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', 'POST a Bundle to import it.');
    return { kind: 'import' };
  }
  throw new HttpProblem(404, 'NOT_FOUND', 'Use /fhir/citizen/{id}, /fhir/plan/{id} or POST /fhir.');
}

/** The same bearer-token check and rate limit as /graphql. */
async function actorOf(parts: FhirHttpParts, req: IncomingMessage): Promise<Actor> {
  const match = /^Bearer (.+)$/i.exec(header(req, 'authorization') ?? '');
  const ipKey = `ip:${req.socket.remoteAddress ?? 'unknown'}`;
  if (!match?.[1]) {
    throttle(parts.limiter, ipKey);
    throw new HttpProblem(401, 'UNAUTHENTICATED', 'Send "Authorization: Bearer <token>".');
  }
  let actor: Actor;
  try {
    actor = await parts.identity.verifier.verify(match[1], header(req, 'x-helhed-purpose'));
    actor.at = parts.now();
    actor.request = createRequestState();
  } catch {
    throttle(parts.limiter, ipKey);
    throw new HttpProblem(401, 'UNAUTHENTICATED', 'The token is invalid or expired.');
  }
  throttle(parts.limiter, `sub:${actor.municipalityId}:${actor.subject}`);
  return actor;
}

function throttle(limiter: RateLimiter, key: string): void {
  if (limiter.take(key) > 0)
    throw new HttpProblem(429, 'RATE_LIMITED', 'Too many requests: slow down and retry later.');
}

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
};

async function readBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    throw new HttpProblem(413, 'TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
  }
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes)
      throw new HttpProblem(413, 'TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'BAD_USER_INPUT', 'Send a FHIR R4 Bundle as JSON.');
  }
}

function problemOf(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  // The core's refusals keep their code and message; a code without an HTTP status is internal.
  if (error instanceof DomainError) {
    const status = statusOf[error.code];
    if (status) return new HttpProblem(status, error.code, error.message);
  }
  // Never leak an unexpected error's message or stack.
  return new HttpProblem(500, 'INTERNAL', 'Something went wrong on our side.');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/fhir+json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}
