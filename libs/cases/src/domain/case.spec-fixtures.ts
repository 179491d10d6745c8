import { newId, type CommandMeta, type Role, type ZonedInstant } from '#shared-kernel';
import type { CaseCommand } from './case.commands.js';
import type { CaseEvent, ReportReceived } from './case.events.js';

/** The Lạng Sơn officer (or, given a role, the same person in it) the case decider specs act as. */
export const officer = (role: Role = 'liaison_officer'): CommandMeta => ({
  actor: { userId: 'an.nguyen', role, unitId: 'VN-LS-BLO', province: 'lang-son' },
  now: new Date('2026-03-05T02:00:00Z'),
});

/** A declared time as entered on the Vietnam side. */
export const vnTime = (iso: string, offset = '+07:00'): ZonedInstant => ({ at: iso, offset, zone: 'Asia/Ho_Chi_Minh' });

/** The call to the hotline most case decider specs start from. */
export const hotlineReport = (caseId: string): ReportReceived => ({
  type: 'ReportReceived',
  data: {
    caseId,
    channel: 'hotline',
    province: 'lang-son',
    summary: 'Call to 111 about a woman taken across the border',
    occurredAt: vnTime('2026-03-04T23:30:00.000Z'),
    receivingUnit: 'VN-LS-BLO',
  },
});

/** Before each test of the calling `describe`: a new case id and the hotline report that received it. */
export function eachNewHotlineCase(use: (caseId: string, received: ReportReceived) => void): void {
  beforeEach(() => {
    const caseId = newId();
    use(caseId, hotlineReport(caseId));
  });
}

/** Closing with nothing left open, unless `data` says otherwise. */
export const closeCase = (
  data: Partial<Extract<CaseCommand, { type: 'CloseCase' }>['data']> = {},
  role: Role = 'liaison_officer',
): CaseCommand => ({
  type: 'CloseCase',
  data: { reason: 'work finished', override: false, openVerificationIds: [], unconfirmedHandoverIds: [], ...data },
  meta: officer(role),
});

/**
 * The life-cycle events decider specs give as history, for one case id: opened, resolved and
 * closed in the plainest way (no override, nothing left open), so each spec spells out only what
 * its scenario is about.
 */
export const caseOpened = (caseId: string): CaseEvent => ({ type: 'CaseOpened', data: { caseId, reason: null } });

export const caseResolved = (caseId: string): CaseEvent => ({
  type: 'CaseResolved',
  data: { caseId, resolution: 'victims returned' },
});

export const caseClosed = (caseId: string): CaseEvent => ({
  type: 'CaseClosed',
  data: {
    caseId,
    reason: 'done',
    closedFrom: 'open',
    override: false,
    openVerificationIds: [],
    unconfirmedHandoverIds: [],
  },
});
