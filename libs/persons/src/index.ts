export { personDecider } from './domain/person.decider.js';
export { decidePerson } from './domain/person.decide.js';
export { evolvePerson } from './domain/person.evolve.js';
export { initialPersonState } from './domain/person.state.js';
export type {
  AccompanyingPerson,
  ConsentRecord,
  LegalHold,
  IdentifiedVictim,
  NoPerson,
  NotConfirmedPerson,
  PersonFacts,
  PersonOffTrack,
  PersonState,
  PersonStatus,
  PersonUnderIdentification,
  PresumedPerson,
  ReferralRecord,
  RegisteredPerson,
  ScreeningRecord,
  SupportRecord,
} from './domain/person.state.js';
export type * from './domain/person.events.js';
export type * from './domain/person.commands.js';
export { PersonErrors, type PersonErrorCode } from './domain/person.errors.js';
export {
  AGE_BANDS,
  IDENTIFICATION_STATUSES,
  PERSON_ROLES,
  initialIdentificationStatus,
  looksSealed,
  type AgeBand,
  type IdentificationStatus,
  type PersonRole,
} from './domain/person.values.js';
export {
  consentStanding,
  isIdentifiedVictim,
  isOnVictimTrack,
  personExists,
  sealedPersonalData,
} from './domain/person.selectors.js';
export {
  CONSENT_DECISIONS,
  CONSENT_GIVERS,
  CONSENT_PURPOSES,
  type ConsentDecision,
  type ConsentGiver,
  type ConsentPurpose,
  type ConsentStanding,
} from './domain/person.protection.values.js';
export {
  EXPLOITATION_TYPES,
  INDICATOR_RESULTS,
  REFERRAL_DECLINE_REASONS,
  REFERRAL_EXEMPTIONS,
  REFERRAL_SERVICES,
  SCREENING_GROUPS,
  SUPPORT_KINDS,
  SUPPORTED_ROLES,
  UNIT_NAME_MAX,
  type ExploitationType,
  type IndicatorResult,
  type ReferralDeclineReason,
  type ReferralExemption,
  type ReferralService,
  type ReferralState,
  type ScreeningGroup,
  type SupportKind,
} from './domain/person.support.values.js';
export { PERSON_CATEGORY, personStreamId } from './person-stream.js';
