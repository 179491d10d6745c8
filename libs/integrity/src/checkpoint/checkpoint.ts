import { createHash } from 'node:crypto';
import { canonicalJson, GENESIS_HASH } from '#event-store';
import { streamIdOf } from '#shared-kernel';
import { isHex64 } from '../merkle/merkle-hash.js';

/**
 * A signed checkpoint, in the spirit of a Certificate Transparency signed tree head: what the
 * log held up to one position, sealed with a key that is not in the database.
 */
export interface CheckpointBody {
  readonly version: 1;
  /** 0 for the first checkpoint, then +1: its revision in the checkpoint stream. */
  readonly seq: number;
  /** Leaves of the log tree: every event up to headPosition. */
  readonly treeSize: number;
  /** Global position of the last event covered (decimal). */
  readonly headPosition: string;
  /** RFC 6962 root over the events (position, stream, revision, event hash) in position order. */
  readonly root: string;
  /** Root over the head (revision and hash) of every stream at headPosition, in 4096 buckets. */
  readonly headsRoot: string;
  /** Hash of the previous signed checkpoint (64 zeros before the first): checkpoints form a chain too. */
  readonly previous: string;
  /** When it was signed (UTC, ISO-8601). */
  readonly at: string;
  /** RFC 7638 thumbprint of the public key that verifies the signature. */
  readonly keyId: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  /** Ed25519 over checkpointMessage(body), base64url. */
  readonly signature: string;
}

export const CHECKPOINT_EVENT = 'CheckpointRecorded';

/**
 * One stream holds every checkpoint of this installation, so the next checkpoint covers the
 * previous one as an ordinary event, and two processes checkpointing at once are ordered by the
 * store's expected-revision check. The id is fixed: it names the installation's checkpoint chain.
 */
export const CHECKPOINT_STREAM = streamIdOf('checkpoint', '00000000-0000-4000-8000-00000000c4c4');

/** Domain separation: a signature over a checkpoint can never be replayed as a token or anything else. */
const MESSAGE_PREFIX = 'blo-ledger checkpoint v1\n';

export const checkpointMessage = (body: CheckpointBody): Buffer =>
  Buffer.from(MESSAGE_PREFIX + canonicalJson(bodyOf(body)), 'utf8');

/** The fields that are signed, whatever else an object carries. */
export function bodyOf(c: CheckpointBody): CheckpointBody {
  const { version, seq, treeSize, headPosition, root, headsRoot, previous, at, keyId } = c;
  return { version, seq, treeSize, headPosition, root, headsRoot, previous, at, keyId };
}

/** What the next checkpoint's `previous` names: SHA-256 of the canonical signed checkpoint. */
export const checkpointHash = (c: SignedCheckpoint): string =>
  createHash('sha256')
    .update(canonicalJson({ ...bodyOf(c), signature: c.signature }))
    .digest('hex');

export const NO_PREVIOUS = GENESIS_HASH;

const DECIMAL = /^(0|[1-9][0-9]{0,18})$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const B64URL = /^[A-Za-z0-9_-]{1,200}$/;

const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * A checkpoint read from outside (a file, an event, a row) with every field of the right shape,
 * or null. The signature is checked separately, against a key the reader trusts.
 */
export function parseCheckpoint(value: unknown): SignedCheckpoint | null {
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Record<string, unknown>;
  const ok =
    c.version === 1 &&
    count(c.seq) &&
    count(c.treeSize) &&
    typeof c.headPosition === 'string' &&
    DECIMAL.test(c.headPosition) &&
    isHex64(c.root) &&
    isHex64(c.headsRoot) &&
    isHex64(c.previous) &&
    typeof c.at === 'string' &&
    ISO.test(c.at) &&
    typeof c.keyId === 'string' &&
    B64URL.test(c.keyId) &&
    typeof c.signature === 'string' &&
    B64URL.test(c.signature);
  return ok ? { ...bodyOf(c as unknown as CheckpointBody), signature: c.signature as string } : null;
}
