import type { CaseEvent } from '#cases';
import type { ExchangeEvent } from '#exchanges';
import type { HandoverEvent } from '#handovers';
import type { PersonEvent } from '#persons';
import type { VerificationEvent } from '#verifications';

/**
 * The events the board reads, typed by the domain's own unions: renaming a field in a domain
 * event breaks the board's rules (deadlines.rules.ts) at compile time, not the board at run time.
 */
export type BoardEvent = Extract<
  CaseEvent | VerificationEvent | ExchangeEvent | HandoverEvent | PersonEvent,
  { type: (typeof BOARD_EVENT_TYPES)[number] }
>;
export type DataOf<T extends BoardEvent['type']> = Extract<BoardEvent, { type: T }>['data'];

export const BOARD_EVENT_TYPES = [
  'ReportReceived',
  'CaseClassified',
  'CaseClosed',
  'VerificationRequested',
  'VerificationExtended',
  'VerificationAnsweredConfirmed',
  'VerificationAnsweredNotConfirmed',
  'VerificationAnsweredInconclusive',
  'VerificationWithdrawn',
  'VerificationPriorityChanged',
  'ExchangeOpened',
  'ExchangePriorityChanged',
  'MessageLogged',
  'DraftSent',
  'DraftDiscarded',
  'MessageAcknowledged',
  'MessageAnswered',
  'ExchangeClosed',
  'HandoverProposed',
  'HandoverScheduled',
  'HandoverPostponed',
  'HandoverCancelled',
  'HandoverConducted',
  'PersonReceived',
  'OnwardTransferRecorded',
  'ReferralMade',
  'ReferralAccepted',
  'ReferralDeclined',
] as const;
export type BoardEventType = (typeof BOARD_EVENT_TYPES)[number];
