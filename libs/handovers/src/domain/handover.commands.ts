import type { DomainCommand, ZonedInstant } from '#shared-kernel';
import type {
  MinutesInput,
  NotReceivedPersonInput,
  OnwardTransferKind,
  ProposingSide,
  ReceivedPersonInput,
} from './handover.values.js';

export type ProposeHandover = DomainCommand<
  'ProposeHandover',
  {
    handoverId: string;
    caseId: string;
    /** Gate or boundary-marker code from the reference register. */
    gate: string;
    counterpart: string;
    proposedBy: ProposingSide;
    personIds: readonly string[];
    proposedAt: ZonedInstant;
  }
>;

export type ScheduleHandover = DomainCommand<'ScheduleHandover', { gate: string; scheduledAt: ZonedInstant }>;

export type PostponeHandover = DomainCommand<
  'PostponeHandover',
  {
    reason: string;
    /** Known already: the handover is rescheduled at once (Postponed, then Scheduled again). */
    newScheduledAt?: ZonedInstant;
  }
>;

export type CancelHandover = DomainCommand<'CancelHandover', { reason: string }>;

/** The border guard's one submission from the gate. */
export type ConfirmHandover = DomainCommand<
  'ConfirmHandover',
  {
    conductedAt: ZonedInstant;
    vnOfficers: readonly string[];
    cnOfficers: readonly string[];
    received: readonly ReceivedPersonInput[];
    notReceived?: readonly NotReceivedPersonInput[];
    minutes: MinutesInput;
  }
>;

export type RecordOnwardTransfer = DomainCommand<
  'RecordOnwardTransfer',
  { personId: string; toUnit: string; toKind: OnwardTransferKind; at: ZonedInstant }
>;

export type CloseHandover = DomainCommand<'CloseHandover', Record<string, never>>;

export type HandoverCommand =
  | ProposeHandover
  | ScheduleHandover
  | PostponeHandover
  | CancelHandover
  | ConfirmHandover
  | RecordOnwardTransfer
  | CloseHandover;
