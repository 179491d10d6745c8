import { createHash } from 'node:crypto';
import { leafHash, toHex, type Hash } from './merkle-hash.js';

/**
 * What each tree commits to. The encodings are JSON arrays of strings with a tag first, so a
 * log leaf can never be read as a head entry or a bucket (each tree hashes only its own kind,
 * but the tag keeps the rule obvious), and integers are decimal strings (exact beyond 2^53).
 */

/** One event of the global log, as the checkpoint saw it. */
export interface LogLeaf {
  readonly position: bigint;
  readonly streamId: string;
  readonly revision: bigint;
  /** The event's own chain hash (metadata.hash), which covers its id, type, data and metadata. */
  readonly eventHash: string;
}

export const logLeafHash = (leaf: LogLeaf): Hash =>
  leafHash(
    JSON.stringify(['event', leaf.position.toString(), leaf.streamId, leaf.revision.toString(), leaf.eventHash]),
  );

/** The last event of one stream at a checkpoint. */
export interface HeadEntry {
  readonly streamId: string;
  readonly revision: bigint;
  readonly eventHash: string;
}

export const headLeafHash = (head: HeadEntry): Hash =>
  leafHash(JSON.stringify(['head', head.streamId, head.revision.toString(), head.eventHash]));

/**
 * Stream heads are spread over a fixed number of buckets by a hash of the stream id. A bucket is
 * small (streams / 4096), so one that changed is re-hashed whole, and the tree over the buckets
 * has a fixed size: updating the heads costs what changed, never a pass over every stream.
 */
export const HEAD_BUCKETS = 4096;

export function bucketOf(streamId: string): number {
  const h = createHash('sha256').update(streamId).digest();
  return (h[0] * 256 + h[1]) % HEAD_BUCKETS;
}

export const bucketLeafHash = (bucket: number, digest: Hash): Hash =>
  leafHash(JSON.stringify(['bucket', String(bucket), toHex(digest)]));

/** Head entries of one bucket in the order the bucket tree uses: by stream id, code unit order. */
export const byStreamId = (a: HeadEntry, b: HeadEntry): number =>
  a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0;
