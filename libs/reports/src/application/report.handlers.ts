import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type WriteAnswer, handle, load } from '#event-store';
import { PERSONAL_DATA_CIPHER, type PersonalDataCipher } from '#security';
import { DomainError } from '#shared-kernel';
import { ReportErrors, reportDecider, reportStreamId } from '../index.js';
import { reportAggregate } from './report-aggregate.js';
import { GetReportQuery, type LoadedReport, ReportCommandMessage } from './report.messages.js';
import { openNarrative, sealNarrative, withStoredTextWhenUnchanged } from './report-narrative-seal.js';

@CommandHandler(ReportCommandMessage)
export class ReportCommandHandler implements ICommandHandler<ReportCommandMessage, WriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  execute({ reportId, command, ctx }: ReportCommandMessage): Promise<WriteAnswer> {
    return handle({
      ...reportAggregate(this.store, reportId),
      command: (state) => withStoredTextWhenUnchanged(this.cipher, command, state),
      seal: (events) => sealNarrative(this.cipher, reportId, events),
      ctx,
    });
  }
}

/**
 * The report folded live from its stream (a handful of events, so no read model is needed for
 * one), its narrative opened for a reader of the report.
 */
@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery, LoadedReport> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ reportId }: GetReportQuery): Promise<LoadedReport> {
    const { state, revision } = await load(this.store, reportDecider, reportStreamId(reportId));
    if (state.status === 'none' || revision === null)
      throw new DomainError(ReportErrors.NOT_FOUND, 'no report for this province and period', 'not_found');
    const narrative = await openNarrative(this.cipher, reportId, state.narrative);
    return { state: { ...state, narrative }, revision: revision.toString() };
  }
}
