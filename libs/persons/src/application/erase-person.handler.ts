import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type WriteAnswer, commandOf, handle } from '#event-store';
import { KEY_STORE, type KeyStore, LegalHoldError } from '#security';
import type { RecordErasure } from '../domain/person.commands.js';
import { ErasePersonMessage } from './person.messages.js';
import { personAggregate } from './person-aggregate.js';

/**
 * Erasure is recorded before the key is destroyed, so the record never lacks the fact (who
 * ordered it, why). A legal hold refuses it up front; a failure after the event is mended by
 * repeating the request — shredding is idempotent and the event is recorded once.
 */
@CommandHandler(ErasePersonMessage)
export class ErasePersonHandler implements ICommandHandler<ErasePersonMessage, WriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  async execute({ personId, reason, ctx }: ErasePersonMessage): Promise<WriteAnswer> {
    if ((await this.keys.status(personId))?.legalHold) throw new LegalHoldError(personId);
    const answer = await handle({
      ...personAggregate(this.store, personId),
      command: commandOf<RecordErasure>('RecordErasure', { reason }, ctx),
      ctx,
      caseId: (state) => (state.status === 'none' ? undefined : state.caseId),
    });
    await this.keys.shred(personId);
    return answer;
  }
}
