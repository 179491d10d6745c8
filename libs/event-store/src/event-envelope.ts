import type { Actor, ZonedInstant } from '#shared-kernel';

/** Everything about an event that is not its business data. Stored beside `data`, hashed with it. */
export interface EventMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly idempotencyKey?: string;
  /** When it happened, as declared by the user, with the declared offset/zone. */
  readonly occurredAt: ZonedInstant;
  /** Server clock when the event was accepted; replays "as of T" use this. */
  readonly recordedAt: string;
  readonly caseId?: string;
  /** Hash of the previous event in the same stream (64 zeros for the first). */
  readonly prevHash: string;
  readonly hash: string;
}

/** What a writer hands to the store; the store fills prevHash and hash. */
export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: unknown;
  readonly metadata: Omit<EventMetadata, 'prevHash' | 'hash'>;
}

export interface RecordedEvent<D = unknown> {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  /** 0-based position of the event within its stream. */
  readonly revision: bigint;
  /** 1-based position in the global log; gap-free and in commit order. */
  readonly position: bigint;
  readonly data: D;
  readonly metadata: EventMetadata;
}

export const GENESIS_HASH = '0'.repeat(64);
