/**
 * Waits between attempts that a shutdown cuts short: the relay, the counterpart gateway and the
 * projection runner all retry forever with a pause, and none may hold up a stop for the length of
 * a back-off. Timers are unref'd so a pause never keeps the process alive by itself.
 */
export class Pauses {
  private readonly wakers = new Set<() => void>();
  private stopped = false;

  /** Resolves after `ms`, or at once when stop() is called (also when it was called before). */
  pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve();
      const wake = (): void => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      this.wakers.add(wake);
    });
  }

  /** Ends every pause now and every later one at once, until restart(). */
  stop(): void {
    this.stopped = true;
    for (const wake of [...this.wakers]) wake();
  }

  /** Pauses take their time again (a relay or gateway started after a stop). */
  restart(): void {
    this.stopped = false;
  }
}

/** Doubling delays between failed attempts, from `initialMs` up to `maxMs`. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** The delay before attempt `n + 1` after `n` failures (n ≥ 1). */
export const backoffDelay = (backoff: Backoff, failures: number): number =>
  Math.min(backoff.initialMs * 2 ** Math.max(0, failures - 1), backoff.maxMs);

/**
 * Runs `attempt` until it succeeds, pausing with back-off between failures. Before each attempt
 * and after each failure `stillRunning` is asked; when it says no, `stopped()` is thrown (the
 * caller's own error type). `onFailure` reports a failure (log it; never the data).
 */
export async function retryWithBackoff<T>(options: {
  readonly attempt: () => Promise<T>;
  readonly backoff: Backoff;
  readonly pauses: Pauses;
  readonly stillRunning: () => boolean;
  readonly stopped: () => Error;
  readonly onFailure: (error: unknown, failures: number) => void;
  /** Between a failure's pause and the next attempt (the gateway's heartbeat keeps its group). */
  readonly afterPause?: () => Promise<void>;
}): Promise<T> {
  for (let failures = 0; ;) {
    if (!options.stillRunning()) throw options.stopped();
    try {
      return await options.attempt();
    } catch (error) {
      failures++;
      if (!options.stillRunning()) throw options.stopped();
      options.onFailure(error, failures);
      await options.pauses.pause(backoffDelay(options.backoff, failures));
      await options.afterPause?.().catch(() => undefined);
    }
  }
}
