import type { DomainEvent, ZonedInstant } from '#shared-kernel';
import type { MinutesLanguage, OnwardTransferKind, ProposingSide, ReceivedPersonInput } from './handover.values.js';

export type HandoverProposed = DomainEvent<
  'HandoverProposed',
  {
    handoverId: string;
    caseId: string;
    gate: string;
    counterpart: string;
    proposedBy: ProposingSide;
    personIds: readonly string[];
    occurredAt: ZonedInstant;
  }
>;

/** Also follows a postponement that names the new time: the gate stays, the time moves. */
export type HandoverScheduled = DomainEvent<
  'HandoverScheduled',
  { handoverId: string; gate: string; scheduledAt: ZonedInstant }
>;

export type HandoverPostponed = DomainEvent<
  'HandoverPostponed',
  { handoverId: string; reason: string; previousScheduledAt: ZonedInstant }
>;

/** A business outcome, not an error: the handover will not happen. */
export type HandoverCancelled = DomainEvent<'HandoverCancelled', { handoverId: string; reason: string }>;

export type HandoverConducted = DomainEvent<
  'HandoverConducted',
  {
    handoverId: string;
    /** Where it actually took place (the last scheduled gate or marker), for the statistics by gate. */
    gate: string;
    occurredAt: ZonedInstant;
    vnOfficers: readonly string[];
    cnOfficers: readonly string[];
  }
>;

export type PersonReceived = DomainEvent<
  'PersonReceived',
  ReceivedPersonInput & { handoverId: string; occurredAt: ZonedInstant }
>;

export type PersonNotReceived = DomainEvent<
  'PersonNotReceived',
  { handoverId: string; personId: string; reason: string }
>;

export type MinutesSigned = DomainEvent<
  'MinutesSigned',
  {
    handoverId: string;
    number: string;
    occurredAt: ZonedInstant;
    languages: readonly MinutesLanguage[];
    scanSha256?: string;
  }
>;

export type OnwardTransferRecorded = DomainEvent<
  'OnwardTransferRecorded',
  { handoverId: string; personId: string; toUnit: string; toKind: OnwardTransferKind; occurredAt: ZonedInstant }
>;

export type HandoverClosed = DomainEvent<'HandoverClosed', { handoverId: string }>;

export type HandoverEvent =
  | HandoverProposed
  | HandoverScheduled
  | HandoverPostponed
  | HandoverCancelled
  | HandoverConducted
  | PersonReceived
  | PersonNotReceived
  | MinutesSigned
  | OnwardTransferRecorded
  | HandoverClosed;

export type HandoverEventType = HandoverEvent['type'];
