import type { EventStore, SqlClient } from '#event-store';
import { CHECKPOINT_STREAM, checkpointHash, checkpointMessage, parseCheckpoint } from '../checkpoint/checkpoint.js';
import type { CheckpointRecorder } from '../checkpoint/checkpoint-recorder.js';
import type { IntegrityIndex, StoredCheckpoint } from '../index/integrity-index.js';
import { checkColumns, readChain, type StreamRead } from './chain-reading.js';
import { checkHeads, checkLeaves } from './checkpoint-checks.js';
import { HeadsTreeCache } from './heads-tree-cache.js';
import { Findings, type CheckpointStatus, type StreamsVerdict } from './integrity-report.js';

/** A stream to check; `linked` streams are named by another record, so an empty one was deleted. */
export interface StreamToCheck {
  readonly streamId: string;
  readonly linked: boolean;
}

/**
 * Checks a set of streams (a case and everything linked to it) against their hash chains and
 * the latest signed checkpoint: chains, the SQL columns copied out of the hashed metadata, each
 * stream's head against the checkpoint's heads, and every covered event's place in the signed
 * tree. Reports the first broken event; an altered checkpoint or index is reported as such.
 */
export class StreamVerifier {
  private readonly heads: HeadsTreeCache;

  constructor(
    private readonly store: EventStore,
    private readonly index: IntegrityIndex,
    private readonly recorder: CheckpointRecorder,
    /** The events' own SQL database, when the store is one (its columns are checked too). */
    private readonly eventsSql: SqlClient | null,
  ) {
    this.heads = new HeadsTreeCache(index);
  }

  async verify(streams: readonly StreamToCheck[]): Promise<StreamsVerdict> {
    const findings = new Findings();
    const reads: StreamRead[] = [];
    for (const [order, s] of streams.entries()) {
      const read = await readChain(this.store, order, s.streamId, findings);
      if (s.linked && read.last < 0n) findings.add(order, 0n, { streamId: s.streamId, problem: 'missing_stream' });
      reads.push(read);
    }
    if (this.eventsSql) await checkColumns(this.eventsSql, reads, findings);
    const { status, stored } = await this.checkpoint();
    if (stored && status.status === 'verified') {
      await checkHeads(this.heads, stored.checkpoint, reads, findings);
      await checkLeaves(this.index, stored.checkpoint, reads, findings);
    }
    await findings.complete(async (found) => {
      if (found.eventId !== undefined) return found;
      // An event that is gone: the index remembers which one stood there when it was checkpointed.
      const leaf = await this.index.leafAt(found.streamId, BigInt(found.revision));
      return leaf ? { ...found, eventId: leaf.eventId, position: leaf.position.toString() } : found;
    });
    const brokenAt = findings.first;
    return {
      valid: brokenAt === undefined && (status.status === 'verified' || status.status === 'none'),
      events: reads.reduce((n, r) => n + r.events.length, 0),
      streams: streams.length,
      checkpoint: status,
      ...(brokenAt ? { brokenAt } : {}),
    };
  }

  /** The latest checkpoint, if its signature holds with our key and it is the one recorded in the log. */
  private async checkpoint(): Promise<{ status: CheckpointStatus; stored: StoredCheckpoint | null }> {
    let stored: StoredCheckpoint | null;
    try {
      stored = await this.recorder.latest();
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'unreadable';
      return { status: { status: 'invalid', reason }, stored: null };
    }
    if (!stored) return { status: { status: 'none' }, stored: null };
    const c = stored.checkpoint;
    const summary = { seq: c.seq, headPosition: c.headPosition, hash: stored.hash, at: c.at };
    const key = this.recorder.signingKey;
    if (c.keyId !== key.keyId || !key.verify(checkpointMessage(c), c.signature) || checkpointHash(c) !== stored.hash)
      return { status: { status: 'invalid', reason: 'signature', ...summary }, stored };
    let inLog = null;
    for await (const e of this.store.readStream(CHECKPOINT_STREAM, {
      fromRevision: BigInt(c.seq),
      toRevision: BigInt(c.seq),
    }))
      inLog = parseCheckpoint(e.data);
    if (!inLog || checkpointHash(inLog) !== stored.hash)
      return { status: { status: 'invalid', reason: 'not_in_log', ...summary }, stored };
    const newest = this.recorder.newestSeen;
    if (newest && newest.seq > c.seq) return { status: { status: 'rolled_back', ...summary }, stored };
    return { status: { status: 'verified', ...summary }, stored };
  }
}
