import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';

/** One AES-256-GCM seal: a fresh 96-bit random IV per message, a 128-bit tag. */
export interface Sealed {
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function seal(key: KeyObject, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** Returns null when authentication fails (altered ciphertext, IV, tag or AAD). */
export function open(key: KeyObject, sealed: Sealed, aad: string): Buffer | null {
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

const B64URL = /^[A-Za-z0-9_-]*$/;

/** Strict base64url: Buffer.from silently skips characters it does not know. */
export function fromB64url(text: string): Buffer | null {
  return B64URL.test(text) ? Buffer.from(text, 'base64url') : null;
}
