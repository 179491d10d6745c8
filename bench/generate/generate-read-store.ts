import type { EventStore, NewEvent, StreamWrite } from '#event-store';
import { newId, type Actor } from '#shared-kernel';
import { caseScript, type Action, type Seal } from './case-script.js';
import { between, seededRng } from './vocabulary.js';

export interface GenerateOptions {
  /** Events to write in all (the run stops at the first action that reaches it). */
  readonly events: number;
  /** Message pairs (~3.9 events each, some go unanswered) in the long case's one exchange: ~2,000 events with 515. */
  readonly longCasePairs: number;
  /** Events per append: one multi-stream append per this many (the port hashes and chains them). */
  readonly appendSize: number;
  /** The recording clock runs from `to - spanDays` to `to`. */
  readonly to: Date;
  readonly spanDays: number;
  readonly seed: number;
  readonly progress?: (written: number) => void;
}

export interface GeneratedStore {
  readonly events: number;
  readonly cases: number;
  readonly persons: number;
  /** The case with the long exchange thread, and when its first and last events were recorded. */
  readonly longCase: { readonly caseId: string; readonly events: number; readonly from: Date; readonly to: Date };
  readonly seconds: number;
}

const OFFICERS: readonly Actor[] = Array.from({ length: 12 }, (_, i) => ({
  userId: `officer.${i + 1}`,
  role: i % 4 === 3 ? 'border_guard' : 'liaison_officer',
  unitId: `VN-BLO-${(i % 6) + 1}`,
}));

interface Run {
  readonly caseId: string;
  readonly actions: Action[];
  next: number;
}

/**
 * Writes a realistic history straight through the event-store port: cases live side by side
 * (a pool of open cases, each advancing one user action at a time on one recording clock), so a
 * case's events are spread over the log as in production, not stored contiguously. Appends are
 * large multi-stream batches with exact expected revisions, so the store builds valid hash chains.
 * The run stops when the target is reached: the cases still open then keep open clocks, which
 * is what the deadline board shows.
 */
export async function generateReadStore(store: EventStore, seal: Seal, o: GenerateOptions): Promise<GeneratedStore> {
  const started = Date.now();
  const rng = seededRng(o.seed);
  const stepMs = (o.spanDays * 86_400_000) / o.events;
  let clock = o.to.getTime() - o.spanDays * 86_400_000;
  let persons = 0;
  let cases = 0;
  const countingSeal: Seal = (subject, value) => {
    persons++;
    return seal(subject, value);
  };
  const newRun = (long: boolean): Run => {
    cases++;
    const { caseId, actions } = caseScript(
      rng,
      long
        ? { persons: 3, exchanges: 1, messagePairs: () => o.longCasePairs, verifications: 2, handover: true }
        : {
            persons: between(rng, 1, 4),
            exchanges: between(rng, 1, 4),
            messagePairs: () => between(rng, 3, 45),
            verifications: between(rng, 0, 3),
            handover: rng() < 0.7,
          },
      countingSeal,
    );
    return { caseId, actions, next: 0 };
  };

  const long = newRun(true);
  const longTotal = long.actions.reduce((n, a) => n + a.events, 0);
  // The long case advances on its own schedule so it is complete well before the end.
  const longEvery = (o.events * 0.85) / long.actions.length;
  let nextLongAt = 0;
  const poolSize = Math.max(10, Math.min(400, Math.round(o.events / 2_500)));
  const pool: Run[] = [];
  const batch = new Batch(store, o.appendSize);
  let written = 0;
  let longFrom = 0;
  let longTo = 0;

  while (written < o.events) {
    while (pool.length < poolSize) pool.push(newRun(false));
    let run: Run;
    if (long.next < long.actions.length && written >= nextLongAt) {
      run = long;
      nextLongAt += longEvery;
    } else {
      const i = Math.floor(rng() * pool.length);
      run = pool[i];
      if (run.next === run.actions.length - 1) pool.splice(i, 1);
    }
    const action = run.actions[run.next++];
    clock += stepMs * action.events * (0.5 + rng());
    const now = new Date(clock);
    if (run === long) {
      if (longFrom === 0) longFrom = clock;
      longTo = clock;
    }
    const events = await action.build(now);
    const actor = OFFICERS[Math.floor(rng() * OFFICERS.length)];
    const correlationId = newId();
    for (const e of events) batch.add(e.streamId, toNew(e.type, e.data, actor, correlationId, now, run.caseId));
    written += events.length;
    if (batch.size >= o.appendSize) {
      await batch.flush();
      o.progress?.(written);
    }
  }
  await batch.flush();
  if (long.next < long.actions.length) throw new Error('the long case did not complete; raise BENCH_READ_EVENTS');
  return {
    events: written,
    cases,
    persons,
    longCase: { caseId: long.caseId, events: longTotal, from: new Date(longFrom), to: new Date(longTo) },
    seconds: (Date.now() - started) / 1000,
  };
}

function toNew(type: string, data: unknown, actor: Actor, correlationId: string, now: Date, caseId: string): NewEvent {
  const declared = (data as { occurredAt?: { at?: unknown } }).occurredAt;
  return {
    id: newId(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor,
      correlationId,
      causationId: null,
      occurredAt:
        declared && typeof declared.at === 'string'
          ? (declared as NewEvent['metadata']['occurredAt'])
          : { at: now.toISOString(), offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' },
      recordedAt: now.toISOString(),
      caseId,
    },
  };
}

/**
 * Events of many streams gathered into one append. The expected revision of each stream is
 * what this generator wrote to it before (it is the only writer), so the store checks and
 * chains every stream exactly as it does for a command handler.
 */
class Batch {
  private readonly revisions = new Map<string, number>();
  private writes = new Map<string, { expected: StreamWrite['expectedRevision']; events: NewEvent[] }>();
  size = 0;

  constructor(
    private readonly store: EventStore,
    readonly limit: number,
  ) {}

  add(streamId: string, event: NewEvent): void {
    let w = this.writes.get(streamId);
    if (!w) {
      const last = this.revisions.get(streamId);
      w = { expected: last === undefined ? 'no_stream' : BigInt(last), events: [] };
      this.writes.set(streamId, w);
    }
    w.events.push(event);
    this.size++;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const writes = [...this.writes].map(([streamId, w]) => ({
      streamId,
      events: w.events,
      expectedRevision: w.expected,
    }));
    await this.store.append(writes);
    for (const w of writes) this.revisions.set(w.streamId, (this.revisions.get(w.streamId) ?? -1) + w.events.length);
    this.writes = new Map();
    this.size = 0;
  }
}
