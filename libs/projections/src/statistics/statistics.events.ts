import type { ZonedInstant } from '#shared-kernel';

// What the statistics read from the log: the event types, the fields of their data, and the sex
// opened out of a person's sealed personal data.

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * Opens the sex out of a person's sealed personal data. Called by `prepare`, outside the
 * runner's transaction (the key store reads its own table). Must answer 'unknown' for an
 * erased (shredded) subject or an envelope it cannot open, and throw only when the key store
 * itself is unreachable.
 */
export type SexOpener = (personId: string, envelope: string) => Promise<Sex>;

export const STATISTICS_EVENT_TYPES = [
  'ReportReceived',
  'CaseClassified',
  'CaseResolved',
  'CaseReopened',
  'PersonRegistered',
  'IdentificationBegun',
  'VictimIdentified',
  'IdentificationNotConfirmed',
  'IdentificationReopened',
  'PersonalDataCorrected',
  'ExchangeOpened',
  'ExchangePriorityChanged',
  'MessageLogged',
  'DraftSent',
  'DraftDiscarded',
  'MessageAcknowledged',
  'MessageAnswered',
  'VerificationRequested',
  'VerificationPriorityChanged',
  'VerificationAnsweredConfirmed',
  'VerificationAnsweredNotConfirmed',
  'VerificationAnsweredInconclusive',
  'VerificationWithdrawn',
  'HandoverProposed',
  'HandoverScheduled',
  'HandoverConducted',
  'HandoverCancelled',
  'PersonReceived',
  'SupportProvided',
  'ReferralMade',
  'ReferralAccepted',
  'ReferralDeclined',
  'ReferralCompleted',
] as const;
export type StatisticsEventType = (typeof STATISTICS_EVENT_TYPES)[number];

export type StatisticsEventData = {
  caseId?: string;
  caseIds?: readonly string[];
  personId?: string;
  exchangeId?: string;
  messageId?: string;
  verificationId?: string;
  handoverId?: string;
  province?: string;
  channel?: string;
  role?: string;
  ageBand?: string;
  identification?: string;
  personal?: string;
  counterpart?: string;
  direction?: string;
  draft?: boolean;
  gate?: string;
  late?: boolean;
  inReplyTo?: string;
  responseDueAt?: ZonedInstant;
  occurredAt?: ZonedInstant;
  supportId?: string;
  referralId?: string;
  kind?: string;
  service?: string;
  priority?: string;
};
