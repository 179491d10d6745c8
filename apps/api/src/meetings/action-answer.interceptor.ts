import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type Observable, catchError, map, of, throwError } from 'rxjs';
import { IdempotentReplay, type WriteAnswer } from '#event-store';

type ActionWriteAnswer = WriteAnswer & { actionId: string };

/**
 * An agreed action is a new resource inside its meeting's stream: the answer names it (`actionId`)
 * and is a 201, although the stream already existed. A replay answers what the first request got.
 */
@Injectable()
export class ActionAnswerInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((value: unknown) => answer(reply, value as ActionWriteAnswer, false)),
      catchError((error: unknown) =>
        error instanceof IdempotentReplay
          ? of(answer(reply, error.response as ActionWriteAnswer, true))
          : throwError(() => error),
      ),
    );
  }
}

function answer(reply: FastifyReply, a: ActionWriteAnswer, replayed: boolean): object {
  void reply.status(201).header('etag', `"${a.revision}"`);
  if (replayed) void reply.header('idempotent-replayed', 'true');
  // No `created` field: the global interceptor passes a plain body through unchanged.
  return { id: a.id, revision: a.revision, position: a.position, actionId: a.actionId };
}
