import type { DomainEvent, ZonedInstant } from '#shared-kernel';
import type { ConsentGiver, ConsentPurpose } from './person.protection.values.js';

/**
 * What a consent decision records. No name of the person or their representative: the signed form
 * holds those, and the record keeps only its SHA-256 so that the paper can be matched to it.
 */
interface ConsentFacts {
  personId: string;
  caseId: string;
  consentId: string;
  purpose: ConsentPurpose;
  /** The recipient unit's code in the reference register (a Chinese counterpart, e.g. CN-GX-PSD). */
  recipient: string;
  givenBy: ConsentGiver;
  formSha256: string | null;
  occurredAt: ZonedInstant;
}

export type ConsentGiven = DomainEvent<'ConsentGiven', ConsentFacts>;
export type ConsentRefused = DomainEvent<'ConsentRefused', ConsentFacts>;

/** A withdrawal stops further sharing; what was shared before stays lawful and stays recorded. */
export type ConsentWithdrawn = DomainEvent<
  'ConsentWithdrawn',
  { personId: string; caseId: string; consentId: string; occurredAt: ZonedInstant }
>;

/** Proceedings need the person's data kept: erasure is refused while the hold stands. */
export type LegalHoldPlaced = DomainEvent<
  'LegalHoldPlaced',
  { personId: string; caseId: string; proceedingsRef: string }
>;

export type LegalHoldReleased = DomainEvent<
  'LegalHoldReleased',
  { personId: string; caseId: string; proceedingsRef: string; reason: string }
>;

export type PersonProtectionEvent =
  ConsentGiven | ConsentRefused | ConsentWithdrawn | LegalHoldPlaced | LegalHoldReleased;
