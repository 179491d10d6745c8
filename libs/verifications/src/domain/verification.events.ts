import type { DomainEvent, ZonedInstant } from '#shared-kernel';
import type { VerificationDirection, VerificationSubject } from './verification.values.js';

export type VerificationRequested = DomainEvent<
  'VerificationRequested',
  {
    verificationId: string;
    caseId: string;
    personId: string | null;
    direction: VerificationDirection;
    /** Counterpart unit code from the reference register. */
    counterpart: string;
    subject: VerificationSubject;
    questions: string;
    legalBasis: string | null;
    dueAt: ZonedInstant;
    /** When the request was sent (outgoing) or received (incoming). */
    occurredAt: ZonedInstant;
  }
>;

export type VerificationExtended = DomainEvent<
  'VerificationExtended',
  { verificationId: string; caseId: string; previousDueAt: ZonedInstant; newDueAt: ZonedInstant; reason: string }
>;

/** Common data of the three answers; `occurredAt` is the declared answer time (answeredAt). */
export interface VerificationAnswerData {
  verificationId: string;
  caseId: string;
  details: string;
  occurredAt: ZonedInstant;
  /** Whether the answer came after the due time then in force, for the reply-time statistics. */
  late: boolean;
}

export type VerificationAnsweredConfirmed = DomainEvent<'VerificationAnsweredConfirmed', VerificationAnswerData>;
export type VerificationAnsweredNotConfirmed = DomainEvent<'VerificationAnsweredNotConfirmed', VerificationAnswerData>;
export type VerificationAnsweredInconclusive = DomainEvent<'VerificationAnsweredInconclusive', VerificationAnswerData>;

export type VerificationAnswered =
  VerificationAnsweredConfirmed | VerificationAnsweredNotConfirmed | VerificationAnsweredInconclusive;

export type VerificationWithdrawn = DomainEvent<
  'VerificationWithdrawn',
  { verificationId: string; caseId: string; reason: string }
>;

export type VerificationEvent =
  VerificationRequested | VerificationExtended | VerificationAnswered | VerificationWithdrawn;

export type VerificationEventType = VerificationEvent['type'];
