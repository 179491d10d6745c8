import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { checkpointKeyPem, type AppConfig } from '#config';
import { loadOrCreateSecretFile } from '../files/secret-file.js';

/** The embedded default: a PKCS#8 PEM beside the token key and the master key, readable by the service only. */
export const checkpointKeyPath = (dataDir: string): string => join(dataDir, 'keys', 'checkpoint-signing-key.pem');

type KeySource = Pick<AppConfig, 'dataDir' | 'integrity'>;

/**
 * The public half: what a verifier (the counterpart, an auditor, `cli verify`) needs. It is
 * trusted only when it came from somewhere the database administrator does not control.
 */
export class CheckpointVerifyKey {
  protected constructor(
    readonly publicKey: KeyObject,
    /** RFC 7638 thumbprint of the public key: a checkpoint names the key that signed it. */
    readonly keyId: string,
  ) {}

  /** From an SPKI public key PEM (or a private key PEM, whose public half is taken). */
  static async fromPem(pem: string): Promise<CheckpointVerifyKey> {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('the checkpoint key is not an Ed25519 key');
    return new CheckpointVerifyKey(key, await thumbprint(key));
  }

  verify(message: Buffer, signature: string): boolean {
    try {
      return verify(null, message, this.publicKey, Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }
}

/**
 * The key that signs checkpoints (ADR 0009). Ed25519 like the token key: deterministic
 * signatures, 32-byte keys, native in node:crypto. From CHECKPOINT_SIGNING_KEY (a deployment's
 * secret store, away from the database) or, by default, `DATA_DIR/keys/checkpoint-signing-key.pem`.
 */
export class CheckpointSigningKey extends CheckpointVerifyKey {
  private constructor(
    private readonly privateKey: KeyObject,
    publicKey: KeyObject,
    keyId: string,
  ) {
    super(publicKey, keyId);
  }

  static async fromConfig(config: KeySource): Promise<CheckpointSigningKey> {
    if (config.integrity.signingKey !== null) return CheckpointSigningKey.fromPrivatePem(config.integrity.signingKey);
    const pem = await loadOrCreateSecretFile(checkpointKeyPath(config.dataDir), () =>
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    return CheckpointSigningKey.fromPrivatePem(pem);
  }

  /** The configured key without creating one: what an offline verifier may trust (null when there is none). */
  static async existing(config: KeySource): Promise<CheckpointSigningKey | null> {
    if (config.integrity.signingKey !== null) return CheckpointSigningKey.fromPrivatePem(config.integrity.signingKey);
    try {
      return await CheckpointSigningKey.fromPrivatePem(await readFile(checkpointKeyPath(config.dataDir), 'utf8'));
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return null;
      throw error;
    }
  }

  static async fromPrivatePem(text: string): Promise<CheckpointSigningKey> {
    const pem = checkpointKeyPem(text);
    if (pem === null) throw new Error('the checkpoint signing key is not an Ed25519 private key');
    const privateKey = createPrivateKey(pem);
    const publicKey = createPublicKey(privateKey);
    return new CheckpointSigningKey(privateKey, publicKey, await thumbprint(publicKey));
  }

  /** A fresh key held only in memory (tests). */
  static generate(): Promise<CheckpointSigningKey> {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    return CheckpointSigningKey.fromPrivatePem(pem);
  }

  /** Ed25519 signature, base64url. */
  sign(message: Buffer): string {
    return sign(null, message, this.privateKey).toString('base64url');
  }
}

const thumbprint = (key: KeyObject): Promise<string> => calculateJwkThumbprint(key.export({ format: 'jwk' }));
