import { GENESIS_HASH } from '#event-store';
import type { HeadRow, IndexChange, IntegrityIndex, LeafRow, StoredCheckpoint } from '../index/integrity-index.js';
import { BucketTree, bucketDigest } from '../merkle/bucket-tree.js';
import { bucketLeafHash, bucketOf, logLeafHash } from '../merkle/integrity-leaves.js';
import { MerkleFrontier, STORED_MIN_LEVEL, type PerfectNode } from '../merkle/merkle-frontier.js';
import { fromHex, isHex64, type Hash } from '../merkle/merkle-hash.js';
import type { LogEntries, LogEntry } from './log-entries.js';

/** Everything a new checkpoint states, computed but not yet signed or recorded. */
export interface CheckpointDraft {
  readonly treeSize: number;
  readonly headPosition: bigint;
  readonly root: Hash;
  readonly headsRoot: Hash;
  readonly frontier: MerkleFrontier;
  readonly change: IndexChange;
  readonly bucketTree: BucketTree;
}

/** Where the log does not continue the last checkpoint: sealing it would bless a rewrite. */
export class LogInconsistentError extends Error {
  constructor(
    readonly event: { readonly streamId: string; readonly revision: string; readonly eventId: string },
    readonly reason: string,
  ) {
    super(
      `event ${event.eventId} (${event.streamId} @ ${event.revision}) does not continue the last checkpoint: ${reason}`,
    );
    this.name = 'LogInconsistentError';
  }
}

/** The index no longer matches the signed checkpoint it belongs to: someone wrote to it. */
export class IndexTamperedError extends Error {
  constructor(what: string) {
    super(`the integrity index does not match the last signed checkpoint (${what})`);
    this.name = 'IndexTamperedError';
  }
}

const PAGE = 1000;
const FLUSH = 5000;

/**
 * Extends the last checkpoint's trees with the events recorded since (never the whole log):
 * the Merkle frontier gets the new leaves, the changed streams' heads are put into their
 * buckets, and leaves and nodes go to the index as they are computed. Before extending, what it
 * builds on is checked against the last signed checkpoint, and each new event must continue its
 * stream's sealed head (revision + 1, prevHash = sealed hash): a stream rewritten behind the
 * checkpoint's back stops the next checkpoint instead of being sealed.
 */
export class CheckpointBuilder {
  private cached: { seq: number; tree: BucketTree } | null = null;

  constructor(
    private readonly entries: LogEntries,
    private readonly index: IntegrityIndex,
  ) {}

  /** Remembers the bucket tree of a committed checkpoint, so the next one does not reload it. */
  remember(seq: number, tree: BucketTree): void {
    this.cached = { seq, tree };
  }

  async extend(base: StoredCheckpoint | null, head: bigint): Promise<CheckpointDraft> {
    const frontier = base ? MerkleFrontier.parse(base.checkpoint.treeSize, base.frontier) : MerkleFrontier.empty();
    if (base && !frontier.root().equals(fromHex(base.checkpoint.root))) throw new IndexTamperedError('tree frontier');
    const tree = await this.bucketTreeFor(base);
    const run = new Extension(this.index, frontier);
    const after = base ? BigInt(base.checkpoint.headPosition) : 0n;
    let batch: LogEntry[] = [];
    for await (const event of this.entries(after, head)) {
      batch.push(event);
      if (batch.length >= PAGE) {
        await run.absorb(batch);
        batch = [];
      }
    }
    await run.absorb(batch);
    const buckets = await this.applyHeads(tree, run.changed);
    return {
      treeSize: frontier.size,
      headPosition: run.lastPosition ?? after,
      root: frontier.root(),
      headsRoot: tree.root(),
      frontier,
      // What was not written ahead goes in with the checkpoint's own commit.
      change: { heads: [...run.changed.values()], buckets, leaves: run.leaves, nodes: run.nodes },
      bucketTree: tree,
    };
  }

  private async bucketTreeFor(base: StoredCheckpoint | null): Promise<BucketTree> {
    if (base && this.cached?.seq === base.checkpoint.seq) return this.cached.tree.clone();
    const digests = await this.index.bucketDigests();
    if (!base && digests.size > 0) throw new IndexTamperedError('stream heads without a checkpoint');
    const tree = BucketTree.from(digests);
    if (base && !tree.root().equals(fromHex(base.checkpoint.headsRoot))) throw new IndexTamperedError('stream heads');
    return tree;
  }

  /** Re-hashes each bucket a changed stream falls in; the old content must still hash to the sealed digest. */
  private async applyHeads(tree: BucketTree, changed: ReadonlyMap<string, HeadRow>): Promise<Map<number, Hash>> {
    const dirty = [...new Set([...changed.values()].map((h) => h.bucket))];
    const entries = await this.index.bucketEntries(dirty);
    const digests = new Map<number, Hash>();
    for (const bucket of dirty) {
      const old = entries.get(bucket) ?? [];
      if (!bucketLeafHash(bucket, bucketDigest(old)).equals(tree.leaf(bucket)))
        throw new IndexTamperedError(`stream heads of bucket ${bucket}`);
      const merged = new Map(old.map((e) => [e.streamId, e]));
      for (const h of changed.values()) if (h.bucket === bucket) merged.set(h.streamId, h);
      const digest = bucketDigest([...merged.values()]);
      tree.set(bucket, digest);
      digests.set(bucket, digest);
    }
    return digests;
  }
}

/** One pass over the new events: leaves, nodes and heads, written to the index in chunks. */
class Extension {
  readonly changed = new Map<string, HeadRow>();
  private readonly sealed = new Map<string, HeadRow | null>();
  leaves: LeafRow[] = [];
  nodes: PerfectNode[] = [];
  lastPosition: bigint | null = null;

  constructor(
    private readonly index: IntegrityIndex,
    private readonly frontier: MerkleFrontier,
  ) {}

  async absorb(batch: readonly LogEntry[]): Promise<void> {
    const unknown = [...new Set(batch.map((e) => e.streamId))].filter(
      (s) => !this.changed.has(s) && !this.sealed.has(s),
    );
    const heads = await this.index.headsOf(unknown);
    for (const s of unknown) this.sealed.set(s, heads.get(s) ?? null);
    for (const e of batch) this.add(e);
    if (this.leaves.length >= FLUSH) await this.flush();
  }

  private add(e: LogEntry): void {
    const prev = this.changed.get(e.streamId) ?? this.sealed.get(e.streamId) ?? null;
    const named = { streamId: e.streamId, revision: e.revision.toString(), eventId: e.id };
    const meta = { hash: e.hash, prevHash: e.prevHash };
    if (!isHex64(meta.hash)) throw new LogInconsistentError(named, 'no valid hash in its metadata');
    if (e.revision !== (prev ? prev.revision + 1n : 0n))
      throw new LogInconsistentError(named, `expected revision ${prev ? prev.revision + 1n : 0n}`);
    if (meta.prevHash !== (prev ? prev.eventHash : GENESIS_HASH))
      throw new LogInconsistentError(named, 'its prevHash is not the hash of the sealed previous event');
    const leaf = { position: e.position, streamId: e.streamId, revision: e.revision, eventHash: meta.hash };
    const idx = this.frontier.size;
    for (const node of this.frontier.append(logLeafHash(leaf)))
      if (node.level >= STORED_MIN_LEVEL) this.nodes.push(node);
    this.leaves.push({ ...leaf, idx, eventId: e.id });
    this.changed.set(e.streamId, { ...leaf, bucket: bucketOf(e.streamId), eventId: e.id });
    this.lastPosition = e.position;
  }

  /** A long extension (a first checkpoint over a large log) writes ahead in chunks, not in one transaction. */
  private async flush(): Promise<void> {
    const [leaves, nodes] = [this.leaves, this.nodes];
    this.leaves = [];
    this.nodes = [];
    await this.index.writeAhead(leaves, nodes);
  }
}
