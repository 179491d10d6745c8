import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type WriteAnswer, commandOf, handle } from '#event-store';
import { newId } from '#shared-kernel';
import type { ReceiveReport } from '../domain/case.commands.js';
import { CaseCommandMessage, ReceiveReportMessage } from './case.messages.js';
import { caseAggregate } from './case-aggregate.js';

@CommandHandler(ReceiveReportMessage)
export class ReceiveReportHandler implements ICommandHandler<ReceiveReportMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ data, ctx }: ReceiveReportMessage): Promise<WriteAnswer> {
    const caseId = newId();
    const command = commandOf<ReceiveReport>('ReceiveReport', { ...data, caseId }, ctx);
    return handle({
      ...caseAggregate(this.store, caseId),
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
      ...caseAggregate(this.store, caseId),
      command,
      ctx,
      caseId,
    });
  }
}
