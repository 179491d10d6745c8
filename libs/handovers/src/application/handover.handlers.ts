import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseLinkWrite } from '#cases/application';
import { EVENT_STORE, type EventStore, type WriteAnswer, commandOf, handle } from '#event-store';
import { PERSONAL_DATA_CIPHER, type PersonalDataCipher } from '#security';
import { newId } from '#shared-kernel';
import type { ConfirmHandover, ProposeHandover } from '../domain/handover.commands.js';
import { handoverDecider } from '../domain/handover.decider.js';
import type { HandoverState } from '../domain/handover.state.js';
import { sealNotReceived, sealReceived } from './handover-notes.js';
import { handleHandover, requireCasePersons, requireCounterpart, requireHandoverPlace } from './handover-writes.js';
import { ConfirmHandoverMessage, HandoverCommandMessage, ProposeHandoverMessage } from './handover.messages.js';
import { handoverAggregate } from './handover-aggregate.js';

@CommandHandler(ProposeHandoverMessage)
export class ProposeHandoverHandler implements ICommandHandler<ProposeHandoverMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ data, ctx }: ProposeHandoverMessage): Promise<WriteAnswer> {
    requireHandoverPlace(data.gate);
    requireCounterpart(data.counterpart);
    const handoverId = newId();
    const build = async (): Promise<ProposeHandover> => {
      await requireCasePersons(this.store, data.caseId, data.personIds);
      return commandOf<ProposeHandover>('ProposeHandover', { ...data, handoverId }, ctx);
    };
    // The case learns of the handover in the same atomic append, so neither exists without the other.
    return handle({
      ...handoverAggregate(this.store, handoverId),
      command: build,
      ctx,
      caseId: data.caseId,
      linked: async () => [
        await caseLinkWrite(this.store, data.caseId, { type: 'LinkHandover', data: { handoverId } }, ctx, 'body'),
      ],
    });
  }
}

@CommandHandler(HandoverCommandMessage)
export class HandoverCommandHandler implements ICommandHandler<HandoverCommandMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ handoverId, command, ctx }: HandoverCommandMessage): Promise<WriteAnswer> {
    if (command.type === 'ScheduleHandover') requireHandoverPlace(command.data.gate);
    return handleHandover(this.store, handoverId, command, ctx);
  }
}

/**
 * The gate's one submission. It is decided once on the plain text first, so a refused
 * confirmation (cancelled, already conducted, a person missing) seals nothing and creates no key;
 * then the notes about each person are sealed with that person's key and the sealed command is
 * decided and appended. The builder runs again on a concurrent-write retry, against the new state.
 */
@CommandHandler(ConfirmHandoverMessage)
export class ConfirmHandoverHandler implements ICommandHandler<ConfirmHandoverMessage, WriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  execute({ handoverId, data, ctx }: ConfirmHandoverMessage): Promise<WriteAnswer> {
    const build = async (state: HandoverState): Promise<ConfirmHandover> => {
      handoverDecider.decide(commandOf<ConfirmHandover>('ConfirmHandover', data, ctx), state);
      const received = await Promise.all(data.received.map((p) => sealReceived(this.cipher, p)));
      const notReceived = await Promise.all(data.notReceived.map((p) => sealNotReceived(this.cipher, p)));
      return commandOf<ConfirmHandover>('ConfirmHandover', { ...data, received, notReceived }, ctx);
    };
    return handleHandover(this.store, handoverId, build, ctx);
  }
}
