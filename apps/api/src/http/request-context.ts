import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { canonicalJson, correlationIdFor, parseTraceparent, type WriteContext } from '#event-store';
import type { Actor, Role } from '#shared-kernel';
import type { Act, Principal, Scope } from '#security';
import { badRequest } from './problem.js';

/** Set by the auth guard. */
export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
  actor?: Actor;
  /** The act the route performs, and the role and scope the caller was admitted with. */
  admission?: { act: Act; role: Role; scope: Scope };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,200}$/;
const ETAG = /^(?:W\/)?"(\d{1,19})"$/;

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * What the request records is correlated by: the client's X-Correlation-Id when it is a sane
 * token, else the trace id of a valid W3C `traceparent` (so the events join the caller's trace),
 * else the request id.
 */
export function correlationIdOf(req: FastifyRequest): string {
  const explicit = header(req, 'x-correlation-id');
  if (explicit !== undefined) return correlationIdFor(explicit);
  return parseTraceparent(header(req, 'traceparent'))?.traceId ?? correlationIdFor(req.id);
}

export function parseIfMatch(value: string | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  const m = ETAG.exec(value.trim());
  if (!m)
    throw badRequest('REQUEST.INVALID_IF_MATCH', 'If-Match must be a quoted revision, e.g. "3".', [
      { field: 'If-Match', message: 'must be "<revision>"' },
    ]);
  return BigInt(m[1]);
}

/**
 * Builds the WriteContext of a request: the actor from the token, the server clock, the
 * correlation id (correlationIdOf), the
 * Idempotency-Key scoped to the user (so two users' keys never collide) with a hash of method,
 * route and body (so a reused key with another body is detected).
 */
export function writeContextOf(req: AuthenticatedRequest): WriteContext {
  if (!req.actor) throw new Error('write context requested on an unauthenticated route');
  const key = header(req, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw badRequest('REQUEST.INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1–200 visible ASCII characters.', [
      { field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' },
    ]);
  }
  const ifMatch = parseIfMatch(header(req, 'if-match'));
  const requestHash = createHash('sha256')
    .update(`${req.method} ${req.routeOptions.url ?? req.url} ${req.url} ${canonicalJson(req.body ?? null)}`)
    .digest('hex');
  return {
    actor: req.actor,
    now: new Date(),
    correlationId: correlationIdOf(req),
    ...(key !== undefined ? { idempotency: { key: `${req.actor.userId}:${key}`, requestHash } } : {}),
    ...(ifMatch !== undefined ? { ifMatch } : {}),
  };
}

export const Ctx = createParamDecorator((_data: unknown, ctx: ExecutionContext): WriteContext =>
  writeContextOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/** The who/when of a read (no idempotency or If-Match: reads change nothing but the audit trail). */
export function readContextOf(req: AuthenticatedRequest): Pick<WriteContext, 'actor' | 'now' | 'correlationId'> {
  if (!req.actor) throw new Error('read context requested on an unauthenticated route');
  return {
    actor: req.actor,
    now: new Date(),
    correlationId: correlationIdOf(req),
  };
}
