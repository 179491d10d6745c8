import { newId } from '#shared-kernel';
import { openIntegrityFixture, type IntegrityFixture } from '../spec-support/integrity-fixture.js';
import { CheckpointTimer, type Scheduler } from './checkpoint-timer.js';

/** A clock the test moves by hand: it holds what the timer asked to run and runs it on `fire`. */
class HandClock implements Scheduler {
  readonly waits: number[] = [];
  private pending: (() => void) | null = null;

  after(ms: number, fn: () => void): () => void {
    this.waits.push(ms);
    this.pending = fn;
    return () => {
      if (this.pending === fn) this.pending = null;
    };
  }

  get armed(): boolean {
    return this.pending !== null;
  }

  fire(): void {
    const fn = this.pending;
    this.pending = null;
    if (!fn) throw new Error('nothing is scheduled');
    fn();
  }
}

describe('the periodic checkpoint, on a clock the test drives', () => {
  let f: IntegrityFixture;
  let clock: HandClock;
  let timer: CheckpointTimer;
  const warnings: string[] = [];
  beforeEach(async () => {
    f = await openIntegrityFixture();
    clock = new HandClock();
    timer = new CheckpointTimer(f.recorder, 300_000, clock, { warn: (m) => warnings.push(m) });
  });
  afterEach(async () => {
    await timer.stop();
    await f.close();
  });

  /** Fires the clock and waits for that tick's checkpoint (or its decision to record none). */
  const tick = async () => {
    clock.fire();
    return timer.current;
  };

  it('records a checkpoint each interval when something new was recorded, and none when idle', async () => {
    timer.start();
    expect(clock.waits).toEqual([300_000]);
    await f.append(`case-${newId()}`, 4);
    expect((await tick())?.checkpoint).toMatchObject({ seq: 0, treeSize: 4 });
    // Only the checkpoint's own event is new: an idle ledger is not signed again.
    expect(await tick()).toBeNull();
    await f.append(`case-${newId()}`, 1);
    expect((await tick())?.checkpoint).toMatchObject({ seq: 1, treeSize: 6 });
    expect((await f.index.latest())?.checkpoint.seq).toBe(1);
    expect(clock.waits.length).toBeGreaterThanOrEqual(3);
    expect(warnings).toEqual([]);
  });

  it('logs a failed tick and keeps ticking; stop cancels the next one', async () => {
    timer.start();
    await f.append(`case-${newId()}`, 2);
    await f.sql.query('DROP TABLE integrity_checkpoints');
    expect(await tick()).toBeNull();
    expect(warnings.some((w) => w.startsWith('checkpoint failed'))).toBe(true);
    // The next wait was armed after the failure.
    expect(clock.armed).toBe(true);
    await timer.stop();
    expect(clock.armed).toBe(false);
  });

  it('does not run at all with an interval of 0', () => {
    new CheckpointTimer(f.recorder, 0, clock).start();
    expect(clock.waits).toEqual([]);
  });
});
