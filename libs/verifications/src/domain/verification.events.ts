import type { ConsentStanding, DisclosureBasis, DomainEvent, ZonedInstant } from '#shared-kernel';
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
    /**
     * The basis on which the named person's data was sent; absent on incoming requests, on requests
     * that name nobody, and on those recorded before the rule existed.
     */
    disclosure?: { personId: string; basis: DisclosureBasis; reference: string | null };
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

/**
 * A supervisor sent a request naming a person whose consent did not stand. Its own event so that
 * auditors can list every such decision with its reason (the audit log shows it).
 */
export type ConsentOverridden = DomainEvent<
  'ConsentOverridden',
  {
    verificationId: string;
    caseId: string;
    personId: string;
    counterpart: string;
    consent: ConsentStanding;
    reason: string;
  }
>;

export type VerificationEvent =
  VerificationRequested | VerificationExtended | VerificationAnswered | VerificationWithdrawn | ConsentOverridden;

export type VerificationEventType = VerificationEvent['type'];
