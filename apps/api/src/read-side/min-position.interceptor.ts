import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable } from 'rxjs';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { ProjectionProgress } from '#projections';
import { ProblemError, badRequest, problem } from '../http/problem.js';
import { MAX_READ_WAIT_MS, PROJECTION_PROGRESS } from './read-side.tokens.js';

const POSITION = /^\d{1,19}$/;
const PREFER_WAIT = /(?:^|[,;\s])wait=(\d{1,6})(?:$|[,;\s])/i;

function first(value: unknown): string | undefined {
  if (Array.isArray(value)) return first(value[0]);
  return typeof value === 'string' ? value : undefined;
}

/**
 * Read-your-writes for every GET (docs/architecture.md, A read): a write answers with its global
 * position; a read carrying `?minPosition=` (or `X-Min-Position`) waits until every projection
 * reached it. Bounded: 5 s, or less with `Prefer: wait=<seconds>` (RFC 7240). Not reached in
 * time → 503 with Retry-After (the service is fine, it is only behind; 504 would blame an
 * upstream). A malformed position → 400, and so is a position past the log's head: no write has
 * answered it yet, so no wait could reach it and the client, not the service, is wrong.
 */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next.handle();
    const raw =
      first((req.query as Record<string, unknown> | undefined)?.minPosition) ?? first(req.headers['x-min-position']);
    if (raw === undefined) return next.handle();
    if (!POSITION.test(raw)) {
      throw badRequest('REQUEST.INVALID', 'The request has invalid fields.', [
        { field: 'minPosition', message: 'minPosition must be a decimal position' },
      ]);
    }
    const preferred = PREFER_WAIT.exec(first(req.headers.prefer) ?? '');
    const timeout = preferred ? Math.min(MAX_READ_WAIT_MS, Number(preferred[1]) * 1000) : MAX_READ_WAIT_MS;
    const position = BigInt(raw);
    return from(this.store.headPosition()).pipe(
      mergeMap((head) => {
        if (position > head) {
          throw badRequest('REQUEST.INVALID', 'The request has invalid fields.', [
            { field: 'minPosition', message: 'minPosition is past the last recorded position' },
          ]);
        }
        return from(this.progress.waitFor(position, timeout));
      }),
      mergeMap((reached) => {
        if (!reached) {
          void ctx.switchToHttp().getResponse<FastifyReply>().header('retry-after', '1');
          throw new ProblemError(
            problem(503, 'READ.NOT_CAUGHT_UP', 'The read models have not reached the requested position yet; retry.'),
          );
        }
        return next.handle();
      }),
    );
  }
}
