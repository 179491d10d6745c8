import { auditPath, EMPTY_ROOT, nodeHash, treeHash, type Hash } from './merkle-hash.js';
import { bucketLeafHash, byStreamId, headLeafHash, HEAD_BUCKETS, type HeadEntry } from './integrity-leaves.js';

/** A bucket's digest: the RFC 6962 root over its head entries sorted by stream id (empty: SHA-256 of nothing). */
export function bucketDigest(entries: readonly HeadEntry[]): Hash {
  const sorted = [...entries].sort(byStreamId);
  return treeHash(sorted.map(headLeafHash));
}

/** Where one head sits in its bucket, and the siblings that lead to the bucket's digest. */
export function headPathInBucket(
  entries: readonly HeadEntry[],
  streamId: string,
): { index: number; size: number; path: Hash[] } | null {
  const sorted = [...entries].sort(byStreamId);
  const index = sorted.findIndex((e) => e.streamId === streamId);
  if (index < 0) return null;
  return { index, size: sorted.length, path: auditPath(sorted.map(headLeafHash), index) };
}

/**
 * The fixed tree over the 4096 bucket digests, held in memory as a heap (node i has children
 * 2i and 2i+1; 4096 is a power of two, so this is exactly RFC 6962's tree). Changing a bucket
 * re-hashes its 12 ancestors only.
 */
export class BucketTree {
  private readonly nodes: Hash[];

  private constructor(nodes: Hash[]) {
    this.nodes = nodes;
  }

  /** From the stored digests; a bucket with no row is empty. */
  static from(digests: ReadonlyMap<number, Hash>): BucketTree {
    const nodes = new Array<Hash>(2 * HEAD_BUCKETS);
    // A bucket without a row is empty: its digest is the root of no entries.
    for (let b = 0; b < HEAD_BUCKETS; b++) nodes[HEAD_BUCKETS + b] = bucketLeafHash(b, digests.get(b) ?? EMPTY_ROOT);
    for (let i = HEAD_BUCKETS - 1; i >= 1; i--) nodes[i] = nodeHash(nodes[2 * i], nodes[2 * i + 1]);
    return new BucketTree(nodes);
  }

  /** Sets one bucket's digest and re-hashes its ancestors. */
  set(bucket: number, digest: Hash): void {
    let i = HEAD_BUCKETS + bucket;
    this.nodes[i] = bucketLeafHash(bucket, digest);
    for (i = Math.floor(i / 2); i >= 1; i = Math.floor(i / 2))
      this.nodes[i] = nodeHash(this.nodes[2 * i], this.nodes[2 * i + 1]);
  }

  /** The leaf hash of one bucket (its digest hashed with its index). */
  leaf(bucket: number): Hash {
    return this.nodes[HEAD_BUCKETS + bucket];
  }

  root(): Hash {
    return this.nodes[1];
  }

  /** The 12 siblings from a bucket's leaf up to the heads root. */
  path(bucket: number): Hash[] {
    const path: Hash[] = [];
    for (let i = HEAD_BUCKETS + bucket; i > 1; i = Math.floor(i / 2))
      path.push(this.nodes[i % 2 === 0 ? i + 1 : i - 1]);
    return path;
  }

  clone(): BucketTree {
    return new BucketTree([...this.nodes]);
  }
}
