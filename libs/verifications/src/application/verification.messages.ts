import type { WriteContext } from '#event-store';
import type { AnswerVerification, ExtendVerification, RequestVerification, WithdrawVerification } from '../index.js';

/** Raise (or record a received) verification request; the handler assigns the id. */
export class RequestVerificationMessage {
  constructor(
    readonly data: Omit<RequestVerification['data'], 'verificationId'>,
    readonly ctx: WriteContext,
  ) {}
}

/** Extension, answer or withdrawal of an existing request. */
export class VerificationCommandMessage {
  constructor(
    readonly verificationId: string,
    readonly command: ExtendVerification | AnswerVerification | WithdrawVerification,
    readonly ctx: WriteContext,
  ) {}
}

export class GetVerificationQuery {
  constructor(
    readonly verificationId: string,
    readonly ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
  ) {}
}
