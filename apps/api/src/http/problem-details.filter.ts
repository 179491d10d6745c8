import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type DomainErrorKind } from '#shared-kernel';
import {
  EventTooLargeError,
  IdempotencyOutcomeUnknownError,
  IdempotencyKeyReusedError,
  IdempotentReplay,
  StaleRevisionError,
  WrongExpectedRevisionError,
  type WriteAnswer,
} from '#event-store';
import { type Problem, ProblemError, problem } from './problem.js';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = { rule: 409, not_found: 404, forbidden: 403, invalid: 422 };

/** Fastify's own errors carry a code and a 4xx status; translate the ones a client can cause. */
function fromFastify(error: { code?: string; statusCode?: number; message?: string }): Problem | null {
  const status = error.statusCode ?? 0;
  if (status < 400 || status >= 500) return null;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'REQUEST.TOO_LARGE', 'The request body is larger than the service accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'REQUEST.EMPTY_BODY', 'The request body is empty.');
    case undefined:
    default:
      return problem(status, 'REQUEST.REJECTED', 'The request was rejected.');
  }
}

/**
 * Every error leaves as application/problem+json. Messages of unexpected errors are never
 * echoed: they might carry personal data from deep inside the stack.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof IdempotentReplay) {
      // A retry of an acknowledged request: answer exactly as the first time, write nothing.
      const a = error.response as WriteAnswer;
      void reply
        .status(a.created ? 201 : 200)
        .header('etag', `"${a.revision}"`)
        .header('idempotent-replayed', 'true')
        .send({ id: a.id, revision: a.revision, position: a.position });
      return;
    }
    const p = this.toProblem(error);
    void reply.status(p.status).header('content-type', 'application/problem+json; charset=utf-8').send(p);
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof ProblemError) return error.problem;
    if (error instanceof DomainError) return problem(STATUS_BY_KIND[error.kind], error.code, error.message);
    if (error instanceof StaleRevisionError) {
      return problem(412, 'REQUEST.STALE_REVISION', 'The resource changed since you read it; reload and try again.');
    }
    if (error instanceof IdempotencyKeyReusedError) {
      return problem(
        422,
        'REQUEST.IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request.',
      );
    }
    if (error instanceof WrongExpectedRevisionError) {
      return problem(409, 'REQUEST.CONCURRENT_UPDATE', 'Another update to the same record won; reload and try again.');
    }
    if (error instanceof IdempotencyOutcomeUnknownError) {
      // Not the client's fault, and not safe to guess: the record must be checked before a retry.
      return problem(
        503,
        'REQUEST.OUTCOME_UNKNOWN',
        'An earlier request with this Idempotency-Key was interrupted; check the record before retrying with a new key.',
      );
    }
    if (error instanceof EventTooLargeError)
      return problem(413, 'REQUEST.TOO_LARGE', 'The record is larger than the store accepts.');
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 404) return problem(404, 'REQUEST.NO_ROUTE', 'No such resource.');
      if (status === 413)
        return problem(413, 'REQUEST.TOO_LARGE', 'The request body is larger than the service accepts.');
      if (status === 415) return problem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
      if (status < 500) return problem(status, 'REQUEST.REJECTED', 'The request was rejected.');
    }
    const fastify = typeof error === 'object' && error !== null ? fromFastify(error) : null;
    if (fastify) return fastify;
    if (isMissingTable(error)) {
      // An api process (ROLE=api) started before any worker built the read models: not a fault.
      return problem(503, 'READ.NOT_READY', 'The read models are not built yet; retry shortly.');
    }
    // The frames, not the stack's first line: an error's message may quote the data it failed on.
    this.logger.error(
      `unexpected ${error instanceof Error ? error.name : typeof error}`,
      error instanceof Error ? error.stack?.split('\n').slice(1).join('\n') : undefined,
    );
    return problem(500, 'SERVER.UNEXPECTED', 'The service failed to handle the request; nothing was recorded.');
  }
}

/** PostgreSQL's (and PGlite's) undefined_table: a read model's table that does not exist yet. */
const isMissingTable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === '42P01';
