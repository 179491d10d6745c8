import type { ZonedInstant } from '#shared-kernel';
import type { ConsentDecision, ConsentGiver, ConsentPurpose } from './person.protection.values.js';
import type { RecordedBy } from './person.support.events.js';
import type {
  ExploitationType,
  IndicatorResult,
  ReferralDeclineReason,
  ReferralExemption,
  ReferralService,
  ReferralState,
  ScreeningGroup,
  SupportKind,
} from './person.support.values.js';
import type { AgeBand, PersonRole } from './person.values.js';

/** One consent decision as recorded; a withdrawal marks it, it is never removed. */
export interface ConsentRecord {
  readonly consentId: string;
  readonly decision: ConsentDecision;
  readonly purpose: ConsentPurpose;
  readonly recipient: string;
  readonly givenBy: ConsentGiver;
  readonly formSha256: string | null;
  readonly occurredAt: ZonedInstant;
  readonly withdrawnAt?: ZonedInstant;
}

/** Support given; `note` stays sealed in the state, opened only by an audited read. */
export interface SupportRecord {
  readonly supportId: string;
  readonly kind: SupportKind;
  readonly provider: string;
  readonly note: string | null;
  readonly occurredAt: ZonedInstant;
  readonly recordedBy: RecordedBy;
}

export interface ReferralRecord {
  readonly referralId: string;
  readonly service: ReferralService;
  readonly receivingUnit: string | null;
  readonly consentId: string | null;
  readonly exemption: ReferralExemption | null;
  readonly note: string | null;
  readonly occurredAt: ZonedInstant;
  readonly recordedBy: RecordedBy;
  readonly state: ReferralState;
  readonly answeredAt?: ZonedInstant;
  readonly declineReason?: ReferralDeclineReason;
  readonly completedAt?: ZonedInstant;
}

export interface ScreeningRecord {
  readonly screeningId: string;
  readonly group: ScreeningGroup;
  readonly exploitationTypes: readonly ExploitationType[];
  readonly result: IndicatorResult;
  readonly occurredAt: ZonedInstant;
  readonly recordedBy: RecordedBy;
}

export interface LegalHold {
  readonly proceedingsRef: string;
}

/** What every registered person has, whatever their identification status. */
export interface PersonFacts {
  readonly personId: string;
  readonly caseId: string;
  readonly role: PersonRole;
  readonly ageBand: AgeBand;
  /** The current sealed envelope of personal data; opaque to the domain. */
  readonly personal: string;
  /** True once the person's key was destroyed: the record stays, the identity is gone. */
  readonly erased?: boolean;
  /** Consent decisions in the order they were recorded; absent until the first one. */
  readonly consents?: readonly ConsentRecord[];
  /** Present while proceedings hold the person's data; erasure is refused meanwhile. */
  readonly legalHold?: LegalHold;
  /** Support given, referrals and screenings, in the order recorded; absent until the first. */
  readonly supports?: readonly SupportRecord[];
  readonly referrals?: readonly ReferralRecord[];
  readonly screenings?: readonly ScreeningRecord[];
}

export type NoPerson = { readonly status: 'none' };
export type PresumedPerson = PersonFacts & { readonly status: 'presumed' };
export type AccompanyingPerson = PersonFacts & { readonly status: 'accompanying' };
export type PersonUnderIdentification = PersonFacts & {
  readonly status: 'under_identification';
  readonly basis: string | null;
};
export type IdentifiedVictim = PersonFacts & {
  readonly status: 'identified_victim';
  /** Empty when the person was registered as an already identified victim. */
  readonly evidenceBases: readonly string[];
  readonly documentRef: string | null;
};
export type NotConfirmedPerson = PersonFacts & { readonly status: 'not_confirmed'; readonly reason: string };
export type PersonOffTrack = PersonFacts & { readonly status: 'not_on_victim_track' };

export type RegisteredPerson =
  | PresumedPerson
  | AccompanyingPerson
  | PersonUnderIdentification
  | IdentifiedVictim
  | NotConfirmedPerson
  | PersonOffTrack;

export type PersonState = NoPerson | RegisteredPerson;
export type PersonStatus = PersonState['status'];

export const initialPersonState: PersonState = { status: 'none' };
