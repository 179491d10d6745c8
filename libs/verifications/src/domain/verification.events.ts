import type { ConsentStanding, DisclosureBasis, DomainEvent, Priority, ZonedInstant } from '#shared-kernel';
import type { VerificationDirection, VerificationSubject } from './verification.values.js';

/** What a request says, whether sent at once or first held as a draft for release. */
export interface VerificationRequestData {
  verificationId: string;
  caseId: string;
  personId: string | null;
  direction: VerificationDirection;
  /** Counterpart unit code from the reference register. */
  counterpart: string;
  subject: VerificationSubject;
  questions: string;
  legalBasis: string | null;
  /** Absent on requests recorded before priorities existed: normal. */
  priority?: Priority;
  /**
   * The basis on which the named person's data was sent; absent on incoming requests, on requests
   * that name nobody, and on those recorded before the rule existed.
   */
  disclosure?: { personId: string; basis: DisclosureBasis; reference: string | null };
  dueAt: ZonedInstant;
  /** When the request was sent (outgoing) or received (incoming); for a draft, when written. */
  occurredAt: ZonedInstant;
}

export type VerificationRequested = DomainEvent<'VerificationRequested', VerificationRequestData>;

/**
 * An outgoing request the author's unit holds for a second officer's release (issue 10). Nothing
 * has left: the counterpart, the board's reply clock and the statistics learn of it only from the
 * VerificationRequested that its release appends. `dueAt - occurredAt` is the reply time asked for,
 * which the release keeps from its own moment.
 */
export type VerificationDrafted = DomainEvent<
  'VerificationDrafted',
  VerificationRequestData & { release: { author: string; unit: string } }
>;

/** A second officer released the draft; the VerificationRequested that sends it follows at once. */
export type VerificationReleased = DomainEvent<
  'VerificationReleased',
  { verificationId: string; caseId: string; releasedBy: string; occurredAt: ZonedInstant }
>;

/** Sent back to its author with a comment (sealed with the request's key: it may name the person). */
export type VerificationDraftReturned = DomainEvent<
  'VerificationDraftReturned',
  { verificationId: string; caseId: string; returnedBy: string; comment: string; occurredAt: ZonedInstant }
>;

export type VerificationReleaseWithdrawn = DomainEvent<
  'VerificationReleaseWithdrawn',
  { verificationId: string; caseId: string; occurredAt: ZonedInstant }
>;

export type VerificationDraftResubmitted = DomainEvent<
  'VerificationDraftResubmitted',
  { verificationId: string; caseId: string; occurredAt: ZonedInstant }
>;

export type VerificationReleaseEvent =
  | VerificationDrafted
  | VerificationReleased
  | VerificationDraftReturned
  | VerificationReleaseWithdrawn
  | VerificationDraftResubmitted;

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

/** Urgent or normal from now on, with why. The due time stays as it was (it was stated, or extended). */
export type VerificationPriorityChanged = DomainEvent<
  'VerificationPriorityChanged',
  { verificationId: string; caseId: string; previous: Priority; priority: Priority; reason: string }
>;

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
  | VerificationRequested
  | VerificationExtended
  | VerificationAnswered
  | VerificationWithdrawn
  | VerificationPriorityChanged
  | ConsentOverridden
  | VerificationReleaseEvent;

export type VerificationEventType = VerificationEvent['type'];
