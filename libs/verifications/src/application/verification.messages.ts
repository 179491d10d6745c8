import { Command, Query } from '@nestjs/cqrs';
import type { VerificationView } from './verification.view.js';
import type { WriteAnswer, WriteContext } from '#event-store';
import type {
  AnswerVerification,
  ChangeVerificationPriority,
  ExtendVerification,
  RequestVerification,
  VerificationReleaseCommand,
  WithdrawVerification,
} from '../index.js';

/** Raise (or record a received) verification request; the handler assigns the id. */
export class RequestVerificationMessage extends Command<WriteAnswer> {
  constructor(
    readonly data: Omit<RequestVerification['data'], 'verificationId' | 'consent'>,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** Extension, answer or withdrawal of an existing request, or a step of a held draft's release. */
export class VerificationCommandMessage extends Command<WriteAnswer> {
  constructor(
    readonly verificationId: string,
    readonly command:
      | ExtendVerification
      | AnswerVerification
      | WithdrawVerification
      | ChangeVerificationPriority
      | VerificationReleaseCommand,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class GetVerificationQuery extends Query<VerificationView> {
  constructor(
    readonly verificationId: string,
    readonly ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
  ) {
    super();
  }
}
