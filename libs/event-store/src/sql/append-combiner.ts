import type { AppendBatch } from '../append/append-batch.js';

/** One append waiting for its turn. */
export interface CombinedAppend {
  /** The streams it writes: two appends to one stream never share a commit. */
  readonly streams: ReadonlySet<string>;
  /** The idempotency key it claims: two claims of one key never share a commit (both would fail). */
  readonly key?: string;
  /**
   * Computes the rows at the moment they go out, from the freshest heads this process knows;
   * throws (a revision conflict) if the append can no longer succeed.
   */
  prepare(): AppendBatch;
}

export interface CombinerPorts {
  /** Inserts the batches' rows (and claims their keys) in one statement, in the given order; resolves with the position of the last row. */
  send(batches: readonly AppendBatch[]): Promise<bigint>;
  /** Called as soon as a batch is committed, before the next one is prepared. */
  committed(batch: AppendBatch): void;
}

/**
 * Group commit for the appends of one process. Positions are handed out under one row lock held
 * until commit (ADR 0002), so appends commit one at a time and each waits for the one before to
 * reach the disk. Rather than queue on that lock one by one, appends that arrive while a
 * statement is in flight ride together in the next one: one counter bump, one insert, one commit
 * for all of them. Alone, an append goes out at once as before.
 *
 * Rows are prepared when they leave, not when they arrive, so each append chains onto whatever
 * this process committed meanwhile: appends of one process to one stream do not collide.
 * A combined statement is all or nothing; if it fails (another process moved a stream, or an
 * idempotency key was already claimed), each member is sent again on its own, so every caller
 * gets the outcome of its own append and one member's refusal costs the others nothing.
 * Keyed appends ride along like any other: their keys are claimed in the same statement.
 */
export class AppendCombiner {
  private readonly queue: Waiting[] = [];
  private busy = false;

  constructor(
    private readonly ports: CombinerPorts,
    private readonly maxEvents = 500,
  ) {}

  append(append: CombinedAppend): Promise<{ batch: AppendBatch; lastPosition: bigint }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.busy || this.queue.length === 0) return;
    this.busy = true;
    void this.flush(this.take()).finally(() => {
      this.busy = false;
      this.pump();
    });
  }

  /** The oldest waiting appends that fit together (no stream or key twice, about maxEvents rows), prepared. */
  private take(): Prepared[] {
    const taken: Prepared[] = [];
    const streams = new Set<string>();
    const keys = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.queue.length && events < this.maxEvents;) {
      const w = this.queue[i];
      const { key } = w.append;
      if ([...w.append.streams].some((s) => streams.has(s)) || (key !== undefined && keys.has(key))) {
        i += 1;
        continue;
      }
      this.queue.splice(i, 1);
      try {
        const batch = w.append.prepare();
        taken.push({ ...w, batch });
        events += batch.count;
        for (const s of w.append.streams) streams.add(s);
        if (key !== undefined) keys.add(key);
      } catch (error) {
        w.reject(error);
      }
    }
    return taken;
  }

  private async flush(taken: Prepared[]): Promise<void> {
    if (taken.length > 1) {
      try {
        const last = await this.ports.send(taken.map((w) => w.batch));
        // Rows went in the order taken: each member ends where the next one's rows begin.
        let end = last - taken.reduce((n, w) => n + BigInt(w.batch.count), 0n);
        for (const w of taken) {
          end += BigInt(w.batch.count);
          this.settle(w, end);
        }
        return;
      } catch {
        // Each member alone, to learn which one failed and why.
      }
    }
    for (const w of taken) {
      try {
        this.settle(w, await this.ports.send([w.batch]));
      } catch (error) {
        w.reject(error);
      }
    }
  }

  private settle(w: Prepared, lastPosition: bigint): void {
    this.ports.committed(w.batch);
    w.resolve({ batch: w.batch, lastPosition });
  }
}

interface Waiting {
  readonly append: CombinedAppend;
  resolve(outcome: { batch: AppendBatch; lastPosition: bigint }): void;
  reject(error: unknown): void;
}

interface Prepared extends Waiting {
  readonly batch: AppendBatch;
}
