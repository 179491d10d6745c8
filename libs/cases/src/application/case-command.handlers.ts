import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type WriteAnswer, commandOf, handle } from '#event-store';
import { newId } from '#shared-kernel';
import { caseDecider } from '../domain/case.decider.js';
import type { ReceiveReport } from '../domain/case.commands.js';
import { caseStreamId } from '../case-stream.js';
import { CaseCommandMessage, ReceiveReportMessage } from './case.messages.js';

@CommandHandler(ReceiveReportMessage)
export class ReceiveReportHandler implements ICommandHandler<ReceiveReportMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ data, ctx }: ReceiveReportMessage): Promise<WriteAnswer> {
    const caseId = newId();
    const command = commandOf<ReceiveReport>('ReceiveReport', { ...data, caseId }, ctx);
    return handle({
      store: this.store,
      decider: caseDecider,
      streamId: caseStreamId(caseId),
      id: caseId,
      command,
      ctx,
      caseId,
    });
  }
}

@CommandHandler(CaseCommandMessage)
export class CaseCommandHandler implements ICommandHandler<CaseCommandMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId, command, ctx }: CaseCommandMessage): Promise<WriteAnswer> {
    return handle({
      store: this.store,
      decider: caseDecider,
      streamId: caseStreamId(caseId),
      id: caseId,
      command,
      ctx,
      caseId,
    });
  }
}
