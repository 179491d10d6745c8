import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-envelope.js';
import { IdempotencyConflictError } from '../event-store.errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  IdempotencyRecord,
  ReadAllOptions,
  ReadStreamOptions,
  StreamWrite,
  Subscription,
  SubscriptionHandlers,
} from '../event-store.port.js';
import {
  checkExpectation,
  prepareBatch,
  revisionConflict,
  type AppendBatch,
  type Heads,
} from '../append/append-batch.js';
import type { SqlClient } from '../sql/sql-client.js';
import { StreamHeadCache, type StreamHead } from '../append/stream-head-cache.js';
import { IdempotencyClaims, IdempotencyOutcomeUnknownError } from './idempotency-claims.js';
import { isRevisionConflict, isTransient, sizeRefusal } from './kurrentdb-errors.js';
import { openKurrentFeed } from './kurrentdb-feed.js';
import { KurrentDbReader } from './kurrentdb-reader.js';
import { batchBytes, KurrentDbWriter, refusedBeforeWriting } from './kurrentdb-writer.js';
import { ResumableSubscription } from './resumable-subscription.js';

export interface KurrentDbEventStoreOptions {
  /** Streams whose head is remembered between appends (default 10,000). */
  readonly headCacheSize?: number;
  /** Largest data + metadata of one event (default 1 MiB less room for KurrentDB's own record header). */
  readonly maxEventBytes?: number;
  /** Reconnect backoff of live subscriptions (default 100 ms doubling to 5 s). */
  readonly subscriptionBackoff?: { readonly initialMs: number; readonly maxMs: number };
  /** How long findIdempotency waits for a twin request's append to finish (default 5 s). */
  readonly pendingKeyWaitMs?: number;
  /** Deadline of the reachability check in open() (default 10 s). */
  readonly connectTimeoutMs?: number;
}

const RACE_RETRIES = 8;
const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024 - 16 * 1024;

/**
 * EventStore over KurrentDB (ADR 0006) with idempotency records in PostgreSQL. One long-lived
 * client per store (gRPC channel + the native reader), disposed by close(). Writes, stream reads
 * and head look-ups require the leader, so a command always decides on the latest state and a
 * read right after a write sees it. Global positions are KurrentDB commit positions: increasing
 * and unique, not dense (see kurrentdb-envelope.ts).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly cache: StreamHeadCache;
  private readonly maxEventBytes: number;
  private readonly claims: IdempotencyClaims;
  private readonly reader: KurrentDbReader;
  private readonly writer: KurrentDbWriter;
  private readonly subscriptions = new Set<ResumableSubscription>();
  private closed = false;

  /**
   * Connects, proves the server answers (a bounded read, so a wrong URL fails the start instead
   * of the first request) and prepares the idempotency table in PostgreSQL.
   */
  static async open(
    connectionString: string,
    sql: SqlClient,
    options: KurrentDbEventStoreOptions = {},
  ): Promise<KurrentDbEventStore> {
    const client = KurrentDBClient.connectionString(connectionString);
    const store = new KurrentDbEventStore(client, sql, options);
    try {
      await withTimeout(store.headPosition(), options.connectTimeoutMs ?? 10_000, 'KurrentDB did not answer');
      await store.claims.migrate();
      return store;
    } catch (error) {
      await client.dispose().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`cannot open the KurrentDB event store: ${reason}`, { cause: error });
    }
  }

  constructor(
    private readonly client: KurrentDBClient,
    sql: SqlClient,
    private readonly options: KurrentDbEventStoreOptions = {},
  ) {
    this.cache = new StreamHeadCache(options.headCacheSize ?? 10_000);
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.claims = new IdempotencyClaims(sql);
    this.reader = new KurrentDbReader(client, this.cache);
    this.writer = new KurrentDbWriter(client);
  }

  async append(writes: readonly StreamWrite[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    const seen = new Set<string>();
    for (const w of writes) {
      if (seen.has(w.streamId)) throw new Error(`stream ${w.streamId} appears twice in one append`);
      seen.add(w.streamId);
    }
    const idem = options.idempotency;
    if (idem && !(await this.claims.claim(idem.key, idem.requestHash))) throw new IdempotencyConflictError(idem.key);
    let result: AppendResult;
    try {
      result = await this.appendRacing(writes);
    } catch (error) {
      // Release only what surely wrote nothing; a lost connection may have written: keep the claim.
      if (idem && refusedBeforeWriting(error)) await this.claims.release(idem.key);
      throw error;
    }
    if (idem) await this.claims.complete(idem.key, idem.response(result));
    return result;
  }

  /**
   * Heads (cached or read), chain computed against exactly those heads, append expecting exactly
   * them. Losing a race to another writer shows up as a revision conflict from the server; then the
   * heads are read again, which either reports the caller's conflict or lets 'any'/'stream_exists'
   * go again on the new head.
   */
  private async appendRacing(writes: readonly StreamWrite[]): Promise<AppendResult> {
    if (writes.length === 0) return { streams: [], position: await this.headPosition(), events: [] };
    for (let attempt = 1; ; attempt++) {
      const heads = await this.resolveHeads(writes, attempt > 1);
      const batch = prepareBatch(writes, heads, this.maxEventBytes);
      if (batch.count === 0) return { ...batch.result(0n), position: await this.headPosition() };
      try {
        await this.writer.write(writes, heads, batch);
      } catch (error) {
        if (!isRevisionConflict(error)) throw sizeRefusal(error, batchBytes(batch)) ?? error;
        for (const w of writes) this.cache.forget(w.streamId);
        if (attempt >= RACE_RETRIES) throw revisionConflict(writes[0], null);
        continue;
      }
      for (const [streamId, head] of batch.newHeads) this.cache.remember(streamId, head);
      return this.positioned(batch);
    }
  }

  /**
   * The append answer carries one position for the whole write, so each event's own position is
   * read back from the leader (one short read per written stream).
   */
  private async positioned(batch: AppendBatch): Promise<AppendResult> {
    const draft = batch.result(0n);
    const firstByStream = new Map<string, { from: bigint; count: number }>();
    for (const e of draft.events) {
      const known = firstByStream.get(e.streamId);
      if (known) known.count += 1;
      else firstByStream.set(e.streamId, { from: e.revision, count: 1 });
    }
    const positions = new Map<string, bigint>();
    for (const [streamId, { from, count }] of firstByStream) {
      for await (const e of this.readStream(streamId, { fromRevision: from, toRevision: from + BigInt(count - 1) })) {
        positions.set(e.id, e.position);
      }
    }
    const events = draft.events.map((e) => {
      const position = positions.get(e.id);
      if (position === undefined) throw new Error(`event ${e.id} was appended but not found at its revision`);
      return { ...e, position };
    });
    const position = events.reduce((max, e) => (e.position > max ? e.position : max), 0n);
    return { streams: draft.streams, position, events };
  }

  private async resolveHeads(writes: readonly StreamWrite[], fresh: boolean): Promise<Heads> {
    const heads = new Map<string, StreamHead | null>();
    for (const w of writes) {
      const expected = w.expectedRevision;
      // An expectation-only write is a promise about the present: never answer it from the cache.
      const cached = fresh || w.events.length === 0 ? undefined : this.cache.get(w.streamId);
      if (cached && typeof expected === 'bigint' && cached.revision > expected)
        throw revisionConflict(w, cached.revision);
      if (cached && expected === 'no_stream') throw revisionConflict(w, cached.revision);
      if (cached && (typeof expected !== 'bigint' || cached.revision === expected)) heads.set(w.streamId, cached);
      else if (!fresh && w.events.length > 0 && expected === 'no_stream') heads.set(w.streamId, null);
      else heads.set(w.streamId, await this.reader.readHead(w.streamId));
    }
    for (const w of writes) checkExpectation(w, heads.get(w.streamId) ?? null);
    return heads;
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return this.reader.readStream(streamId, options);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.reader.readAll(options);
  }

  subscribeAll(after: bigint, handlers: SubscriptionHandlers): Subscription {
    this.assertOpen();
    const subscription: ResumableSubscription = new ResumableSubscription(after, handlers, {
      open: (from) => openKurrentFeed(this.client, from),
      isTransient,
      ...(this.options.subscriptionBackoff ? { backoff: this.options.subscriptionBackoff } : {}),
      onStopped: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  headPosition(): Promise<bigint> {
    return this.reader.headPosition();
  }

  /** A twin request still appending is waited for (bounded); an interrupted one is reported, not guessed. */
  async findIdempotency(key: string): Promise<IdempotencyRecord | null> {
    const deadline = Date.now() + (this.options.pendingKeyWaitMs ?? 5000);
    for (;;) {
      const found = await this.claims.lookup(key);
      if (found.state === 'absent') return null;
      if (found.state === 'done') return found.record;
      if (Date.now() > deadline) throw new IdempotencyOutcomeUnknownError(key);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops the subscriptions, then disposes the client; the SqlClient belongs to whoever opened it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
