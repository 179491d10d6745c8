import type { StoredCheckpoint } from '../index/integrity-index.js';
import { CHECKPOINT_ACTOR, type CheckpointRecorder } from './checkpoint-recorder.js';

/** How the timer waits: real timers in the service, a hand-driven clock in tests. */
export interface Scheduler {
  /** Calls fn once after ms; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const realScheduler: Scheduler = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    // A pending checkpoint must not keep a CLI or a finished test process alive.
    t.unref();
    return () => clearTimeout(t);
  },
};

export interface TimerLog {
  warn(message: string): void;
}

/**
 * Records a checkpoint every interval when something other than checkpoints was recorded since
 * the last one (an idle ledger does not sign the same state again and again). The next wait is
 * scheduled when a tick ends, so ticks never overlap; a failed tick is logged and retried at the
 * next one (the cause — a refused key, a log that does not continue the last checkpoint — is an
 * operator's matter, and stopping the timer would hide it on the next tick's log line).
 */
export class CheckpointTimer {
  private cancel: (() => void) | null = null;
  private running: Promise<StoredCheckpoint | null> | null = null;
  private stopped = true;

  constructor(
    private readonly recorder: Pick<CheckpointRecorder, 'record'>,
    private readonly intervalMs: number,
    private readonly scheduler: Scheduler = realScheduler,
    private readonly log: TimerLog = { warn: () => undefined },
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || !this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** The tick in flight, if any: what a test awaits after firing the clock. */
  get current(): Promise<StoredCheckpoint | null> | null {
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.cancel = this.scheduler.after(this.intervalMs, () => {
      this.cancel = null;
      // The next wait is armed before the tick's promise settles: whoever awaits it sees the timer re-armed.
      this.running = this.tick().finally(() => {
        this.running = null;
        this.schedule();
      });
    });
  }

  private async tick(): Promise<StoredCheckpoint | null> {
    try {
      return await this.recorder.record({ trigger: 'periodic', actor: CHECKPOINT_ACTOR, onlyIfNew: true });
    } catch (error) {
      this.log.warn(`checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
