import type { SqlClient } from '#event-store';
import { parseCheckpoint, type SignedCheckpoint } from '../checkpoint/checkpoint.js';
import type { HeadEntry, LogLeaf } from '../merkle/integrity-leaves.js';
import type { Hash } from '../merkle/merkle-hash.js';
import type { PerfectNode } from '../merkle/merkle-frontier.js';
import { migrateIntegrityIndex } from './integrity-schema.js';

export interface LeafRow extends LogLeaf {
  readonly idx: number;
  readonly eventId: string;
}

export interface HeadRow extends HeadEntry {
  readonly bucket: number;
  readonly eventId: string;
}

export interface StoredCheckpoint {
  readonly checkpoint: SignedCheckpoint;
  readonly hash: string;
  /** The tree's compact range at treeSize (see MerkleFrontier). */
  readonly frontier: readonly string[];
  /** The CheckpointRecorded event and where it landed: what is new after this checkpoint starts there. */
  readonly eventId: string;
  readonly recordedPosition: bigint;
}

/** What one checkpoint adds to the index: applied atomically with its row. */
export interface IndexChange {
  readonly heads: readonly HeadRow[];
  readonly buckets: ReadonlyMap<number, Hash>;
  /** New leaves and nodes not yet written ahead (a large extension writes most of them ahead). */
  readonly leaves: readonly LeafRow[];
  readonly nodes: readonly PerfectNode[];
}

/** Arbitrary constant: one process at a time commits a checkpoint to the index. */
const COMMIT_LOCK = 7_310_090;

/**
 * The index is derived from the log and repaired from it (a checkpoint in the log but not in the
 * index is re-derived and checked on the next call), so its writes need not wait for their own
 * fsync: only the checkpoint's event, in the log, must be durable. That keeps a checkpoint at
 * one synchronous commit, whatever it covers.
 */
const REPAIRABLE = 'SET LOCAL synchronous_commit TO off';
const CHUNK = 2000;

interface RawLeaf {
  idx: bigint;
  position: bigint;
  event_id: string;
  stream_id: string;
  revision: bigint;
  event_hash: string;
}
interface RawHead {
  stream_id: string;
  bucket: number;
  revision: bigint;
  event_id: string;
  event_hash: string;
}

const leafOf = (r: RawLeaf): LeafRow => ({
  idx: Number(r.idx),
  position: r.position,
  eventId: r.event_id,
  streamId: r.stream_id,
  revision: r.revision,
  eventHash: r.event_hash,
});
const headOf = (r: RawHead): HeadRow => ({
  streamId: r.stream_id,
  bucket: r.bucket,
  revision: r.revision,
  eventId: r.event_id,
  eventHash: r.event_hash,
});

const LEAF_COLUMNS = 'idx, position, event_id, stream_id, revision, event_hash';

/** Reads and writes of the integrity index tables (see integrity-schema.ts); no logic of its own. */
export class IntegrityIndex {
  constructor(readonly sql: SqlClient) {}

  migrate(): Promise<void> {
    return migrateIntegrityIndex(this.sql);
  }

  async latest(): Promise<StoredCheckpoint | null> {
    const r = await this.sql.query<RawCheckpoint>(`SELECT * FROM integrity_checkpoints ORDER BY seq DESC LIMIT 1`);
    return r.rows[0] ? checkpointOf(r.rows[0]) : null;
  }

  /**
   * Leaves and nodes of a large extension, ahead of their checkpoint: immutable facts about a
   * place in the tree, kept on conflict, harmless if the checkpoint never comes.
   */
  async writeAhead(leaves: readonly LeafRow[], nodes: readonly PerfectNode[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(REPAIRABLE);
      await this.insertLeaves(tx, leaves);
      await this.insertNodes(tx, nodes);
    });
  }

  private async insertLeaves(q: SqlClient, leaves: readonly LeafRow[]): Promise<void> {
    for (let i = 0; i < leaves.length; i += CHUNK) {
      const c = leaves.slice(i, i + CHUNK);
      await q.query(
        `INSERT INTO integrity_leaves (${LEAF_COLUMNS})
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::uuid[], $4::text[], $5::bigint[], $6::text[])
         ON CONFLICT DO NOTHING`,
        [
          c.map((l) => l.idx),
          c.map((l) => l.position),
          c.map((l) => l.eventId),
          c.map((l) => l.streamId),
          c.map((l) => l.revision),
          c.map((l) => l.eventHash),
        ],
        'integrity_insert_leaves_v1',
      );
    }
  }

  private async insertNodes(q: SqlClient, nodes: readonly PerfectNode[]): Promise<void> {
    for (let i = 0; i < nodes.length; i += CHUNK) {
      const c = nodes.slice(i, i + CHUNK);
      await q.query(
        `INSERT INTO integrity_nodes (level, idx, hash)
         SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[]) ON CONFLICT DO NOTHING`,
        [c.map((n) => n.level), c.map((n) => n.index), c.map((n) => n.hash)],
        'integrity_insert_nodes_v1',
      );
    }
  }

  async leavesByEventId(eventIds: readonly string[]): Promise<Map<string, LeafRow>> {
    const r = await this.sql.query<RawLeaf>(
      `SELECT ${LEAF_COLUMNS} FROM integrity_leaves WHERE event_id = ANY($1::uuid[])`,
      [eventIds],
    );
    return new Map(r.rows.map((row) => [row.event_id, leafOf(row)]));
  }

  async leavesByIdx(indexes: readonly number[]): Promise<Map<number, LeafRow>> {
    if (indexes.length === 0) return new Map();
    const r = await this.sql.query<RawLeaf>(
      `SELECT ${LEAF_COLUMNS} FROM integrity_leaves WHERE idx = ANY($1::bigint[])`,
      [indexes],
    );
    return new Map(r.rows.map((row) => [Number(row.idx), leafOf(row)]));
  }

  /** Leaves [lo, hi) in index order, for a verifier walking the whole tree. */
  async leafPage(lo: number, hi: number): Promise<LeafRow[]> {
    const r = await this.sql.query<RawLeaf>(
      `SELECT ${LEAF_COLUMNS} FROM integrity_leaves WHERE idx >= $1 AND idx < $2 ORDER BY idx`,
      [lo, hi],
      'integrity_leaf_page_v1',
    );
    return r.rows.map(leafOf);
  }

  /**
   * The event that was at this place of a stream when it was checkpointed. No index serves this:
   * it is asked only after tampering was found, to name an event that is no longer in the log.
   */
  async leafAt(streamId: string, revision: bigint): Promise<LeafRow | null> {
    const r = await this.sql.query<RawLeaf>(
      `SELECT ${LEAF_COLUMNS} FROM integrity_leaves WHERE stream_id = $1 AND revision = $2 ORDER BY idx LIMIT 1`,
      [streamId, revision],
    );
    return r.rows[0] ? leafOf(r.rows[0]) : null;
  }

  /** Stored perfect-subtree hashes, keyed `level:index`. */
  async nodes(keys: readonly { level: number; index: number }[]): Promise<Map<string, Hash>> {
    if (keys.length === 0) return new Map();
    const r = await this.sql.query<{ level: number; idx: bigint; hash: Buffer }>(
      `SELECT n.level, n.idx, n.hash FROM unnest($1::smallint[], $2::bigint[]) AS k(level, idx)
       JOIN integrity_nodes n ON n.level = k.level AND n.idx = k.idx`,
      [keys.map((k) => k.level), keys.map((k) => k.index)],
    );
    return new Map(r.rows.map((row) => [`${row.level}:${Number(row.idx)}`, row.hash]));
  }

  async headsOf(streamIds: readonly string[]): Promise<Map<string, HeadRow>> {
    if (streamIds.length === 0) return new Map();
    const r = await this.sql.query<RawHead>(`SELECT * FROM integrity_heads WHERE stream_id = ANY($1::text[])`, [
      streamIds,
    ]);
    return new Map(r.rows.map((row) => [row.stream_id, headOf(row)]));
  }

  /** Every head entry of these buckets. */
  async bucketEntries(buckets: readonly number[]): Promise<Map<number, HeadRow[]>> {
    const out = new Map<number, HeadRow[]>(buckets.map((b) => [b, []]));
    if (buckets.length === 0) return out;
    const r = await this.sql.query<RawHead>(`SELECT * FROM integrity_heads WHERE bucket = ANY($1::smallint[])`, [
      buckets,
    ]);
    for (const row of r.rows) out.get(row.bucket)?.push(headOf(row));
    return out;
  }

  /** The stored digest of every non-empty bucket. */
  async bucketDigests(): Promise<Map<number, Hash>> {
    const r = await this.sql.query<{ bucket: number; digest: Buffer }>(`SELECT bucket, digest FROM integrity_buckets`);
    return new Map(r.rows.map((row) => [row.bucket, row.digest]));
  }

  /**
   * Applies one checkpoint: its heads, its buckets and its row, in one short transaction. Only
   * the next sequence number is accepted, and one already there is left alone (another process
   * committed the same checkpoint; both computed it from the same log, so they agree).
   */
  async commit(stored: StoredCheckpoint, change: IndexChange): Promise<void> {
    const seq = stored.checkpoint.seq;
    await this.sql.transaction(async (tx) => {
      await tx.query(REPAIRABLE);
      await tx.query(`SELECT pg_advisory_xact_lock(${COMMIT_LOCK})`);
      const top = await tx.query<{ seq: bigint | null }>(`SELECT max(seq) AS seq FROM integrity_checkpoints`);
      const last = top.rows[0]?.seq ?? null;
      if (last !== null && Number(last) >= seq) return;
      if ((last === null ? -1 : Number(last)) !== seq - 1)
        throw new Error(`checkpoint ${seq} cannot follow ${last ?? 'none'} in the index`);
      await this.insertLeaves(tx, change.leaves);
      await this.insertNodes(tx, change.nodes);
      const h = change.heads;
      for (let i = 0; i < h.length; i += CHUNK) {
        const c = h.slice(i, i + CHUNK);
        await tx.query(
          `INSERT INTO integrity_heads (stream_id, bucket, revision, event_id, event_hash)
           SELECT * FROM unnest($1::text[], $2::smallint[], $3::bigint[], $4::uuid[], $5::text[])
           ON CONFLICT (stream_id) DO UPDATE SET bucket = EXCLUDED.bucket, revision = EXCLUDED.revision,
             event_id = EXCLUDED.event_id, event_hash = EXCLUDED.event_hash`,
          [
            c.map((x) => x.streamId),
            c.map((x) => x.bucket),
            c.map((x) => x.revision),
            c.map((x) => x.eventId),
            c.map((x) => x.eventHash),
          ],
        );
      }
      const buckets = [...change.buckets];
      if (buckets.length > 0)
        await tx.query(
          `INSERT INTO integrity_buckets (bucket, digest) SELECT * FROM unnest($1::smallint[], $2::bytea[])
           ON CONFLICT (bucket) DO UPDATE SET digest = EXCLUDED.digest`,
          [buckets.map(([b]) => b), buckets.map(([, d]) => d)],
        );
      await tx.query(
        `INSERT INTO integrity_checkpoints (seq, checkpoint, hash, frontier, event_id, recorded_position)
         VALUES ($1, $2::jsonb, $3, $4::text[], $5, $6)`,
        [seq, JSON.stringify(stored.checkpoint), stored.hash, stored.frontier, stored.eventId, stored.recordedPosition],
      );
    });
  }
}

interface RawCheckpoint {
  seq: bigint;
  checkpoint: unknown;
  hash: string;
  frontier: string[];
  event_id: string;
  recorded_position: bigint;
}

function checkpointOf(r: RawCheckpoint): StoredCheckpoint {
  const checkpoint = parseCheckpoint(r.checkpoint);
  if (checkpoint === null || checkpoint.seq !== Number(r.seq))
    throw new IndexCorruptError(`checkpoint row ${r.seq} does not hold a well-formed checkpoint`);
  return {
    checkpoint,
    hash: r.hash,
    frontier: r.frontier,
    eventId: r.event_id,
    recordedPosition: r.recorded_position,
  };
}

/** A row of the index is not even well-formed: someone wrote to it by hand. */
export class IndexCorruptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexCorruptError';
  }
}
