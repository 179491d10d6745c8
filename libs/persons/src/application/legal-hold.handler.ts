import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type WriteAnswer, handle, load } from '#event-store';
import { KEY_STORE, type KeyStore } from '#security';
import { LegalHoldMessage } from './person.messages.js';
import { personAggregate } from './person-aggregate.js';

/**
 * A legal hold is a fact of the record (who placed it, for which proceedings, who released it and
 * why), and the key store keeps a copy that its shredding statement checks, so that no path to the
 * key can slip past a hold. The record decides; the copy is then made to match what the record
 * says after the write. Should that second step fail, repeating the request mends it: placing the
 * same hold or releasing none changes nothing in the record and sets the copy again.
 */
@CommandHandler(LegalHoldMessage)
export class LegalHoldHandler implements ICommandHandler<LegalHoldMessage, WriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  async execute({ personId, command, ctx }: LegalHoldMessage): Promise<WriteAnswer> {
    const aggregate = personAggregate(this.store, personId);
    const answer = await handle({
      ...aggregate,
      command,
      ctx,
      caseId: (state) => (state.status === 'none' ? undefined : state.caseId),
    });
    const { state } = await load(this.store, aggregate.decider, aggregate.streamId);
    if (state.status !== 'none' && state.legalHold) {
      await this.keys.setLegalHold(personId, state.legalHold.proceedingsRef);
    } else {
      await this.keys.releaseLegalHold(personId);
    }
    return answer;
  }
}
