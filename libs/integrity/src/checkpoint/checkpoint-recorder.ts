import { toNewEvents, WrongExpectedRevisionError, type EventStore, type SqlClient } from '#event-store';
import type { CheckpointSigningKey } from '#security';
import { newId, type Actor } from '#shared-kernel';
import type { IntegrityIndex, StoredCheckpoint } from '../index/integrity-index.js';
import { toHex } from '../merkle/merkle-hash.js';
import {
  CHECKPOINT_EVENT,
  CHECKPOINT_STREAM,
  checkpointHash,
  checkpointMessage,
  NO_PREVIOUS,
  parseCheckpoint,
  type CheckpointBody,
  type SignedCheckpoint,
} from './checkpoint.js';
import { CheckpointBuilder } from './checkpoint-builder.js';
import { entriesFromSql, entriesFromStore } from './log-entries.js';

/** Why a checkpoint was recorded; stored beside it (not signed) and published with it. */
export type CheckpointTrigger = 'periodic' | 'on_demand' | 'statistics_export';

export interface CheckpointRequest {
  readonly trigger: CheckpointTrigger;
  /** Who asked; the periodic timer records as the system. */
  readonly actor: Actor;
  readonly correlationId?: string;
  /** Skip when nothing but checkpoints was recorded since the last one (the timer's rule). */
  readonly onlyIfNew?: boolean;
}

export const CHECKPOINT_ACTOR: Actor = { userId: 'system:checkpoints', role: 'admin', unitId: 'VN-BLO-LEDGER' };

/** A checkpoint in the log that the index cannot reproduce from the log: the log changed under it. */
export class CheckpointMismatchError extends Error {
  constructor(seq: number) {
    super(`checkpoint ${seq} in the log does not match what the log holds now`);
    this.name = 'CheckpointMismatchError';
  }
}

const ATTEMPTS = 5;

/**
 * Records signed checkpoints: extends the last one with what was appended since, signs, appends
 * the `CheckpointRecorded` event to the checkpoint stream (the store's expected revision orders
 * two processes checkpointing at once), then commits the index. A process that died between the
 * append and the commit is repaired by the next call, which re-derives the missing checkpoint
 * from the log and checks it reproduces exactly what was signed.
 */
export class CheckpointRecorder {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly builder: CheckpointBuilder;
  private readonly now: () => Date;
  /** The newest checkpoint this process recorded or saw; a lower one later means rows were removed. */
  private highWater: { seq: number; hash: string } | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly index: IntegrityIndex,
    private readonly key: CheckpointSigningKey,
    options: {
      /** The events' own SQL database, when the store is one: the new events are read from it directly. */
      readonly eventsSql?: SqlClient | null;
      readonly now?: () => Date;
    } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.builder = new CheckpointBuilder(
      options.eventsSql ? entriesFromSql(options.eventsSql) : entriesFromStore(store),
      index,
    );
  }

  get signingKey(): CheckpointSigningKey {
    return this.key;
  }

  /** The newest checkpoint this process knows of (see highWater). */
  get newestSeen(): { seq: number; hash: string } | null {
    return this.highWater;
  }

  /** One at a time per process; null when `onlyIfNew` found nothing new. */
  record(request: CheckpointRequest): Promise<StoredCheckpoint | null> {
    const run = this.queue.then(() => this.recordNow(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The last committed checkpoint, after repairing one left half-recorded by a crash. */
  async latest(): Promise<StoredCheckpoint | null> {
    return this.catchUp(await this.index.latest());
  }

  private async recordNow(request: CheckpointRequest): Promise<StoredCheckpoint | null> {
    for (let attempt = 1; ; attempt++) {
      const base = await this.catchUp(await this.index.latest());
      const head = await this.store.headPosition();
      if (request.onlyIfNew && base && head <= base.recordedPosition) return null;
      const draft = await this.builder.extend(base, head);
      const body: CheckpointBody = {
        version: 1,
        seq: base ? base.checkpoint.seq + 1 : 0,
        treeSize: draft.treeSize,
        headPosition: draft.headPosition.toString(),
        root: toHex(draft.root),
        headsRoot: toHex(draft.headsRoot),
        previous: base ? base.hash : NO_PREVIOUS,
        at: this.now().toISOString(),
        keyId: this.key.keyId,
      };
      const signed: SignedCheckpoint = { ...body, signature: this.key.sign(checkpointMessage(body)) };
      const [event] = toNewEvents([{ type: CHECKPOINT_EVENT, data: { ...signed, trigger: request.trigger } }], {
        actor: request.actor,
        now: this.now(),
        correlationId: request.correlationId ?? newId(),
      });
      let position: bigint;
      try {
        // The one append outside handle(): a checkpoint is not a decision on a stream's state but
        // a signature over the whole log, built from the integrity index; its sequence number is
        // the expected revision, and a race is settled by taking the other checkpoint in above.
        const result = await this.store.append([
          {
            streamId: CHECKPOINT_STREAM,
            events: [event],
            expectedRevision: base ? BigInt(base.checkpoint.seq) : 'no_stream',
          },
        ]);
        position = result.position;
      } catch (error) {
        // Another process recorded this sequence number first: take it in and try again on top of it.
        if (error instanceof WrongExpectedRevisionError && attempt < ATTEMPTS) continue;
        throw error;
      }
      const stored: StoredCheckpoint = {
        checkpoint: signed,
        hash: checkpointHash(signed),
        frontier: draft.frontier.encode(),
        eventId: event.id,
        recordedPosition: position,
      };
      await this.index.commit(stored, draft.change);
      this.builder.remember(signed.seq, draft.bucketTree);
      this.saw(stored);
      return stored;
    }
  }

  /** Commits checkpoints that are in the log but not in the index (a crash between append and commit, or another process mid-way). */
  private async catchUp(base: StoredCheckpoint | null): Promise<StoredCheckpoint | null> {
    let current = base;
    const from = base ? BigInt(base.checkpoint.seq + 1) : 0n;
    for await (const event of this.store.readStream(CHECKPOINT_STREAM, { fromRevision: from })) {
      const signed = parseCheckpoint(event.data);
      if (!signed || signed.seq !== Number(event.revision)) throw new CheckpointMismatchError(Number(event.revision));
      const draft = await this.builder.extend(current, BigInt(signed.headPosition));
      const same =
        draft.treeSize === signed.treeSize &&
        toHex(draft.root) === signed.root &&
        toHex(draft.headsRoot) === signed.headsRoot &&
        (current ? current.hash : NO_PREVIOUS) === signed.previous &&
        this.key.verify(checkpointMessage(signed), signed.signature);
      if (!same) throw new CheckpointMismatchError(signed.seq);
      const stored: StoredCheckpoint = {
        checkpoint: signed,
        hash: checkpointHash(signed),
        frontier: draft.frontier.encode(),
        eventId: event.id,
        recordedPosition: event.position,
      };
      await this.index.commit(stored, draft.change);
      this.builder.remember(signed.seq, draft.bucketTree);
      current = stored;
    }
    if (current) this.saw(current);
    return current;
  }

  private saw(stored: StoredCheckpoint): void {
    if (!this.highWater || stored.checkpoint.seq > this.highWater.seq)
      this.highWater = { seq: stored.checkpoint.seq, hash: stored.hash };
  }
}
