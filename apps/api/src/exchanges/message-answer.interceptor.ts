import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, map, type Observable, of, throwError } from 'rxjs';
import { IdempotentReplay } from '#event-store';
import type { ExchangeWriteAnswer } from '#exchanges/application';

/**
 * Writes that log a message answer `{ id, revision, position, messageId }`: the client needs the
 * new message's id to reply to it or record its acknowledgement. The global interceptor and
 * filter only know the three contract fields, so this one answers first, for fresh writes and
 * for idempotent replays alike (the idempotency record keeps the messageId).
 */
@Injectable()
export class MessageAnswerInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((value: unknown) => answer(reply, value as ExchangeWriteAnswer, false)),
      catchError((error: unknown) =>
        error instanceof IdempotentReplay
          ? of(answer(reply, error.response as ExchangeWriteAnswer, true))
          : throwError(() => error),
      ),
    );
  }
}

function answer(reply: FastifyReply, a: ExchangeWriteAnswer, replayed: boolean): object {
  void reply.status(a.created ? 201 : 200).header('etag', `"${a.revision}"`);
  if (replayed) void reply.header('idempotent-replayed', 'true');
  // No `created` field: the global interceptor passes a plain body through unchanged.
  return { id: a.id, revision: a.revision, position: a.position, ...(a.messageId ? { messageId: a.messageId } : {}) };
}
