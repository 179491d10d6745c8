import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, load } from '#event-store';
import { DomainError } from '#shared-kernel';
import { VerificationErrors, verificationDecider, verificationStreamId } from '../index.js';
import { GetVerificationQuery } from './verification.messages.js';
import { type VerificationView, verificationView } from './verification.view.js';

/** A request folded live from its stream, with "overdue" derived at the reader's clock. */
@QueryHandler(GetVerificationQuery)
export class GetVerificationHandler implements IQueryHandler<GetVerificationQuery, VerificationView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ verificationId, ctx }: GetVerificationQuery): Promise<VerificationView> {
    const { state, revision } = await load(this.store, verificationDecider, verificationStreamId(verificationId));
    if (state.status === 'none' || revision === null) {
      throw new DomainError(VerificationErrors.NOT_FOUND, 'no verification request with this id', 'not_found');
    }
    return verificationView(state, revision, ctx.now);
  }
}
