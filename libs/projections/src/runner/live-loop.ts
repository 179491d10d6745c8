import type { EventStore, RecordedEvent, SqlClient, Subscription } from '#event-store';
import type { Pauses } from '#platform';
import { applyBatchToTargets, errorClassOf, type Target } from './batch-applier.js';
import { Linger, type Mutex } from './runner-support.js';

export const DEFAULT_LINGER_MS = 10;
export const DEFAULT_MIN_BATCH = 100;

/** What the live loop needs from the runner that hosts it. */
export interface LiveLoopHost {
  readonly store: EventStore;
  readonly sql: SqlClient;
  /** Taken for every batch: a generation's promotion must not interleave with one. */
  readonly mutex: Mutex;
  /** Events per transaction. */
  readonly batchSize: number;
  /** How long a small batch waits for more events (0 applies at once). */
  readonly lingerMs: number;
  /** A batch of at least this many events is applied without lingering. */
  readonly minBatch: number;
  /** Pause before resubscribing after the subscription failed. */
  readonly retryMs: number;
  readonly sleeper: { readonly stopped: boolean; readonly pauses: Pauses };
  warn(message: string): void;
  /** The live generations; asked for every batch because a promotion adds one. */
  targets(): Target[];
  /** How many readers wait for a position right now. */
  waiting(): number;
  /** Called after every flush (waiters may now be satisfied). */
  flushed(): void;
}

/**
 * The runner's one subscription on `subscribeAll`: buffers what arrives and applies it in
 * batches to every live generation, restarting itself after a failure.
 */
export class LiveLoop {
  private subscription: Subscription | null = null;
  private buffer: RecordedEvent[] = [];
  private readonly linger = new Linger();
  private appliedTo = 0n;

  constructor(private readonly host: LiveLoopHost) {}

  /** Everything at or below this the live loop has applied (or had no live target for). */
  get floor(): bigint {
    return this.appliedTo;
  }

  start(from: bigint): void {
    this.buffer = [];
    this.appliedTo = from;
    this.subscription = this.host.store.subscribeAll(from, {
      onEvent: async (event) => {
        this.buffer.push(event);
        if (this.buffer.length >= this.host.batchSize) await this.flush();
      },
      onCaughtUp: async () => {
        await this.lingerForMore();
        await this.flush();
      },
      onError: (error) => {
        this.host.warn(`projection live loop failed, restarting: ${errorClassOf(error)}`);
        void this.restart();
      },
    });
  }

  /** Applies the batch being held back now (a reader waits for its own write, or a stop). */
  cutLingerShort(): void {
    this.linger.cutShort();
  }

  async stop(): Promise<void> {
    this.linger.cutShort();
    await this.subscription?.stop();
    this.subscription = null;
  }

  private async restart(): Promise<void> {
    await this.host.sleeper.pauses.pause(this.host.retryMs);
    if (this.host.sleeper.stopped) return;
    const from = this.host.targets().reduce((min, t) => (t.position < min ? t.position : min), this.appliedTo);
    try {
      this.start(from);
    } catch (error) {
      // The store closed under us (shutdown); nothing left to run.
      this.host.warn(`projection live loop not restarted: ${errorClassOf(error)}`);
    }
  }

  /**
   * Before applying a small batch, give the writers a moment: appends that arrive meanwhile are
   * read and applied with it, one read and one read-model transaction for many events instead
   * of one per write (on PGlite they share the only connection with the writes). Nobody waiting
   * for a position pays it: with a waiter pending the batch goes at once.
   */
  private async lingerForMore(): Promise<void> {
    const { lingerMs, minBatch } = this.host;
    if (lingerMs <= 0 || this.buffer.length === 0 || this.buffer.length >= minBatch) return;
    if (this.host.waiting() > 0 || this.host.sleeper.stopped) return;
    await this.linger.wait(lingerMs);
  }

  private async flush(): Promise<void> {
    await this.host.mutex.run(async () => {
      const events = this.buffer;
      this.buffer = [];
      if (events.length === 0) return;
      await applyBatchToTargets(this.host.sql, this.host.targets(), events);
      this.appliedTo = events[events.length - 1].position;
    });
    this.host.flushed();
  }
}
