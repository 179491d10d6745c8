import type { NewEvent, RecordedEvent } from './event-envelope.js';

/**
 * `no_stream`: the stream must not exist; `stream_exists`: it must exist;
 * `any`: no check; a bigint: the stream's last revision must be exactly that.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export interface StreamWrite {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
}

/** A retried request is recognised by its key; the stored answer is returned instead of writing again. */
export interface IdempotencyRecord {
  readonly key: string;
  readonly requestHash: string;
  /** The answer the first request got, kept verbatim (ids, revisions and positions as strings). */
  readonly response: unknown;
}

export interface AppendResult {
  /** Per stream, in the order given: the revision of its last event after the append. */
  readonly streams: readonly { streamId: string; nextRevision: bigint }[];
  /** Global position of the last event written. */
  readonly position: bigint;
  readonly events: readonly RecordedEvent[];
}

export interface AppendOptions {
  /** Stored atomically with the events; a second append with the same key fails with IdempotencyConflictError. */
  readonly idempotency?: { key: string; requestHash: string; response: (result: AppendResult) => unknown };
}

export interface ReadStreamOptions {
  readonly fromRevision?: bigint;
  readonly toRevision?: bigint;
  readonly pageSize?: number;
}

export interface ReadAllOptions {
  /** Exclusive: read events with position > after (0n = from the start). */
  readonly after?: bigint;
  /** Inclusive upper bound. */
  readonly to?: bigint;
  readonly pageSize?: number;
}

export interface SubscriptionHandlers {
  onEvent(event: RecordedEvent): Promise<void> | void;
  /** Called each time the subscription has delivered everything committed so far. */
  onCaughtUp?(position: bigint): Promise<void> | void;
  onError?(error: unknown): void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface EventStore {
  /** Atomic append to one or more streams; all or nothing. */
  append(writes: readonly StreamWrite[], options?: AppendOptions): Promise<AppendResult>;
  /** Pages through a stream in revision order; never buffers the whole stream. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Pages through the global log in position order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Catch up from `after`, signal caught-up, then deliver new events as they are committed. */
  subscribeAll(after: bigint, handlers: SubscriptionHandlers): Subscription;
  /** Position of the last committed event (0n when empty). */
  headPosition(): Promise<bigint>;
  findIdempotency(key: string): Promise<IdempotencyRecord | null>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The SQL database that holds the events (embedded or server), shared with read models and keys. */
export const SQL_CLIENT = Symbol('SQL_CLIENT');
