/** Runs critical sections one after another (the live loop and a generation's promotion). */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

interface Waiter {
  readonly position: bigint;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

/** Promises that settle once a position is reached (true) or the time is up (false). */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly reached: (position: bigint) => boolean) {}

  /** How many callers wait right now (the live loop stops lingering while anyone does). */
  get pending(): number {
    return this.waiters.size;
  }

  wait(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.reached(position)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(this.reached(position));
        }, timeoutMs),
      };
      waiter.timer.unref();
      this.waiters.add(waiter);
    });
  }

  /** Called whenever a checkpoint moved. */
  check(): void {
    for (const w of this.waiters) {
      if (!this.reached(w.position)) continue;
      clearTimeout(w.timer);
      this.waiters.delete(w);
      w.resolve(true);
    }
  }

  /** On shutdown: nobody waits for a runner that will not move again. */
  releaseAll(): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve(this.reached(w.position));
    }
    this.waiters.clear();
  }
}

/**
 * A short wait of the live loop for more events before it applies a small batch, cut short by
 * whoever cannot wait (a reader waiting for its own write, a stop).
 */
export class Linger {
  private cut: (() => void) | null = null;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.cut === done) this.cut = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.cut = done;
    });
  }

  /** Ends the current wait now (no effect when none runs). */
  cutShort(): void {
    this.cut?.();
  }
}
