import { DomainError } from '#shared-kernel';

/**
 * The subject's data key was destroyed (crypto-shredding): whatever was encrypted for it is gone
 * for good, wherever a copy of the ciphertext lives. Callers show the record as erased.
 */
export class DataErasedError extends Error {
  readonly code = 'DATA_ERASED';
  constructor(readonly subjectId: string) {
    super('the personal data of this subject has been erased');
    this.name = 'DataErasedError';
  }
}

/** Erasure refused: proceedings need the evidence (docs/domain.md, Confidentiality). 409 at the edge. */
export class LegalHoldError extends DomainError {
  constructor(readonly subjectId: string) {
    super('KEY.LEGAL_HOLD', 'the subject is under a legal hold; release the hold before erasing', 'rule');
    this.name = 'LegalHoldError';
  }
}

/** No data key was ever created for the subject. */
export class SubjectKeyNotFoundError extends DomainError {
  constructor(readonly subjectId: string) {
    super('KEY.NOT_FOUND', 'no data key exists for this subject', 'not_found');
    this.name = 'SubjectKeyNotFoundError';
  }
}

/**
 * A ciphertext (or a wrapped key) failed authentication or is not in a known format: it was
 * altered, truncated, or belongs to another subject. Never a user error; never shows the data.
 */
export class CiphertextInvalidError extends Error {
  readonly code = 'CIPHERTEXT_INVALID';
  constructor(what: string) {
    super(`${what} failed authentication or is malformed`);
    this.name = 'CiphertextInvalidError';
  }
}

/** The stored keys were wrapped by another master key than the one configured. */
export class MasterKeyMismatchError extends Error {
  readonly code = 'MASTER_KEY_MISMATCH';
  constructor() {
    super('a data key was wrapped by a different master key than the configured one');
    this.name = 'MasterKeyMismatchError';
  }
}
