import { Command, Query } from '@nestjs/cqrs';
import type { CaseView } from '../case-view.js';
import type { WriteAnswer, WriteContext } from '#event-store';
import type { ReceiveReport } from '../domain/case.commands.js';
import type { CaseCommand } from '../domain/case.commands.js';

/** Open a new case from a received report; the handler assigns the id. */
export class ReceiveReportMessage extends Command<WriteAnswer> {
  constructor(
    readonly data: Omit<ReceiveReport['data'], 'caseId'>,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** Any client command on an existing case whose decision needs no look-up elsewhere. */
export class CaseCommandMessage extends Command<WriteAnswer> {
  constructor(
    readonly caseId: string,
    readonly command: Exclude<CaseCommand, { type: 'ReceiveReport' | 'CloseCase' }>,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** Closing looks up the case's open verifications and unconfirmed handovers first. */
export class CloseCaseMessage extends Command<WriteAnswer> {
  constructor(
    readonly caseId: string,
    readonly data: { reason: string; override: boolean },
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class GetCaseQuery extends Query<CaseView> {
  constructor(
    readonly caseId: string,
    readonly ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
  ) {
    super();
  }
}
