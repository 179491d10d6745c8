import { CiphertextInvalidError, DataErasedError, SubjectKeyNotFoundError, type PersonalDataCipher } from '#security';
import { SEXES, type Sex, type SexOpener } from './statistics.events.js';

const isSex = (value: unknown): value is Sex =>
  typeof value === 'string' && (SEXES as readonly string[]).includes(value);

/**
 * The statistics need only the sex out of the sealed envelope; nothing else is kept. An erased
 * subject (crypto-shredding) or an envelope that does not open counts as 'unknown' — never an
 * error over a recorded fact. Only a failing key store (infrastructure) propagates.
 */
export function sexOpener(cipher: Pick<PersonalDataCipher, 'decrypt'>): SexOpener {
  return async (personId, envelope) => {
    try {
      const personal = await cipher.decrypt<{ sex?: unknown } | null>(personId, envelope);
      return isSex(personal?.sex) ? personal.sex : 'unknown';
    } catch (error) {
      if (
        error instanceof DataErasedError ||
        error instanceof CiphertextInvalidError ||
        error instanceof SubjectKeyNotFoundError ||
        error instanceof SyntaxError
      )
        return 'unknown';
      throw error;
    }
  };
}
