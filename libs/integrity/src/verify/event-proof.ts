import { checkpointMessage, parseCheckpoint, type SignedCheckpoint } from '../checkpoint/checkpoint.js';
import { bucketLeafHash, bucketOf, headLeafHash, HEAD_BUCKETS, logLeafHash } from '../merkle/integrity-leaves.js';
import { fromHex, isHex64, rootFromPath } from '../merkle/merkle-hash.js';

/**
 * An inclusion proof for one event against a signed checkpoint: enough to check, without the
 * rest of the log, that the event (its hash, hence its content) was in the record at that
 * position when the checkpoint was signed, and how far its stream had grown by then.
 */
export interface EventProof {
  readonly checkpoint: SignedCheckpoint;
  readonly event: {
    readonly id: string;
    readonly streamId: string;
    readonly revision: string;
    readonly position: string;
    /** The event's chain hash (ADR 0003); whoever holds the event recomputes it from its content. */
    readonly hash: string;
  };
  /** RFC 6962 audit path of the event's leaf in the log tree of checkpoint.treeSize leaves. */
  readonly inclusion: { readonly leafIndex: number; readonly treeSize: number; readonly path: readonly string[] };
  /** The stream's head at the checkpoint: its entry's path within its bucket, then the bucket's path to headsRoot. */
  readonly streamHead: {
    readonly revision: string;
    readonly eventId: string;
    readonly eventHash: string;
    readonly bucket: number;
    readonly index: number;
    readonly size: number;
    readonly path: readonly string[];
    readonly bucketPath: readonly string[];
  };
}

export type ProofVerdict = { readonly valid: true } | { readonly valid: false; readonly reason: string };

/** What a verifier needs of a key it trusts: its id and a signature check. */
export interface TrustedKey {
  readonly keyId: string;
  verify(message: Buffer, signature: string): boolean;
}

const DECIMAL = /^(0|[1-9][0-9]{0,18})$/;
const hexes = (list: unknown): list is string[] => Array.isArray(list) && list.every(isHex64);

/**
 * Checks a proof with nothing but the proof and a trusted public key — the same steps a
 * counterpart can follow by hand (ADR 0009, "Checking a proof"):
 * 1. the checkpoint's signature verifies with the trusted key;
 * 2. the leaf SHA-256(0x00 ‖ ["event", position, streamId, revision, hash]) and the audit path
 *    lead to the checkpoint's root (RFC 9162 §2.1.3.2);
 * 3. the head entry SHA-256(0x00 ‖ ["head", streamId, revision, hash]) leads through its bucket to
 *    the checkpoint's heads root, and that head is not before the event.
 */
export function verifyEventProof(proof: EventProof, key: TrustedKey): ProofVerdict {
  const fail = (reason: string): ProofVerdict => ({ valid: false, reason });
  const c = parseCheckpoint(proof?.checkpoint);
  if (!c) return fail('the checkpoint is malformed');
  if (c.keyId !== key.keyId) return fail('the checkpoint was signed by another key');
  if (!key.verify(checkpointMessage(c), c.signature)) return fail('the checkpoint signature does not verify');
  const e = proof.event;
  const inc = proof.inclusion;
  const head = proof.streamHead;
  if (!e || !inc || !head) return fail('the proof is incomplete');
  if (!DECIMAL.test(e.position) || !DECIMAL.test(e.revision) || !isHex64(e.hash) || typeof e.streamId !== 'string')
    return fail('the event is malformed');
  if (inc.treeSize !== c.treeSize || !hexes(inc.path)) return fail('the inclusion path is malformed');
  const leaf = logLeafHash({
    position: BigInt(e.position),
    streamId: e.streamId,
    revision: BigInt(e.revision),
    eventHash: e.hash,
  });
  const root = rootFromPath(leaf, inc.leafIndex, inc.treeSize, inc.path.map(fromHex));
  if (!root?.equals(fromHex(c.root))) return fail('the event is not in the signed log tree at this place');
  if (BigInt(e.position) > BigInt(c.headPosition)) return fail('the event is after the checkpoint');
  if (!DECIMAL.test(head.revision) || !isHex64(head.eventHash) || !hexes(head.path) || !hexes(head.bucketPath))
    return fail('the stream head is malformed');
  if (head.bucket !== bucketOf(e.streamId)) return fail('the stream head is in the wrong bucket');
  if (BigInt(head.revision) < BigInt(e.revision)) return fail('the stream head is before the event');
  const entry = headLeafHash({ streamId: e.streamId, revision: BigInt(head.revision), eventHash: head.eventHash });
  const digest = rootFromPath(entry, head.index, head.size, head.path.map(fromHex));
  if (!digest) return fail('the stream head path is malformed');
  const headsRoot = rootFromPath(
    bucketLeafHash(head.bucket, digest),
    head.bucket,
    HEAD_BUCKETS,
    head.bucketPath.map(fromHex),
  );
  if (!headsRoot?.equals(fromHex(c.headsRoot))) return fail('the stream head is not in the signed heads');
  if (head.revision === e.revision && head.eventHash !== e.hash) return fail('the event is not its stream head');
  return { valid: true };
}
