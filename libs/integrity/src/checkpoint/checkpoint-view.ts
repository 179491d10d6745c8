import type { CheckpointVerifyKey } from '#security';
import type { StoredCheckpoint } from '../index/integrity-index.js';
import { checkpointHash, checkpointMessage, parseCheckpoint, type SignedCheckpoint } from './checkpoint.js';

/**
 * A checkpoint as it is handed out (GET /integrity/checkpoints/latest, `cli checkpoint export`,
 * the file `cli verify --checkpoint` reads): the signed head — position, roots, previous hash,
 * time, signature — and nothing per stream, with the public key for convenience. A verifier
 * trusts a public key it got another way (ADR 0009); the one here only saves a look-up.
 */
export interface CheckpointView {
  readonly checkpoint: SignedCheckpoint;
  /** SHA-256 of the canonical signed checkpoint: what the next one names as `previous`. */
  readonly hash: string;
  /** The CheckpointRecorded event, and where it landed in the log (the next checkpoint covers it). */
  readonly eventId: string;
  readonly position: string;
  /** SPKI PEM of the key that verifies `checkpoint.signature`. */
  readonly publicKey: string;
  /** Whether the service's own key verifies the signature now. */
  readonly signatureValid: boolean;
}

export function checkpointView(stored: StoredCheckpoint, key: CheckpointVerifyKey): CheckpointView {
  const c = stored.checkpoint;
  return {
    checkpoint: c,
    hash: stored.hash,
    eventId: stored.eventId,
    position: stored.recordedPosition.toString(),
    publicKey: key.publicKeyPem(),
    signatureValid:
      c.keyId === key.keyId && key.verify(checkpointMessage(c), c.signature) && checkpointHash(c) === stored.hash,
  };
}

/** The signed checkpoint of an exported file (a view, or a bare signed checkpoint), or null. */
export function checkpointOfFile(value: unknown): SignedCheckpoint | null {
  if (typeof value === 'object' && value !== null && 'checkpoint' in value) return parseCheckpoint(value.checkpoint);
  return parseCheckpoint(value);
}
