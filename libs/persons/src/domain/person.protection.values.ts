/**
 * Consent to share a person's data with a named recipient, for one purpose (PDPL 91/2025: letting a
 * foreign body read data held in Vietnam is a cross-border transfer; for a victim it needs consent or
 * a recorded legal exception). The purposes are the reasons a liaison office shares a person's data.
 */
export const CONSENT_PURPOSES = [
  'identity_verification',
  'family_tracing',
  'return_and_handover',
  'information_exchange',
  'referral_to_services',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * Who expressed the decision. A child cannot decide alone: for a person under 18 the legal
 * representative decides, with the child's own view when they are old enough to give one.
 */
export const CONSENT_GIVERS = ['person', 'legal_representative', 'person_and_legal_representative'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const CONSENT_DECISIONS = ['given', 'refused'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/** Where the record stands for one purpose and recipient: the latest decision about them counts. */
export type { ConsentStanding } from '#shared-kernel';

export const SHA256_HEX = /^[0-9a-f]{64}$/;
