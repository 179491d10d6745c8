import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type WriteAnswer, commandOf, handle, load } from '#event-store';
import { handoverDecider, handoverStreamId, isHandoverUnconfirmed } from '#handovers';
import { isVerificationOpen, verificationDecider, verificationStreamId } from '#verifications';
import { caseDecider } from '../domain/case.decider.js';
import type { CloseCase } from '../domain/case.commands.js';
import { closeCandidates } from '../domain/case.selectors.js';
import type { CaseState } from '../domain/case.state.js';
import { caseStreamId } from '../case-stream.js';
import { CloseCaseMessage } from './case.messages.js';

/**
 * Closing a case with open verifications or unconfirmed handovers needs a supervisor's override
 * (docs/domain.md). The linked records are read live, on every retry, so the decision never rests on
 * a stale projection.
 */
@CommandHandler(CloseCaseMessage)
export class CloseCaseHandler implements ICommandHandler<CloseCaseMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId, data, ctx }: CloseCaseMessage): Promise<WriteAnswer> {
    const build = async (state: CaseState): Promise<CloseCase> => {
      const { verificationIds, handoverIds } = closeCandidates(state);
      const open = await this.filter(verificationIds, async (id) =>
        isVerificationOpen((await load(this.store, verificationDecider, verificationStreamId(id))).state),
      );
      const unconfirmed = await this.filter(handoverIds, async (id) =>
        isHandoverUnconfirmed((await load(this.store, handoverDecider, handoverStreamId(id))).state),
      );
      return commandOf<CloseCase>(
        'CloseCase',
        { ...data, openVerificationIds: open, unconfirmedHandoverIds: unconfirmed },
        ctx,
      );
    };
    return handle(this.store, caseDecider, caseStreamId(caseId), caseId, build, ctx, { caseId });
  }

  private async filter(ids: readonly string[], keep: (id: string) => Promise<boolean>): Promise<string[]> {
    const flags = await Promise.all(ids.map(keep));
    return ids.filter((_, i) => flags[i]);
  }
}
