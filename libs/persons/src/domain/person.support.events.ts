import type { DomainEvent, ZonedInstant } from '#shared-kernel';
import type {
  ExploitationType,
  IndicatorResult,
  ReferralDeclineReason,
  ReferralExemption,
  ReferralService,
  ScreeningGroup,
  SupportKind,
} from './person.support.values.js';

/** The officer who recorded the fact (their account and unit), for the record and the case page. */
export interface RecordedBy {
  readonly userId: string;
  readonly unitId: string;
}

/**
 * `note` is a sealed envelope (the person's key) or null: free text about a person's health or
 * family must be reachable by erasure. `provider` is the unit or organisation, in clear.
 */
export type SupportProvided = DomainEvent<
  'SupportProvided',
  {
    personId: string;
    caseId: string;
    supportId: string;
    kind: SupportKind;
    provider: string;
    note: string | null;
    occurredAt: ZonedInstant;
    recordedBy: RecordedBy;
  }
>;

/**
 * A referral rests on a standing consent (its id) or on a listed exemption. `receivingUnit` is
 * null for a referral to the family: the relatives' names are in the sealed note.
 */
export type ReferralMade = DomainEvent<
  'ReferralMade',
  {
    personId: string;
    caseId: string;
    referralId: string;
    service: ReferralService;
    receivingUnit: string | null;
    consentId: string | null;
    exemption: ReferralExemption | null;
    note: string | null;
    occurredAt: ZonedInstant;
    recordedBy: RecordedBy;
  }
>;

interface ReferralAnswerFacts {
  personId: string;
  caseId: string;
  referralId: string;
  occurredAt: ZonedInstant;
  recordedBy: RecordedBy;
}

export type ReferralAccepted = DomainEvent<'ReferralAccepted', ReferralAnswerFacts>;
export type ReferralDeclined = DomainEvent<'ReferralDeclined', ReferralAnswerFacts & { reason: ReferralDeclineReason }>;
export type ReferralCompleted = DomainEvent<'ReferralCompleted', ReferralAnswerFacts>;

export type ScreeningRecorded = DomainEvent<
  'ScreeningRecorded',
  {
    personId: string;
    caseId: string;
    screeningId: string;
    group: ScreeningGroup;
    exploitationTypes: readonly ExploitationType[];
    result: IndicatorResult;
    occurredAt: ZonedInstant;
    recordedBy: RecordedBy;
  }
>;

export type PersonSupportEvent =
  SupportProvided | ReferralMade | ReferralAccepted | ReferralDeclined | ReferralCompleted | ScreeningRecorded;
