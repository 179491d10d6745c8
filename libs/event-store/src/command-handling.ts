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
import { readCurrent, upcasters } from './upcasting.js';

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
    /** The revision found instead: a number, or `no_stream`. */
    readonly actual: string,
  ) {
    super(`resource changed: expected revision ${expected}, now ${actual}`);
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
  for await (const event of readCurrent(store, streamId)) {
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
      schemaVersion: upcasters.currentVersion(e.type),
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
 * whole plan runs again — safe because decide is pure. Under If-Match the plan's own load then
 * tells whether the client's read is stale (412, naming the revision found) or the conflict was
 * on another stream of the write (a linked case), which a retry resolves.
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

/** Everything one write needs; `handle()` is the only way a decision reaches the log. */
export interface WriteOptions<S, C extends DomainCommand, E extends DomainEvent, X extends object = object> {
  readonly store: EventStore;
  readonly decider: Decider<S, C, E>;
  readonly streamId: string;
  /** The id the answer names (the aggregate's own id). */
  readonly id: string;
  /** The command, or a builder that sees the freshly loaded state (its look-ups are redone on a retry). */
  readonly command: C | ((state: S) => Promise<C> | C);
  readonly ctx: WriteContext;
  /** The case the events are indexed under; a function reads it from the state after the decision. */
  readonly caseId?: string | ((after: S) => string | undefined);
  /**
   * `loaded` (the default): the append expects the revision just loaded, so a concurrent write
   * makes the decision run again. `any`: a stream that protects no invariant (the audit of reads)
   * is not loaded and never conflicts.
   */
  readonly concurrency?: 'loaded' | 'any';
  /**
   * Runs after every check passed, linked writes included: turns decided events into what is
   * stored (personal data sealed), so that a refused request never creates a data key.
   */
  readonly seal?: (events: readonly E[]) => Promise<readonly DomainEvent[]>;
  /** Other streams written in the same atomic append (the case learning of a new linked record). */
  readonly linked?: (state: S, events: readonly E[]) => Promise<StreamWrite[]> | StreamWrite[];
  /** More fields for the answer (an exchange names the message it logged); kept for a replay too. */
  readonly answer?: X;
}

/**
 * The one write path: load the stream, check If-Match, decide, add linked writes, seal, append
 * with the loaded revision as the expected one, answer. Idempotency and retries come from
 * `execute`.
 */
export async function handle<S, C extends DomainCommand, E extends DomainEvent, X extends object = object>(
  w: WriteOptions<S, C, E, X>,
): Promise<WriteAnswer & X> {
  const { store, decider, streamId, ctx } = w;
  return execute(store, ctx, async () => {
    const loaded: Loaded<S> =
      w.concurrency === 'any' ? { state: decider.initialState, revision: null } : await load(store, decider, streamId);
    if (ctx.ifMatch !== undefined && loaded.revision !== ctx.ifMatch) {
      throw new StaleRevisionError(ctx.ifMatch, loaded.revision?.toString() ?? 'no_stream');
    }
    const command = typeof w.command === 'function' ? await w.command(loaded.state) : w.command;
    const events = decider.decide(command, loaded.state);
    const linked = w.linked ? await w.linked(loaded.state, events) : [];
    const stored = w.seal ? await w.seal(events) : events;
    const caseId = typeof w.caseId === 'function' ? w.caseId(events.reduce(decider.evolve, loaded.state)) : w.caseId;
    const writes: StreamWrite[] = [
      {
        streamId,
        events: toNewEvents(stored, ctx, caseId),
        expectedRevision: w.concurrency === 'any' ? 'any' : (loaded.revision ?? 'no_stream'),
      },
      ...linked,
    ];
    return {
      writes,
      answer: (result) => ({
        id: w.id,
        revision: (result.streams[0]?.nextRevision ?? loaded.revision ?? -1n).toString(),
        position: result.position.toString(),
        created: loaded.revision === null,
        ...w.answer,
      }),
    };
  }) as Promise<WriteAnswer & X>;
}

/** A domain command stamped with the request's actor and clock. */
export const commandOf = <C extends DomainCommand>(type: C['type'], data: C['data'], ctx: WriteContext): C =>
  ({ type, data, meta: { actor: ctx.actor, now: ctx.now } }) as C;

export const correlationIdFor = (header: unknown): string =>
  typeof header === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : newId();
