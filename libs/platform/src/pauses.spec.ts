import { Pauses, backoffDelay, retryWithBackoff } from './pauses.js';

const HOUR = 3_600_000;

describe('Pauses', () => {
  it('ends a pending pause at stop(), and every pause after it at once', async () => {
    const pauses = new Pauses();
    const long = pauses.pause(HOUR);
    pauses.stop();
    await long;
    await pauses.pause(HOUR);
  });

  it('ends every pending pause, not only the last one', async () => {
    const pauses = new Pauses();
    const all = Promise.all([pauses.pause(HOUR), pauses.pause(HOUR), pauses.pause(HOUR)]);
    pauses.stop();
    await all;
  });

  it('waits again after restart()', async () => {
    const pauses = new Pauses();
    pauses.stop();
    pauses.restart();
    let done = false;
    const p = pauses.pause(HOUR).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    pauses.stop();
    await p;
    expect(done).toBe(true);
  });
});

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    const b = { initialMs: 100, maxMs: 1_000 };
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(b, n))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
});

describe('retryWithBackoff', () => {
  const backoff = { initialMs: 1, maxMs: 2 };

  it('retries until the attempt succeeds, reporting each failure with its count', async () => {
    const failures: number[] = [];
    let calls = 0;
    const answer = await retryWithBackoff({
      attempt: () => (++calls < 4 ? Promise.reject(new Error('down')) : Promise.resolve('up')),
      backoff,
      pauses: new Pauses(),
      stillRunning: () => true,
      stopped: () => new Error('stopped'),
      onFailure: (_error, n) => failures.push(n),
    });
    expect({ answer, calls, failures }).toEqual({ answer: 'up', calls: 4, failures: [1, 2, 3] });
  });

  it('gives up with the caller’s error once stopped, even in the middle of a long back-off', async () => {
    const pauses = new Pauses();
    let running = true;
    const attempts: number[] = [];
    const retrying = retryWithBackoff({
      attempt: () => {
        attempts.push(attempts.length + 1);
        return Promise.reject(new Error('down'));
      },
      backoff: { initialMs: HOUR, maxMs: HOUR },
      pauses,
      stillRunning: () => running,
      stopped: () => new Error('stopped by the test'),
      onFailure: () => {
        running = false;
        pauses.stop();
      },
    });
    await expect(retrying).rejects.toThrow('stopped by the test');
    expect(attempts).toEqual([1]);
  });

  it('runs afterPause between a failure and the next attempt, and survives its failure', async () => {
    const order: string[] = [];
    let calls = 0;
    await retryWithBackoff({
      attempt: () => {
        order.push('attempt');
        return ++calls < 2 ? Promise.reject(new Error('down')) : Promise.resolve();
      },
      backoff,
      pauses: new Pauses(),
      stillRunning: () => true,
      stopped: () => new Error('stopped'),
      onFailure: () => order.push('failure'),
      afterPause: () => {
        order.push('heartbeat');
        return Promise.reject(new Error('heartbeat failed'));
      },
    });
    expect(order).toEqual(['attempt', 'failure', 'heartbeat', 'attempt']);
  });
});
