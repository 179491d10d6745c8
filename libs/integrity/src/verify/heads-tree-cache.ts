import type { SignedCheckpoint } from '../checkpoint/checkpoint.js';
import type { HeadRow, IntegrityIndex } from '../index/integrity-index.js';
import { BucketTree, bucketDigest } from '../merkle/bucket-tree.js';
import { bucketLeafHash } from '../merkle/integrity-leaves.js';
import { fromHex } from '../merkle/merkle-hash.js';

/**
 * The tree over the 4096 bucket digests of one checkpoint, built once per checkpoint and only
 * if the stored digests hash to its signed heads root. Every check then re-hashes just the
 * buckets it reads and compares them with this tree: a head row changed later is caught, and a
 * digest row changed later cannot mislead (the tree was taken while it still matched).
 */
export class HeadsTreeCache {
  private cached: { seq: number; hash: string; tree: BucketTree | null } | null = null;

  constructor(private readonly index: IntegrityIndex) {}

  /** The checkpoint's bucket tree, or null when the stored digests do not match its signed heads root. */
  async treeFor(checkpoint: SignedCheckpoint): Promise<BucketTree | null> {
    if (this.cached?.seq === checkpoint.seq && this.cached.hash === checkpoint.headsRoot) return this.cached.tree;
    const tree = BucketTree.from(await this.index.bucketDigests());
    const sound = tree.root().equals(fromHex(checkpoint.headsRoot)) ? tree : null;
    this.cached = { seq: checkpoint.seq, hash: checkpoint.headsRoot, tree: sound };
    return sound;
  }

  /**
   * The head entries of these buckets as the checkpoint sealed them, or the buckets whose rows
   * no longer hash to their sealed digest (`altered`).
   */
  async entries(
    checkpoint: SignedCheckpoint,
    buckets: readonly number[],
  ): Promise<{ tree: BucketTree | null; entries: Map<number, HeadRow[]>; altered: Set<number> }> {
    const [tree, entries] = await Promise.all([this.treeFor(checkpoint), this.index.bucketEntries(buckets)]);
    const altered = new Set<number>();
    for (const b of buckets)
      if (!tree || !bucketLeafHash(b, bucketDigest(entries.get(b) ?? [])).equals(tree.leaf(b))) altered.add(b);
    return { tree, entries, altered };
  }
}
