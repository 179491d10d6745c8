import type { RecordedEvent } from '../event-envelope.js';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
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
  concatRows,
  describeExpected,
  needsUnnest,
  prepareBatch,
  statementParams,
  type AppendBatch,
} from '../append/append-batch.js';
import { AppendCombiner } from './append-combiner.js';
import { DEFAULT_PAGE, readAllPages, readStreamPages } from './event-pages.js';
import { migrateEventStore } from './event-store.schema.js';
import { claimFor, claimParams, UntemplatedResponseError } from '../append/idempotency-claim.js';
import * as S from './event-store.statements.js';
import { PoolSqlClient, type SqlClient } from './sql-client.js';
import { isConstraint, translateSqlError } from './sql-errors.js';
import { SqlStreamHeads } from './sql-stream-heads.js';
import { StreamHeadCache, type StreamHead } from '../append/stream-head-cache.js';
import { CatchUpSubscription, PgNotificationListener, WakeSignal } from './sql-subscription.js';

export interface SqlEventStoreOptions {
  /** Streams whose head is remembered between appends (default 10,000). */
  readonly headCacheSize?: number;
  /** Fallback poll of live subscriptions when no wake-up arrives (default 2,000 ms). */
  readonly pollIntervalMs?: number;
  /** Largest data + metadata of one event, as stored JSON (default 1 MiB). */
  readonly maxEventBytes?: number;
  /** NOTIFY on append and LISTEN for other processes' appends (default: on for PostgreSQL). */
  readonly notify?: boolean;
  /** Combine appends that arrive while one is in flight into one commit (default true; see AppendCombiner). */
  readonly groupCommit?: boolean;
}

const RACE_RETRIES = 8;

/** Every store over one SqlClient shares one signal, so they wake each other's subscriptions. */
const signals = new WeakMap<SqlClient, WakeSignal>();

const toJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';

/**
 * One EventStore for PostgreSQL and PGlite (ADR 0002). An append (single or multi-stream, with or
 * without an idempotency key) is ONE statement — counter bump, insert, key claim, notify — shared
 * with whatever other appends of this process are waiting (group commit). Only writes that must
 * see the current state under a lock (expectation-only writes, and keyed appends whose response
 * cannot be computed in SQL) take the counter's row lock first.
 */
export class SqlEventStore implements EventStore {
  private readonly cache: StreamHeadCache;
  private readonly heads: SqlStreamHeads;
  private readonly pollIntervalMs: number;
  private readonly maxEventBytes: number;
  private readonly notify: boolean;
  private readonly signal: WakeSignal;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private listener: PgNotificationListener | null = null;
  private readonly combiner: AppendCombiner | null;
  private closed = false;

  /** Runs the idempotent schema migration, then returns the store. */
  static async open(sql: SqlClient, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
    await migrateEventStore(sql);
    return new SqlEventStore(sql, options);
  }

  constructor(
    private readonly sql: SqlClient,
    options: SqlEventStoreOptions = {},
  ) {
    this.cache = new StreamHeadCache(options.headCacheSize ?? 10_000);
    this.heads = new SqlStreamHeads(sql, this.cache);
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.maxEventBytes = options.maxEventBytes ?? 1024 * 1024;
    this.notify = options.notify ?? sql.kind === 'postgres';
    this.combiner =
      options.groupCommit === false
        ? null
        : new AppendCombiner({ send: (batches) => this.insert(batches), committed: (b) => this.committed(b) });
    let signal = signals.get(sql);
    if (!signal) signals.set(sql, (signal = new WakeSignal()));
    this.signal = signal;
  }

  async append(writes: readonly StreamWrite[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    const seen = new Set<string>();
    for (const w of writes) {
      if (seen.has(w.streamId)) throw new Error(`stream ${w.streamId} appears twice in one append`);
      seen.add(w.streamId);
    }
    if (writes.length === 0 && !options.idempotency) {
      return { streams: [], position: await this.headPosition(), events: [] };
    }
    // A write without events asserts a revision that no insert will check: it needs the lock.
    if (writes.length === 0 || writes.some((w) => w.events.length === 0)) return this.appendLocked(writes, options);
    try {
      return await this.appendOptimistic(writes, options.idempotency);
    } catch (error) {
      // Raised while preparing, before anything was sent: safe to take the other path.
      if (error instanceof UntemplatedResponseError) return this.appendLocked(writes, options);
      throw error;
    }
  }

  /**
   * Heads come from the cache (or one read for the streams it lacks), the chain is computed, and
   * the insert goes out as one statement, possibly with other appends of this process (group
   * commit). Losing a race to another process shows up as a unique violation on (stream_id,
   * revision); then the heads are read again, which either reports the conflict or, for
   * 'any'/'stream_exists', lets the append go again on the new head. An idempotency key is claimed
   * in the same statement (KeyClaim); a key already taken fails it whole.
   */
  private async appendOptimistic(
    writes: readonly StreamWrite[],
    idem?: AppendOptions['idempotency'],
  ): Promise<AppendResult> {
    const streams = new Set(writes.map((w) => w.streamId));
    for (let attempt = 1; ; attempt++) {
      const known = await this.heads.resolve(writes, attempt > 1);
      // At send time the cache may know newer heads (this process's own appends in between).
      const prepare = (): AppendBatch => {
        const batch = prepareBatch(writes, this.heads.freshest(writes, known), this.maxEventBytes);
        return idem ? { ...batch, claim: claimFor(idem, batch) } : batch;
      };
      try {
        if (!this.combiner) {
          const batch = prepare();
          const last = await this.insert([batch]);
          this.committed(batch);
          return batch.result(last);
        }
        const { batch, lastPosition } = await this.combiner.append({ streams, key: idem?.key, prepare });
        return batch.result(lastPosition);
      } catch (error) {
        if (!isConstraint(error, 'events_stream_revision_uq')) throw translateSqlError(error, idem?.key);
        for (const w of writes) this.cache.forget(w.streamId);
        if (attempt >= RACE_RETRIES) {
          const w = writes[0];
          throw new WrongExpectedRevisionError(
            w.streamId,
            describeExpected(w.expectedRevision),
            'changing concurrently',
          );
        }
      }
    }
  }

  private async appendLocked(writes: readonly StreamWrite[], options: AppendOptions): Promise<AppendResult> {
    const idem = options.idempotency;
    try {
      const { batch, result } = await this.sql.transaction(async (tx) => {
        const lock = await tx.query<{ last: bigint }>(S.LOCK_POSITION.text, [], S.LOCK_POSITION.name);
        // A new statement, so a new snapshot: it sees every append committed before the lock.
        const heads = await this.heads.read(
          tx,
          writes.map((w) => w.streamId),
        );
        for (const w of writes) checkExpectation(w, heads.get(w.streamId) ?? null);
        const batch = prepareBatch(writes, heads, this.maxEventBytes);
        const result = batch.result(lock.rows[0].last + BigInt(batch.count));
        if (batch.count > 0 || idem) {
          const statement = S.appendStatement(needsUnnest(batch), idem ? 'row' : 'none', this.notify);
          const extra = idem ? [idem.key, idem.requestHash, toJson(idem.response(result))] : [];
          await tx.query(statement.text, [...statementParams(batch), ...extra], statement.name);
        }
        return { batch, result };
      });
      this.remember(batch.newHeads);
      if (batch.count > 0) this.signal.wake();
      return result;
    } catch (error) {
      throw translateSqlError(error, idem?.key);
    }
  }

  /** One statement: counter bump, insert, key claims, notify. Autocommit, so a result means committed. */
  private async insert(batches: readonly AppendBatch[]): Promise<bigint> {
    const rows = batches.length === 1 ? batches[0] : concatRows(batches);
    const claims = claimParams(batches);
    const statement = S.appendStatement(needsUnnest(rows), claims ? 'claims' : 'none', this.notify);
    const params = [...statementParams(rows), ...(claims ?? [])];
    const r = await this.sql.query<{ last: bigint }>(statement.text, params, statement.name);
    return r.rows[0].last;
  }

  private committed(batch: AppendBatch): void {
    this.remember(batch.newHeads);
    this.signal.wake();
  }

  private remember(heads: ReadonlyMap<string, StreamHead>): void {
    for (const [streamId, head] of heads) this.cache.remember(streamId, head);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return readStreamPages(this.sql, streamId, options, (head) => this.cache.remember(streamId, head));
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return readAllPages(this.sql, options);
  }

  subscribeAll(after: bigint, handlers: SubscriptionHandlers): Subscription {
    this.assertOpen();
    this.startListener();
    const subscription = new CatchUpSubscription(
      this,
      after,
      handlers,
      this.signal,
      this.pollIntervalMs,
      DEFAULT_PAGE,
      (s) => this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Other processes' appends arrive by NOTIFY; only a PostgreSQL server has other processes. */
  private startListener(): void {
    if (this.listener || !this.notify || !(this.sql instanceof PoolSqlClient) || this.sql.kind !== 'postgres') return;
    this.listener = new PgNotificationListener(this.sql.pool.options, () => this.signal.wake());
    void this.listener.start();
  }

  async headPosition(): Promise<bigint> {
    const r = await this.sql.query<{ last: bigint }>(S.HEAD_POSITION.text, [], S.HEAD_POSITION.name);
    return r.rows[0]?.last ?? 0n;
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | null> {
    const r = await this.sql.query<{ key: string; request_hash: string; response: unknown }>(
      S.FIND_IDEMPOTENCY.text,
      [key],
      S.FIND_IDEMPOTENCY.name,
    );
    const row = r.rows[0];
    return row ? { key: row.key, requestHash: row.request_hash, response: row.response } : null;
  }

  /** Stops subscriptions and the listener; the SqlClient belongs to whoever opened it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.listener?.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }
}
