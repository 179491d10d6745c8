import type { EventStore, RecordedEvent, SqlClient } from '#event-store';
import { DomainError } from '#shared-kernel';
import type { CheckpointRecorder } from '../checkpoint/checkpoint-recorder.js';
import type { IntegrityIndex, LeafRow } from '../index/integrity-index.js';
import type { SignedCheckpoint } from '../checkpoint/checkpoint.js';
import { headPathInBucket } from '../merkle/bucket-tree.js';
import { bucketOf } from '../merkle/integrity-leaves.js';
import { toHex } from '../merkle/merkle-hash.js';
import { verifyEventProof, type EventProof } from './event-proof.js';
import { HeadsTreeCache } from './heads-tree-cache.js';
import { LogTreeReader } from './log-tree-reader.js';

/** Where an event is: its stream and place. */
export interface EventLocation {
  readonly streamId: string;
  readonly revision: bigint;
}

/** metadata.hash as stored, or '' when the row has none (the proof then fails, as it should). */
export const hashOf = (e: RecordedEvent): string => {
  const hash = (e.metadata as { hash?: unknown } | null)?.hash;
  return typeof hash === 'string' ? hash : '';
};

export const EVENT_NOT_FOUND = (): DomainError =>
  new DomainError('EVENT.NOT_FOUND', 'no event with this id', 'not_found');

const failed = (detail: string): DomainError => new DomainError('INTEGRITY.PROOF_FAILED', detail, 'rule');

/**
 * Inclusion proofs for single events against the latest signed checkpoint (GET
 * /integrity/proof). A proof is built from the log as it is now and the index, then checked with
 * the service's own key before it leaves: a proof that would not verify is refused (409), so a
 * tampered event is reported, never handed out as if it were sound.
 */
export class EventProofs {
  private readonly reader: LogTreeReader;
  private readonly heads: HeadsTreeCache;

  constructor(
    private readonly store: EventStore,
    private readonly index: IntegrityIndex,
    private readonly recorder: CheckpointRecorder,
    /** The events' own SQL database, when the store is one: it finds events no checkpoint covers yet. */
    private readonly eventsSql: SqlClient | null,
  ) {
    this.reader = new LogTreeReader(index);
    this.heads = new HeadsTreeCache(index);
  }

  /** The stream and revision of an event, or null when there is no such event (the guard's look-up). */
  async locate(eventId: string): Promise<EventLocation | null> {
    if (this.eventsSql) {
      const r = await this.eventsSql.query<{ stream_id: string; revision: bigint }>(
        'SELECT stream_id, revision FROM events WHERE id = $1',
        [eventId],
        'integrity_locate_event_v1',
      );
      if (r.rows[0]) return { streamId: r.rows[0].stream_id, revision: r.rows[0].revision };
    }
    const leaf = (await this.index.leavesByEventId([eventId])).get(eventId);
    return leaf ? { streamId: leaf.streamId, revision: leaf.revision } : null;
  }

  async prove(eventId: string): Promise<EventProof> {
    const stored = await this.recorder.latest();
    const leaf = (await this.index.leavesByEventId([eventId])).get(eventId);
    if (!stored || !leaf || leaf.idx >= stored.checkpoint.treeSize) {
      if ((await this.locate(eventId)) === null) throw EVENT_NOT_FOUND();
      throw new DomainError(
        'INTEGRITY.NOT_CHECKPOINTED',
        'the event is newer than the latest checkpoint; a proof exists once the next one is recorded',
        'rule',
      );
    }
    const c = stored.checkpoint;
    const current = await this.eventAt(leaf);
    if (!current || current.id !== eventId) throw failed('the event is no longer where the checkpoint put it');
    const path = await this.reader.path(leaf.idx, c.treeSize);
    if (!path) throw failed('the index lacks part of the tree');
    const proof: EventProof = {
      checkpoint: c,
      event: {
        id: current.id,
        streamId: current.streamId,
        revision: current.revision.toString(),
        position: current.position.toString(),
        hash: hashOf(current),
      },
      inclusion: { leafIndex: leaf.idx, treeSize: c.treeSize, path: path.map(toHex) },
      streamHead: await this.headOf(current.streamId, c),
    };
    const verdict = verifyEventProof(proof, this.recorder.signingKey);
    if (!verdict.valid) throw failed(`the event does not match the signed checkpoint: ${verdict.reason}`);
    return proof;
  }

  private async eventAt(leaf: LeafRow): Promise<RecordedEvent | null> {
    try {
      for await (const e of this.store.readStream(leaf.streamId, {
        fromRevision: leaf.revision,
        toRevision: leaf.revision,
      }))
        return e;
    } catch {
      // a row that cannot be read back is reported like a moved one
    }
    return null;
  }

  private async headOf(streamId: string, checkpoint: SignedCheckpoint): Promise<EventProof['streamHead']> {
    const bucket = bucketOf(streamId);
    const { tree, entries, altered } = await this.heads.entries(checkpoint, [bucket]);
    const list = entries.get(bucket) ?? [];
    const inBucket = headPathInBucket(list, streamId);
    const head = list.find((h) => h.streamId === streamId);
    if (!tree || altered.size > 0 || !inBucket || !head)
      throw failed('the stream heads of the checkpoint were altered');
    return {
      revision: head.revision.toString(),
      eventId: head.eventId,
      eventHash: head.eventHash,
      bucket,
      index: inBucket.index,
      size: inBucket.size,
      path: inBucket.path.map(toHex),
      bucketPath: tree.path(bucket).map(toHex),
    };
  }
}
