import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { loadOrCreateSecretFile } from '../files/secret-file.js';

/**
 * The instance's own token-signing key, used in the embedded default where no identity provider
 * exists: the CLI mints tokens with it and the API verifies them with its public half.
 *
 * Ed25519 (JWS alg EdDSA) rather than ES256: signatures are deterministic, so a weak or repeated
 * random nonce cannot leak the private key as it can with ECDSA; keys are 32 bytes, signing and
 * verifying are fast, and node:crypto and jose both support it natively.
 */
export const LOCAL_SIGNING_ALG = 'EdDSA';

export const signingKeyPath = (dataDir: string): string => join(dataDir, 'keys', 'signing-key.jwk.json');

export class LocalSigningKey {
  readonly alg = LOCAL_SIGNING_ALG;

  private constructor(
    readonly privateKey: KeyObject,
    readonly publicKey: KeyObject,
    /** RFC 7638 thumbprint of the public key, sent as `kid` so a rotated key is recognisable. */
    readonly kid: string,
  ) {}

  /** Loads `${dataDir}/keys/signing-key.jwk.json`, creating it (0600, folder 0700) on first use. */
  static async loadOrCreate(dataDir: string): Promise<LocalSigningKey> {
    const text = await loadOrCreateSecretFile(signingKeyPath(dataDir), () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      return `${JSON.stringify(privateKey.export({ format: 'jwk' }))}\n`;
    });
    return LocalSigningKey.fromJwk(parseJwk(text));
  }

  /** A fresh key held only in memory (tests, throwaway instances). */
  static generate(): Promise<LocalSigningKey> {
    const { privateKey } = generateKeyPairSync('ed25519');
    return LocalSigningKey.fromJwk(privateKey.export({ format: 'jwk' }));
  }

  static async fromJwk(jwk: JsonWebKey): Promise<LocalSigningKey> {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string') {
      throw new Error('the local signing key file does not hold an Ed25519 private key');
    }
    const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
    const publicKey = createPublicKey(privateKey);
    const kid = await calculateJwkThumbprint(publicKey.export({ format: 'jwk' }));
    return new LocalSigningKey(privateKey, publicKey, kid);
  }

  /** The public half as a JWK (for a JWKS document); never the private part. */
  publicJwk(): JWK {
    return { ...(this.publicKey.export({ format: 'jwk' }) as JWK), kid: this.kid, alg: this.alg, use: 'sig' };
  }
}

function parseJwk(text: string): JsonWebKey {
  try {
    return JSON.parse(text) as JsonWebKey;
  } catch {
    throw new Error('the local signing key file is not valid JSON');
  }
}
