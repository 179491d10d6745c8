import type { WriteContext } from '#event-store';
import type { ReceiveReport } from '../domain/case.commands.js';
import type { CaseCommand } from '../domain/case.commands.js';

/** Open a new case from a received report; the handler assigns the id. */
export class ReceiveReportMessage {
  constructor(
    readonly data: Omit<ReceiveReport['data'], 'caseId'>,
    readonly ctx: WriteContext,
  ) {}
}

/** Any client command on an existing case whose decision needs no look-up elsewhere. */
export class CaseCommandMessage {
  constructor(
    readonly caseId: string,
    readonly command: Exclude<CaseCommand, { type: 'ReceiveReport' | 'CloseCase' }>,
    readonly ctx: WriteContext,
  ) {}
}

/** Closing looks up the case's open verifications and unconfirmed handovers first. */
export class CloseCaseMessage {
  constructor(
    readonly caseId: string,
    readonly data: { reason: string; override: boolean },
    readonly ctx: WriteContext,
  ) {}
}

export class GetCaseQuery {
  constructor(
    readonly caseId: string,
    readonly ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
  ) {}
}
