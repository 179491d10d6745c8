import {
  BACKWARDS,
  END,
  KurrentDBClient,
  START,
  STREAM_STATE,
  excludeSystemEvents,
  type AppendRecordInput,
  type AppendStreamRequest,
  type ConsistencyCheck,
  type EventData,
} from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-envelope.js';
import { canonicalJson } from '../hash-chain.js';
import { IdempotencyConflictError, WrongExpectedRevisionError, EventTooLargeError } from '../event-store.errors.js';
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
import {
  decodeEvent,
  encodeMetadata,
  exactState,
  toLogPosition,
  type KurrentStreamState,
} from './kurrentdb-envelope.js';
import { isRevisionConflict, isStreamNotFound, isTransient, isUnsupported, sizeRefusal } from './kurrentdb-errors.js';
import { openKurrentFeed } from './kurrentdb-feed.js';
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

type MultiApi = 'records' | 'streams';

/** A multi-stream write this server cannot make atomically: refused, never split. */
export class MultiStreamAppendUnsupportedError extends Error {
  constructor(reason: string) {
    super(`KurrentDB cannot make this multi-stream append atomic: ${reason}`);
    this.name = 'MultiStreamAppendUnsupportedError';
  }
}

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
  private readonly subscriptions = new Set<ResumableSubscription>();
  private multiApi: MultiApi = 'records';
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
        await this.write(writes, heads, batch);
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

  private async write(writes: readonly StreamWrite[], heads: Heads, batch: AppendBatch): Promise<void> {
    const byStream = eventsByStream(batch);
    const state = (streamId: string): KurrentStreamState => exactState(heads.get(streamId)?.revision ?? null);
    if (writes.length === 1) {
      const w = writes[0];
      await this.client.appendToStream(w.streamId, byStream.get(w.streamId) ?? [], {
        streamState: state(w.streamId),
        requiresLeader: true,
      });
      return;
    }
    if (this.multiApi === 'records') {
      // 26.1+: one request, records in the caller's order, every write's expectation as a check
      // (also the expectation-only ones, which then guard the others atomically).
      const records: AppendRecordInput[] = writes.flatMap((w) =>
        (byStream.get(w.streamId) ?? []).map((record) => ({ streamName: w.streamId, record })),
      );
      const checks = writes.map((w): ConsistencyCheck => ({
        type: STREAM_STATE,
        streamName: w.streamId,
        expectedState: state(w.streamId),
      }));
      try {
        await this.client.appendRecords(records, checks);
        return;
      } catch (error) {
        if (!isUnsupported(error)) throw error;
        this.multiApi = 'streams';
      }
    }
    // 25.1: multiStreamAppend takes only streams it writes to, so an expectation-only guard on
    // another stream cannot be part of the same atomic append: refuse rather than check it apart.
    const guards = writes.filter((w) => w.events.length === 0);
    if (guards.length > 0) {
      throw new MultiStreamAppendUnsupportedError(
        `stream ${guards[0].streamId} is only checked, which needs appendRecords (KurrentDB 26.1 or later)`,
      );
    }
    const requests: AppendStreamRequest[] = writes.map((w) => ({
      streamName: w.streamId,
      events: byStream.get(w.streamId) ?? [],
      expectedState: state(w.streamId),
    }));
    try {
      await this.client.multiStreamAppend(requests);
    } catch (error) {
      if (isUnsupported(error)) throw new MultiStreamAppendUnsupportedError('the server is older than 25.1');
      throw error;
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
      else heads.set(w.streamId, await this.readHead(w.streamId));
    }
    for (const w of writes) checkExpectation(w, heads.get(w.streamId) ?? null);
    return heads;
  }

  private async readHead(streamId: string): Promise<StreamHead | null> {
    try {
      const last = this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
        requiresLeader: true,
      });
      for await (const resolved of last) {
        const e = resolved.event ? decodeEvent(resolved.event) : null;
        if (!e) throw new Error(`stream ${streamId} ends with an event this ledger did not write`);
        const head = { revision: e.revision, hash: e.metadata.hash };
        this.cache.remember(streamId, head);
        return head;
      }
      return null;
    } catch (error) {
      if (isStreamNotFound(error)) return null;
      throw error;
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const from = options.fromRevision !== undefined && options.fromRevision > 0n ? options.fromRevision : 0n;
    const to = options.toRevision;
    if (to !== undefined && to < from) return;
    // The native reader pulls pages from the server as this generator is consumed: nothing is
    // buffered beyond one page, whatever the stream's length.
    const events = this.client.readStream(streamId, {
      fromRevision: from,
      ...(to !== undefined ? { maxCount: to - from + 1n } : {}),
      requiresLeader: true,
    });
    try {
      let last: RecordedEvent | null = null;
      for await (const resolved of events) {
        const e = resolved.event ? decodeEvent(resolved.event) : null;
        if (!e) continue;
        last = e;
        yield e;
      }
      if (last) this.cache.remember(streamId, { revision: last.revision, hash: last.metadata.hash });
    } catch (error) {
      if (isStreamNotFound(error)) return;
      throw error;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const after = options.after !== undefined && options.after > 0n ? options.after : 0n;
    const events = this.client.readAll({
      fromPosition: after > 0n ? toLogPosition(after) : START,
      filter: excludeSystemEvents(),
      requiresLeader: true,
    });
    for await (const resolved of events) {
      const e = resolved.event ? decodeEvent(resolved.event) : null;
      // A read from a position includes the event AT it; the port's `after` is exclusive.
      if (!e || e.position <= after) continue;
      if (options.to !== undefined && e.position > options.to) return;
      yield e;
    }
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

  async headPosition(): Promise<bigint> {
    const newestFirst = this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      filter: excludeSystemEvents(),
      requiresLeader: true,
    });
    for await (const resolved of newestFirst) {
      const e = resolved.event ? decodeEvent(resolved.event) : null;
      if (e) return e.position;
    }
    return 0n;
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

/** Errors after which the server surely wrote nothing, so an idempotency claim may be released. */
function refusedBeforeWriting(error: unknown): boolean {
  return (
    error instanceof WrongExpectedRevisionError ||
    error instanceof EventTooLargeError ||
    error instanceof MultiStreamAppendUnsupportedError
  );
}

/**
 * The batch's events as KurrentDB event data, per stream in order. The bodies are the canonical
 * JSON that was hashed (bigint, Date and undefined normalised as the hash saw them), so a read
 * re-hashes to the same value.
 */
function eventsByStream(batch: AppendBatch): Map<string, EventData[]> {
  const out = new Map<string, EventData[]>();
  for (const e of batch.result(0n).events) {
    const list = out.get(e.streamId) ?? [];
    list.push({
      id: e.id,
      contentType: 'application/json',
      type: e.type,
      data: JSON.parse(canonicalJson(e.data)) as Record<string, unknown>,
      metadata: encodeMetadata(canonicalJson(e.metadata), e.schemaVersion),
    });
    out.set(e.streamId, list);
  }
  return out;
}

const batchBytes = (batch: AppendBatch): number =>
  batch
    .result(0n)
    .events.reduce(
      (n, e) => n + Buffer.byteLength(canonicalJson(e.data)) + Buffer.byteLength(canonicalJson(e.metadata)),
      0,
    );

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
