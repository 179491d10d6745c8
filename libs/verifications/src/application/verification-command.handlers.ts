import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseLinkWrite } from '#cases/application';
import { EVENT_STORE, type EventStore, type WriteAnswer, commandOf, handle, load } from '#event-store';
import { consentStanding, personDecider, personStreamId } from '#persons';
import { findCounterpart } from '#reference-data';
import { PERSONAL_DATA_CIPHER, type PersonalDataCipher } from '#security';
import { type ConsentStanding, DomainError, newId } from '#shared-kernel';
import { type RequestVerification, type VerificationState } from '../index.js';
import { RequestVerificationMessage, VerificationCommandMessage } from './verification.messages.js';
import { verificationAggregate } from './verification-aggregate.js';
import { sealReturnComments, withConsentAtRelease } from './verification-release.js';

/** Refusals that need a look-up outside the aggregate, decided before it. */
export const VerificationApplicationErrors = {
  UNKNOWN_COUNTERPART: 'VERIFICATION.UNKNOWN_COUNTERPART',
  PERSON_NOT_FOUND: 'VERIFICATION.PERSON_NOT_FOUND',
  PERSON_NOT_IN_CASE: 'VERIFICATION.PERSON_NOT_IN_CASE',
} as const;

@CommandHandler(RequestVerificationMessage)
export class RequestVerificationHandler implements ICommandHandler<RequestVerificationMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ data, ctx }: RequestVerificationMessage): Promise<WriteAnswer> {
    const E = VerificationApplicationErrors;
    if (!findCounterpart(data.counterpart))
      throw new DomainError(E.UNKNOWN_COUNTERPART, 'unknown counterpart unit', 'invalid');
    let consent: ConsentStanding | undefined;
    if (data.personId !== undefined) {
      // The person asked about must belong to the case the request is filed under.
      const { state } = await load(this.store, personDecider, personStreamId(data.personId));
      if (state.status === 'none') throw new DomainError(E.PERSON_NOT_FOUND, 'no person with this id', 'invalid');
      if (state.caseId !== data.caseId)
        throw new DomainError(E.PERSON_NOT_IN_CASE, 'the person is not in this case', 'invalid');
      // Asking the counterpart to verify someone is sharing who they are with it, for that purpose.
      consent = consentStanding(state, 'identity_verification', data.counterpart);
    }
    const verificationId = newId();
    const command = commandOf<RequestVerification>(
      'RequestVerification',
      { ...data, verificationId, ...(consent !== undefined ? { consent } : {}) },
      ctx,
    );
    return handle({
      ...verificationAggregate(this.store, verificationId),
      command,
      ctx,
      caseId: data.caseId,
      linked: async () => [
        await caseLinkWrite(
          this.store,
          data.caseId,
          { type: 'LinkVerification', data: { verificationId } },
          ctx,
          'body',
        ),
      ],
    });
  }
}

@CommandHandler(VerificationCommandMessage)
export class VerificationCommandHandler implements ICommandHandler<VerificationCommandMessage, WriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  execute({ verificationId, command, ctx }: VerificationCommandMessage): Promise<WriteAnswer> {
    return handle({
      ...verificationAggregate(this.store, verificationId),
      command: (state: VerificationState) => withConsentAtRelease(this.store, command, state),
      seal: (events) => sealReturnComments(this.cipher, verificationId, events),
      ctx,
      caseId: (state) => (state.status === 'none' ? undefined : state.caseId),
    });
  }
}
