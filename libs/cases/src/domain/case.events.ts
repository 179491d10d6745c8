import type { DomainEvent, ZonedInstant } from '#shared-kernel';
import type { CaseChannel, CaseClassification, BorderProvince, LinkedPersonRole } from './case.values.js';

/** A signal (tin báo) was received. It is not yet a case: opening is a separate, later fact. */
export type ReportReceived = DomainEvent<
  'ReportReceived',
  {
    caseId: string;
    channel: CaseChannel;
    province: BorderProvince;
    summary: string;
    /** When the report came in, as declared; the envelope's occurredAt. */
    occurredAt: ZonedInstant;
    receivingUnit: string;
  }
>;

export type CaseClassified = DomainEvent<
  'CaseClassified',
  {
    caseId: string;
    classification: CaseClassification;
    /** What it was before, so a reclassification is visible without replaying the stream. */
    previousClassification: CaseClassification | null;
    note: string | null;
  }
>;

export type CaseOpened = DomainEvent<'CaseOpened', { caseId: string; reason: string | null }>;

export type CaseResolved = DomainEvent<'CaseResolved', { caseId: string; resolution: string }>;

/** Statuses a case can be closed from; `received` means a signal dismissed without opening a case. */
export type ClosableStatus = 'received' | 'open' | 'reopened' | 'resolved';

export type CaseClosed = DomainEvent<
  'CaseClosed',
  {
    caseId: string;
    reason: string;
    closedFrom: ClosableStatus;
    /** True only when a supervisor closed despite the open items listed below. */
    override: boolean;
    /** Items still open at closing time, as the application found them; empty unless overridden. */
    openVerificationIds: readonly string[];
    unconfirmedHandoverIds: readonly string[];
  }
>;

export type CaseReopened = DomainEvent<'CaseReopened', { caseId: string; reason: string }>;

// Link events: appended to the case stream in the same atomic write that creates the linked record.
export type PersonLinked = DomainEvent<'PersonLinked', { caseId: string; personId: string; role: LinkedPersonRole }>;
export type ExchangeLinked = DomainEvent<'ExchangeLinked', { caseId: string; exchangeId: string }>;
export type VerificationLinked = DomainEvent<'VerificationLinked', { caseId: string; verificationId: string }>;
export type HandoverLinked = DomainEvent<'HandoverLinked', { caseId: string; handoverId: string }>;

export type CaseLinkEvent = PersonLinked | ExchangeLinked | VerificationLinked | HandoverLinked;

export type CaseEvent =
  ReportReceived | CaseClassified | CaseOpened | CaseResolved | CaseClosed | CaseReopened | CaseLinkEvent;

export type CaseEventType = CaseEvent['type'];
