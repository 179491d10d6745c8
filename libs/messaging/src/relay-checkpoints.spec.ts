import { CheckpointTrail } from './relay-checkpoints.js';

/** A save the test completes by hand, so the order of events is exact without any timing. */
function gatedSaves() {
  const calls: { position: bigint; done: () => void; fail: (e: Error) => void }[] = [];
  const save = (position: bigint) =>
    new Promise<void>((done, fail) => {
      calls.push({ position, done, fail });
    });
  return { calls, save };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CheckpointTrail', () => {
  it('writes one position at a time and collapses those acknowledged meanwhile into the latest', async () => {
    const { calls, save } = gatedSaves();
    const saved: bigint[] = [];
    const trail = new CheckpointTrail(10n, save, (p) => saved.push(p));
    trail.advance(20n);
    trail.advance(30n);
    trail.advance(40n);
    expect(calls.map((c) => c.position)).toEqual([20n]); // one write in flight
    expect(trail.lag).toBe(3);

    calls[0].done();
    await settle();
    expect(calls.map((c) => c.position)).toEqual([20n, 40n]); // 30 is covered by 40
    expect(trail.lag).toBe(2);

    const idle = trail.idle();
    calls[1].done();
    await idle;
    expect(saved).toEqual([20n, 40n]);
    expect(trail.lag).toBe(0);
  });

  it('ignores positions that do not move forward, and starts writing again after going idle', async () => {
    const { calls, save } = gatedSaves();
    const trail = new CheckpointTrail(10n, save, () => undefined);
    trail.advance(10n);
    trail.advance(5n);
    expect(calls).toHaveLength(0);
    await trail.idle(); // nothing to wait for

    trail.advance(15n);
    calls[0].done();
    await trail.idle();
    trail.advance(25n);
    expect(calls.map((c) => c.position)).toEqual([15n, 25n]);
    calls[1].done();
    await trail.idle();
    expect(trail.lag).toBe(0);
  });

  it('ends quietly when a save gives up (the relay stopped), leaving the rest for the next start', async () => {
    const { calls, save } = gatedSaves();
    const saved: bigint[] = [];
    const trail = new CheckpointTrail(0n, save, (p) => saved.push(p));
    trail.advance(7n);
    trail.advance(9n);
    const idle = trail.idle();
    calls[0].fail(new Error('relay stopped'));
    await idle;
    expect(saved).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(trail.lag).toBe(2);
  });
});
