import { createHmac, type KeyObject } from 'node:crypto';
import type { KeyStore } from '#security';

/**
 * The key store subject whose data key keys the name index. It is wrapped by the master key
 * like every person's key, so a copy of the database without the master key cannot test
 * guesses against the index. Not a person id, so no per-person erasure can reach it.
 */
export const NAME_INDEX_KEY_SUBJECT = 'blind-index/person-names/v1';

/**
 * A keyed blind index: HMAC-SHA256 of a normalised token, cut to 128 bits. Equal tokens give
 * equal entries (that is what makes search work, and all an observer of the table learns);
 * without the key nothing can be reversed or confirmed.
 */
export class BlindIndex {
  private constructor(private readonly key: KeyObject) {}

  static async open(keys: Pick<KeyStore, 'getOrCreate'>): Promise<BlindIndex> {
    return new BlindIndex((await keys.getOrCreate(NAME_INDEX_KEY_SUBJECT)).key);
  }

  static fromKey(key: KeyObject): BlindIndex {
    return new BlindIndex(key);
  }

  entry(token: string): string {
    return createHmac('sha256', this.key).update(token, 'utf8').digest().subarray(0, 16).toString('base64url');
  }
}
