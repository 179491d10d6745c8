import type { DomainCommand, ZonedInstant } from '#shared-kernel';
import type { CaseChannel, CaseClassification, BorderProvince, LinkedPersonRole } from './case.values.js';

export type ReceiveReport = DomainCommand<
  'ReceiveReport',
  {
    caseId: string;
    channel: CaseChannel;
    province: BorderProvince;
    summary: string;
    occurredAt: ZonedInstant;
    receivingUnit: string;
  }
>;

export type ClassifyCase = DomainCommand<'ClassifyCase', { classification: CaseClassification; note?: string }>;

export type OpenCase = DomainCommand<'OpenCase', { reason?: string }>;

export type ResolveCase = DomainCommand<'ResolveCase', { resolution: string }>;

/**
 * The application looks up, before deciding, which linked verifications are still open and which
 * linked handovers are not confirmed, and passes their ids here.
 */
export type CloseCase = DomainCommand<
  'CloseCase',
  {
    reason: string;
    override: boolean;
    openVerificationIds: readonly string[];
    unconfirmedHandoverIds: readonly string[];
  }
>;

export type ReopenCase = DomainCommand<'ReopenCase', { reason: string }>;

// Internal commands: issued by the application when a linked record is created, never by a client.
export type LinkPerson = DomainCommand<'LinkPerson', { personId: string; role: LinkedPersonRole }>;
export type LinkExchange = DomainCommand<'LinkExchange', { exchangeId: string }>;
export type LinkVerification = DomainCommand<'LinkVerification', { verificationId: string }>;
export type LinkHandover = DomainCommand<'LinkHandover', { handoverId: string }>;

export type CaseLinkCommand = LinkPerson | LinkExchange | LinkVerification | LinkHandover;

export type CaseCommand =
  ReceiveReport | ClassifyCase | OpenCase | ResolveCase | CloseCase | ReopenCase | CaseLinkCommand;

export type CaseCommandType = CaseCommand['type'];
