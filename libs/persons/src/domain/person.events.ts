import type { DomainEvent } from '#shared-kernel';
import type { PersonProtectionEvent } from './person.protection.events.js';
import type { PersonSupportEvent } from './person.support.events.js';
import type { AgeBand, IdentificationStatus, PersonRole } from './person.values.js';

/**
 * `personal` is the sealed envelope (names in every script, sex, date of birth, nationality,
 * documents); everything else in person events is deliberately non-identifying.
 */
export type PersonRegistered = DomainEvent<
  'PersonRegistered',
  {
    personId: string;
    caseId: string;
    role: PersonRole;
    ageBand: AgeBand;
    personal: string;
    /** Recorded, not re-derived, so a later change of the starting rules does not rewrite history. */
    identification: IdentificationStatus;
  }
>;

export type IdentificationBegun = DomainEvent<
  'IdentificationBegun',
  { personId: string; caseId: string; basis: string | null }
>;

/** The person is identified as a victim on the evidence bases of Art. 32, with the Art. 33 document. */
export type VictimIdentified = DomainEvent<
  'VictimIdentified',
  { personId: string; caseId: string; evidenceBases: readonly string[]; documentRef: string | null }
>;

export type IdentificationNotConfirmed = DomainEvent<
  'IdentificationNotConfirmed',
  { personId: string; caseId: string; reason: string }
>;

export type IdentificationReopened = DomainEvent<
  'IdentificationReopened',
  { personId: string; caseId: string; newEvidence: string }
>;

/** Replaces the sealed envelope; the old ciphertext stays in the log but dies with the key. */
export type PersonalDataCorrected = DomainEvent<
  'PersonalDataCorrected',
  { personId: string; caseId: string; personal: string }
>;

/**
 * The person's data key was destroyed (crypto-shredding, PDPL 91/2025): every sealed copy of
 * their data — events, projections, backups, Kafka — is unreadable from now on. The fact of the
 * erasure, who ordered it and why, stays in the record.
 */
export type PersonalDataErased = DomainEvent<
  'PersonalDataErased',
  { personId: string; caseId: string; reason: string }
>;

export type PersonEvent =
  | PersonProtectionEvent
  | PersonSupportEvent
  | PersonalDataErased
  | PersonRegistered
  | IdentificationBegun
  | VictimIdentified
  | IdentificationNotConfirmed
  | IdentificationReopened
  | PersonalDataCorrected;

export type PersonEventType = PersonEvent['type'];

export type * from './person.protection.events.js';
export type * from './person.support.events.js';
