import type { ConsentStanding, DisclosureInput, DomainCommand, ZonedInstant } from '#shared-kernel';
import type { VerificationDirection, VerificationResult, VerificationSubject } from './verification.values.js';

export type RequestVerification = DomainCommand<
  'RequestVerification',
  {
    verificationId: string;
    caseId: string;
    personId?: string;
    direction: VerificationDirection;
    counterpart: string;
    subject: VerificationSubject;
    questions: string;
    legalBasis?: string;
    /** On what basis the named person's data goes to the counterpart (outgoing requests). */
    disclosure?: DisclosureInput;
    /**
     * Where the person's consent stands for identity verification by this counterpart: looked up by
     * the application in the persons context, so that the decision stays pure.
     */
    consent?: ConsentStanding;
    dueAt: ZonedInstant;
    occurredAt: ZonedInstant;
  }
>;

export type ExtendVerification = DomainCommand<'ExtendVerification', { newDueAt: ZonedInstant; reason: string }>;

export type AnswerVerification = DomainCommand<
  'AnswerVerification',
  { result: VerificationResult; details: string; answeredAt: ZonedInstant }
>;

export type WithdrawVerification = DomainCommand<'WithdrawVerification', { reason: string }>;

export type VerificationCommand = RequestVerification | ExtendVerification | AnswerVerification | WithdrawVerification;

export type VerificationCommandType = VerificationCommand['type'];
