import { Command, Query } from '@nestjs/cqrs';
import type { WriteAnswer, WriteContext } from '#event-store';
import type { ReportCommand, ReportState } from '../index.js';

/** Any decision on one report (open, narrative, approval, submission); the id names province and period. */
export class ReportCommandMessage extends Command<WriteAnswer> {
  constructor(
    readonly reportId: string,
    readonly command: ReportCommand,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export interface LoadedReport {
  readonly state: Exclude<ReportState, { status: 'none' }>;
  readonly revision: string;
}

export class GetReportQuery extends Query<LoadedReport> {
  constructor(readonly reportId: string) {
    super();
  }
}
