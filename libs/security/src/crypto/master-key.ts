import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { AppConfig } from '#config';
import { loadOrCreateSecretFile } from '../files/secret-file.js';
import { fromB64url, open, seal } from './aes-gcm.js';
import { CiphertextInvalidError, MasterKeyMismatchError } from './crypto.errors.js';

export const masterKeyPath = (dataDir: string): string => join(dataDir, 'keys', 'master.key');

const WRAP_VERSION = 'mk1';

/**
 * The key-encryption key: it wraps every per-subject data key and encrypts nothing else.
 * From MASTER_KEY (a server deployment keeps it in its secret store, away from the database) or,
 * in the embedded default, from `${dataDir}/keys/master.key`, created on first start.
 */
export class MasterKey {
  private constructor(
    private readonly key: KeyObject,
    /** A fingerprint (HMAC of a constant), stored with each wrapped key; it reveals nothing of the key. */
    readonly id: string,
  ) {}

  static fromBase64(base64: string): MasterKey {
    const bytes = Buffer.from(base64.trim(), 'base64');
    if (bytes.length !== 32) throw new Error('the master key must be base64 of exactly 32 bytes');
    try {
      const id = createHmac('sha256', bytes).update('blo-ledger master key id').digest('base64url').slice(0, 11);
      return new MasterKey(createSecretKey(bytes), id);
    } finally {
      bytes.fill(0);
    }
  }

  static async loadOrCreateFile(dataDir: string): Promise<MasterKey> {
    const text = await loadOrCreateSecretFile(masterKeyPath(dataDir), () => `${randomBytes(32).toString('base64')}\n`);
    return MasterKey.fromBase64(text);
  }

  static async fromConfig(config: Pick<AppConfig, 'crypto' | 'dataDir'>): Promise<MasterKey> {
    return config.crypto.masterKey !== null
      ? MasterKey.fromBase64(config.crypto.masterKey)
      : MasterKey.loadOrCreateFile(config.dataDir);
  }

  /**
   * `mk1.<masterKeyId>.<iv>.<tag>.<wrapped>` (AES-256-GCM). The context (subject id and key
   * version) is authenticated, so a wrapped key copied onto another subject's row will not open.
   */
  wrap(dataKey: Buffer, context: string): string {
    const s = seal(this.key, dataKey, context);
    return [
      WRAP_VERSION,
      this.id,
      s.iv.toString('base64url'),
      s.tag.toString('base64url'),
      s.ciphertext.toString('base64url'),
    ].join('.');
  }

  unwrap(wrapped: string, context: string): Buffer {
    const parts = wrapped.split('.');
    if (parts.length !== 5 || parts[0] !== WRAP_VERSION) throw new CiphertextInvalidError('a wrapped data key');
    if (parts[1] !== this.id) throw new MasterKeyMismatchError();
    const [iv, tag, ciphertext] = parts.slice(2).map(fromB64url);
    const key = iv && tag && ciphertext ? open(this.key, { iv, tag, ciphertext }, context) : null;
    if (key === null || key.length !== 32) throw new CiphertextInvalidError('a wrapped data key');
    return key;
  }
}
