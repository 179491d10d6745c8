import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, load } from '#event-store';
import { PERSONAL_DATA_CIPHER, type PersonalDataCipher, can } from '#security';
import { DomainError } from '#shared-kernel';
import { VerificationErrors, verificationDecider, verificationStreamId } from '../index.js';
import { GetVerificationQuery } from './verification.messages.js';
import { openReturnComment } from './verification-release.js';
import { type VerificationView, verificationView } from './verification.view.js';

/** A request folded live from its stream, with "overdue" derived at the reader's clock. */
@QueryHandler(GetVerificationQuery)
export class GetVerificationHandler implements IQueryHandler<GetVerificationQuery, VerificationView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ verificationId, ctx }: GetVerificationQuery): Promise<VerificationView> {
    const { state, revision } = await load(this.store, verificationDecider, verificationStreamId(verificationId));
    if (state.status === 'none' || revision === null) {
      throw new DomainError(VerificationErrors.NOT_FOUND, 'no verification request with this id', 'not_found');
    }
    // A return's comment may name the person: opened only for roles that read personal data.
    const returned = state.release?.returned;
    const comment =
      returned && can([ctx.actor.role], 'person.read_personal')
        ? await openReturnComment(this.cipher, verificationId, returned.comment)
        : null;
    return verificationView(state, revision, ctx.now, comment);
  }
}
