import type {
  ConsentStanding,
  DisclosureInput,
  DomainCommand,
  Priority,
  ReleasePolicy,
  ZonedInstant,
} from '#shared-kernel';
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
    /** How soon the other side should answer; normal when not given. */
    priority?: Priority;
    /** On what basis the named person's data goes to the counterpart (outgoing requests). */
    disclosure?: DisclosureInput;
    /**
     * Where the person's consent stands for identity verification by this counterpart: looked up by
     * the application in the persons context, so that the decision stays pure.
     */
    consent?: ConsentStanding;
    dueAt: ZonedInstant;
    occurredAt: ZonedInstant;
    /**
     * The author's unit's release policy (configuration); without it the strict default
     * (`personal_data`) applies. The author is the command's actor.
     */
    releasePolicy?: ReleasePolicy;
  }
>;

export type ExtendVerification = DomainCommand<'ExtendVerification', { newDueAt: ZonedInstant; reason: string }>;

export type AnswerVerification = DomainCommand<
  'AnswerVerification',
  { result: VerificationResult; details: string; answeredAt: ZonedInstant }
>;

export type WithdrawVerification = DomainCommand<'WithdrawVerification', { reason: string }>;

export type ChangeVerificationPriority = DomainCommand<
  'ChangeVerificationPriority',
  { priority: Priority; reason: string }
>;

/**
 * The second officer's acts on a held draft; the officer is the command's actor, `occurredAt` the
 * server's clock. A release carries where the person's consent stands now (looked up by the
 * application), so a consent withdrawn while the draft waited stops it.
 */
export type ReleaseVerification = DomainCommand<
  'ReleaseVerification',
  { occurredAt: ZonedInstant; consent?: ConsentStanding }
>;
export type ReturnVerification = DomainCommand<'ReturnVerification', { comment: string; occurredAt: ZonedInstant }>;
export type RecallVerification = DomainCommand<'RecallVerification', { occurredAt: ZonedInstant }>;
export type ResubmitVerification = DomainCommand<'ResubmitVerification', { occurredAt: ZonedInstant }>;

export type VerificationReleaseCommand =
  ReleaseVerification | ReturnVerification | RecallVerification | ResubmitVerification;

export type VerificationCommand =
  | RequestVerification
  | ExtendVerification
  | AnswerVerification
  | WithdrawVerification
  | ChangeVerificationPriority
  | VerificationReleaseCommand;

export type VerificationCommandType = VerificationCommand['type'];
