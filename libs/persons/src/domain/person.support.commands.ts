import type { DomainCommand, ZonedInstant } from '#shared-kernel';
import type {
  ExploitationType,
  IndicatorResult,
  ReferralDeclineReason,
  ReferralExemption,
  ReferralService,
  ScreeningGroup,
  SupportKind,
} from './person.support.values.js';

/** `note` arrives sealed by the application (PERSONAL_DATA_CIPHER), never in clear. */
export type RecordSupport = DomainCommand<
  'RecordSupport',
  { supportId: string; kind: SupportKind; provider: string; note?: string; occurredAt: ZonedInstant }
>;

export type MakeReferral = DomainCommand<
  'MakeReferral',
  {
    referralId: string;
    service: ReferralService;
    receivingUnit?: string;
    exemption?: ReferralExemption;
    note?: string;
    occurredAt: ZonedInstant;
  }
>;

export type AnswerReferral = DomainCommand<
  'AnswerReferral',
  {
    referralId: string;
    answer: 'accepted' | 'declined';
    reason?: ReferralDeclineReason;
    occurredAt: ZonedInstant;
  }
>;

export type CompleteReferral = DomainCommand<'CompleteReferral', { referralId: string; occurredAt: ZonedInstant }>;

export type RecordScreening = DomainCommand<
  'RecordScreening',
  {
    screeningId: string;
    group: ScreeningGroup;
    exploitationTypes: readonly ExploitationType[];
    result: IndicatorResult;
    occurredAt: ZonedInstant;
  }
>;

export type PersonSupportCommand = RecordSupport | MakeReferral | AnswerReferral | CompleteReferral | RecordScreening;
