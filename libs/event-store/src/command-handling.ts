import {
  type Actor,
  type Decider,
  type DomainCommand,
  type DomainEvent,
  type ZonedInstant,
  newId,
  zonedNow,
} from '#shared-kernel';
import type { NewEvent } from './event-envelope.js';
import { IdempotencyConflictError, WrongExpectedRevisionError } from './event-store.errors.js';
import type { AppendResult, EventStore, StreamWrite } from './event-store.port.js';

/** Who, when and why of one request; built once at the edge and passed down explicitly. */
export interface WriteContext {
  readonly actor: Actor;
  readonly now: Date;
  readonly correlationId: string;
  readonly causationId?: string | null;
  /** Scoped key (user + client key) and a hash of the request it guards. */
  readonly idempotency?: { key: string; requestHash: string };
  /** Revision the client last saw (If-Match); a different current revision is refused as stale. */
  readonly ifMatch?: bigint;
}

/** What every write answers: the resource id, its new revision and the global position reached. */
export interface WriteAnswer {
  readonly id: string;
  readonly revision: string;
  readonly position: string;
  readonly created: boolean;
}

export interface Loaded<S> {
  readonly state: S;
  /** Last revision, or null when the stream does not exist. */
  readonly revision: bigint | null;
}

/** The client's If-Match no longer matches: someone changed the resource since they read it. */
export class StaleRevisionError extends Error {
  constructor(
    readonly expected: bigint,
    readonly actual: bigint | null,
  ) {
    super(`resource changed: expected revision ${expected}, now ${actual ?? 'none'}`);
    this.name = 'StaleRevisionError';
  }
}

/** The same idempotency key was already answered; `response` is what the first request got. */
export class IdempotentReplay extends Error {
  constructor(readonly response: unknown) {
    super('idempotent replay');
    this.name = 'IdempotentReplay';
  }
}

/** Same key, different request: the client reused a key it must not reuse. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('Idempotency-Key was already used with a different request');
    this.name = 'IdempotencyKeyReusedError';
  }
}

export async function load<S, E extends DomainEvent>(
  store: EventStore,
  decider: Pick<Decider<S, never, E>, 'initialState' | 'evolve'>,
  streamId: string,
): Promise<Loaded<S>> {
  let state = decider.initialState;
  let revision: bigint | null = null;
  for await (const event of store.readStream(streamId)) {
    state = decider.evolve(state, { type: event.type, data: event.data } as E);
    revision = event.revision;
  }
  return { state, revision };
}

function isZoned(value: unknown): value is ZonedInstant {
  return typeof value === 'object' && value !== null && 'at' in value && 'offset' in value;
}

/**
 * Wraps decided domain events in envelopes. A domain event that carries `occurredAt` (a declared
 * instant) lends it to the envelope; otherwise the fact happened when it was recorded.
 */
export function toNewEvents(events: readonly DomainEvent[], ctx: WriteContext, caseId?: string): NewEvent[] {
  const recordedAt = ctx.now.toISOString();
  return events.map((e) => {
    const declared = (e.data as { occurredAt?: unknown } | null)?.occurredAt;
    return {
      id: newId(),
      type: e.type,
      schemaVersion: 1,
      data: e.data,
      metadata: {
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        causationId: ctx.causationId ?? null,
        ...(ctx.idempotency ? { idempotencyKey: ctx.idempotency.key } : {}),
        occurredAt: isZoned(declared) ? declared : zonedNow(ctx.now),
        recordedAt,
        ...(caseId ? { caseId } : {}),
      },
    };
  });
}

export interface WritePlan {
  readonly writes: readonly StreamWrite[];
  /** Builds the client's answer from what the store assigned. */
  readonly answer: (result: AppendResult) => WriteAnswer;
}

/**
 * Runs `plan` (load → decide → build writes) and appends atomically. On a version conflict the
 * whole plan runs again — safe because decide is pure — unless the client pinned a revision
 * with If-Match, in which case the conflict is the client's stale read.
 */
export async function execute(
  store: EventStore,
  ctx: WriteContext,
  plan: () => Promise<WritePlan>,
): Promise<WriteAnswer> {
  const idem = ctx.idempotency;
  // A first request pays no look-up: its key is claimed atomically with the append. A retry is
  // recognised there (key conflict) or, when its decision now fails ("already conducted", a
  // stale If-Match, a version conflict with its own first attempt), by looking the key up then.
  for (let attempt = 1; ; attempt++) {
    let built: WritePlan;
    try {
      built = await plan();
    } catch (error) {
      if (idem) await replayIfKnown(store, idem);
      throw error;
    }
    try {
      const result = await store.append(
        built.writes,
        idem ? { idempotency: { key: idem.key, requestHash: idem.requestHash, response: built.answer } } : {},
      );
      return built.answer(result);
    } catch (error) {
      if (idem && (error instanceof IdempotencyConflictError || error instanceof WrongExpectedRevisionError)) {
        await replayIfKnown(store, idem);
      }
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (ctx.ifMatch !== undefined) throw new StaleRevisionError(ctx.ifMatch, null);
      if (attempt >= 5) throw error;
    }
  }
}

/** Throws the first answer if this key was already used for this request, or a reuse error for another. */
async function replayIfKnown(store: EventStore, idem: NonNullable<WriteContext['idempotency']>): Promise<void> {
  const previous = await store.findIdempotency(idem.key);
  if (!previous) return;
  if (previous.requestHash !== idem.requestHash) throw new IdempotencyKeyReusedError();
  throw new IdempotentReplay(previous.response);
}

/**
 * The common case: one aggregate, one stream. Loads, checks If-Match, decides, and appends
 * with the loaded revision as the expected one.
 */
export async function handle<S, C extends DomainCommand, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<S, C, E>,
  streamId: string,
  id: string,
  command: C | ((state: S) => Promise<C> | C),
  ctx: WriteContext,
  opts: {
    /** The case the events belong to; a function reads it from the loaded state (steps on an existing record). */
    caseId?: string | ((state: S) => string | undefined);
    extraWrites?: (state: S, events: readonly E[]) => Promise<StreamWrite[]> | StreamWrite[];
  } = {},
): Promise<WriteAnswer> {
  return execute(store, ctx, async () => {
    const loaded = await load(store, decider, streamId);
    if (ctx.ifMatch !== undefined && loaded.revision !== ctx.ifMatch) {
      throw new StaleRevisionError(ctx.ifMatch, loaded.revision);
    }
    // A builder sees the freshly loaded state, so look-ups it makes are redone on every retry.
    const cmd = typeof command === 'function' ? await command(loaded.state) : command;
    const events = decider.decide(cmd, loaded.state);
    const extra = opts.extraWrites ? await opts.extraWrites(loaded.state, events) : [];
    const writes: StreamWrite[] = [
      {
        streamId,
        events: toNewEvents(events, ctx, typeof opts.caseId === 'function' ? opts.caseId(loaded.state) : opts.caseId),
        expectedRevision: loaded.revision ?? 'no_stream',
      },
      ...extra,
    ];
    return {
      writes,
      answer: (result) => ({
        id,
        revision: (result.streams[0]?.nextRevision ?? loaded.revision ?? -1n).toString(),
        position: result.position.toString(),
        created: loaded.revision === null,
      }),
    };
  });
}

/** A domain command stamped with the request's actor and clock. */
export const commandOf = <C extends DomainCommand>(type: C['type'], data: C['data'], ctx: WriteContext): C =>
  ({ type, data, meta: { actor: ctx.actor, now: ctx.now } }) as C;

export const correlationIdFor = (header: unknown): string =>
  typeof header === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : newId();
