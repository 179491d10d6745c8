import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type WriteAnswer, commandOf, handle } from '#event-store';
import type { CloseCase } from '../domain/case.commands.js';
import { closeCandidates } from '../domain/case.selectors.js';
import type { CaseState } from '../domain/case.state.js';
import { CloseCaseMessage } from './case.messages.js';
import { OPEN_ITEMS, type OpenItemsPort } from './open-items.port.js';
import { caseAggregate } from './case-aggregate.js';

/**
 * Closing a case with open verifications or unconfirmed handovers needs a supervisor's override
 * (docs/domain.md); which items are open comes through OpenItemsPort.
 */
@CommandHandler(CloseCaseMessage)
export class CloseCaseHandler implements ICommandHandler<CloseCaseMessage, WriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(OPEN_ITEMS) private readonly openItems: OpenItemsPort,
  ) {}

  execute({ caseId, data, ctx }: CloseCaseMessage): Promise<WriteAnswer> {
    const build = async (state: CaseState): Promise<CloseCase> => {
      const { verificationIds, handoverIds } = closeCandidates(state);
      const [open, unconfirmed] = await Promise.all([
        this.openItems.openVerifications(verificationIds),
        this.openItems.unconfirmedHandovers(handoverIds),
      ]);
      return commandOf<CloseCase>(
        'CloseCase',
        { ...data, openVerificationIds: open, unconfirmedHandoverIds: unconfirmed },
        ctx,
      );
    };
    return handle({
      ...caseAggregate(this.store, caseId),
      command: build,
      ctx,
      caseId,
    });
  }
}
