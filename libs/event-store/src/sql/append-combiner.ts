import { concatRows, type AppendBatch, type InsertRows } from './append-batch.js';

/**
 * Group commit for the appends of one process. Positions are handed out under one row lock held
 * until commit (ADR 0002), so appends commit one at a time and each waits for the one before to
 * reach the disk. Rather than queue on that lock one by one, appends that arrive while a
 * statement is in flight ride together in the next one: one counter bump, one insert, one commit
 * for all of them. Alone, an append goes out at once as before.
 *
 * A combined statement is all or nothing. If it fails (a stale head of one member collides on
 * (stream_id, revision)), each member is sent again on its own, so every caller gets the outcome
 * of its own append and retries only its own conflict.
 */
export class AppendCombiner {
  private readonly queue: Waiting[] = [];
  private busy = false;

  constructor(
    /** Inserts the rows in one statement; resolves with the position of the last one. */
    private readonly send: (rows: InsertRows) => Promise<bigint>,
    private readonly maxEvents = 500,
  ) {}

  /** Resolves with the position of the batch's last event once it is committed. */
  append(batch: AppendBatch): Promise<bigint> {
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
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

  /** The oldest waiting appends that fit together: no stream twice, at most maxEvents rows. */
  private take(): Waiting[] {
    const taken: Waiting[] = [];
    const streams = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.queue.length;) {
      const w = this.queue[i];
      const fits = taken.length === 0 || events + w.batch.count <= this.maxEvents;
      const clash = [...w.batch.streams].some((s) => streams.has(s));
      if (!fits) break;
      if (clash) {
        i += 1;
        continue;
      }
      taken.push(w);
      this.queue.splice(i, 1);
      events += w.batch.count;
      for (const s of w.batch.streams) streams.add(s);
    }
    return taken;
  }

  private async flush(taken: Waiting[]): Promise<void> {
    if (taken.length > 1) {
      try {
        let last = await this.send(concatRows(taken.map((w) => w.batch)));
        // Rows were inserted in the order taken: the last member ends at `last`.
        for (let i = taken.length - 1; i >= 0; i--) {
          taken[i].resolve(last);
          last -= BigInt(taken[i].batch.count);
        }
        return;
      } catch {
        // Fall through: each member alone, to learn which one failed and why.
      }
    }
    for (const w of taken) {
      try {
        w.resolve(await this.send(w.batch));
      } catch (error) {
        w.reject(error);
      }
    }
  }
}

interface Waiting {
  readonly batch: AppendBatch;
  resolve(lastPosition: bigint): void;
  reject(error: unknown): void;
}
