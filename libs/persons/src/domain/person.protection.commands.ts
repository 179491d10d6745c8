import type { DomainCommand, ZonedInstant } from '#shared-kernel';
import type { ConsentDecision, ConsentGiver, ConsentPurpose } from './person.protection.values.js';

export type RecordConsent = DomainCommand<
  'RecordConsent',
  {
    consentId: string;
    decision: ConsentDecision;
    purpose: ConsentPurpose;
    recipient: string;
    givenBy: ConsentGiver;
    formSha256?: string;
    occurredAt: ZonedInstant;
  }
>;

export type WithdrawConsent = DomainCommand<'WithdrawConsent', { consentId: string; occurredAt: ZonedInstant }>;

export type PlaceLegalHold = DomainCommand<'PlaceLegalHold', { proceedingsRef: string }>;

export type ReleaseLegalHold = DomainCommand<'ReleaseLegalHold', { reason: string }>;

export type PersonProtectionCommand = RecordConsent | WithdrawConsent | PlaceLegalHold | ReleaseLegalHold;
