import type { DomainCommand, ZonedInstant } from '#shared-kernel';
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
