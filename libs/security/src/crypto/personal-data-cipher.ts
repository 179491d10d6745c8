import { fromB64url, open, seal } from './aes-gcm.js';
import { CiphertextInvalidError } from './crypto.errors.js';
import type { KeyStore } from './key-store.js';

const FORMAT = 'v1';
const ENVELOPE = /^v1\.([1-9]\d{0,8})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

/**
 * Encrypts what the law calls personal data (names, dates of birth, documents; message bodies of a
 * confidential exchange) with the data key of ONE subject, so destroying that key erases exactly
 * that subject everywhere a copy of the ciphertext went: events, projections, backups, Kafka.
 *
 * Envelope: `v1.<keyVersion>.<iv>.<tag>.<ciphertext>` (base64url; AES-256-GCM). The subject id
 * and the header are the additional authenticated data: a blob copied into another person's
 * record does not decrypt there, and nobody can relabel its key version unnoticed.
 * The envelope is plain text, so the event hash chain hashes the ciphertext and stays verifiable
 * after erasure.
 */
export class PersonalDataCipher {
  constructor(private readonly keys: KeyStore) {}

  /** JSON-serialises the value and seals it for the subject (creating the subject's key if new). */
  async encrypt(subjectId: string, plaintext: unknown): Promise<string> {
    const json = JSON.stringify(plaintext);
    if (json === undefined) throw new TypeError('only JSON values can be encrypted');
    const { key, version } = await this.keys.getOrCreate(subjectId);
    const s = seal(key, Buffer.from(json, 'utf8'), aad(subjectId, version));
    return [
      FORMAT,
      version,
      s.iv.toString('base64url'),
      s.tag.toString('base64url'),
      s.ciphertext.toString('base64url'),
    ].join('.');
  }

  /**
   * Opens an envelope sealed for this subject. Throws DataErasedError when the subject's key was
   * shredded, CiphertextInvalidError when the blob was altered or sealed for someone else.
   */
  async decrypt<T = unknown>(subjectId: string, envelope: string): Promise<T> {
    const m = ENVELOPE.exec(envelope);
    if (!m) throw new CiphertextInvalidError('a personal data envelope');
    const version = Number(m[1]);
    const [iv, tag, ciphertext] = [m[2], m[3], m[4]].map(fromB64url);
    const dataKey = await this.keys.get(subjectId);
    if (dataKey.version !== version || !iv || !tag || !ciphertext) {
      throw new CiphertextInvalidError('a personal data envelope');
    }
    const plain = open(dataKey.key, { iv, tag, ciphertext }, aad(subjectId, version));
    if (plain === null) throw new CiphertextInvalidError('a personal data envelope');
    return JSON.parse(plain.toString('utf8')) as T;
  }
}

/** True for a string in the envelope format (says nothing about whether it decrypts). */
export const isPersonalDataEnvelope = (value: unknown): value is string =>
  typeof value === 'string' && ENVELOPE.test(value);

const aad = (subjectId: string, version: number): string => `blo-ledger/personal/${FORMAT}/${version}/${subjectId}`;
