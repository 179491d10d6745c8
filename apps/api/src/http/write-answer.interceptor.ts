import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { WriteAnswer } from '#event-store';

/** A read of one resource, carried with its revision so the answer gets an ETag. */
export class Versioned<T> {
  constructor(
    readonly body: T,
    readonly revision: bigint | string,
  ) {}
}

/** A write's answer with more to tell than where it went (e.g. possible duplicates of a person registered). */
export class WriteAnswerWith<T extends object> {
  constructor(
    readonly answer: WriteAnswer,
    readonly more: T,
  ) {}
}

const isWriteAnswer = (v: unknown): v is WriteAnswer =>
  typeof v === 'object' && v !== null && 'id' in v && 'revision' in v && 'position' in v && 'created' in v;

/** Writes answer `{ id, revision, position }` with 201/200 and an ETag; reads may carry one too. */
@Injectable()
export class WriteAnswerInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        const reply = ctx.switchToHttp().getResponse<FastifyReply>();
        if (value instanceof Versioned) {
          void reply.header('etag', `"${value.revision.toString()}"`);
          return value.body as unknown;
        }
        const answer: unknown = value instanceof WriteAnswerWith ? value.answer : value;
        const more: object = value instanceof WriteAnswerWith ? (value.more as object) : {};
        if (isWriteAnswer(answer)) {
          void reply.status(answer.created ? 201 : 200).header('etag', `"${answer.revision}"`);
          return { ...more, id: answer.id, revision: answer.revision, position: answer.position };
        }
        return value;
      }),
    );
  }
}
