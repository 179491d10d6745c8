import type { RecordedEvent } from '../event-envelope.js';
import type { EventStore, Subscription } from '../event-store.port.js';
import { aStream, events, gate, waitFor, type ContractSubject } from './contract-fixtures.js';

interface Probe {
  readonly seen: RecordedEvent[];
  readonly caughtUp: bigint[];
  readonly errors: unknown[];
  readonly subscription: Subscription;
}

function subscribe(store: EventStore, after: bigint, onEvent?: (e: RecordedEvent) => Promise<void> | void): Probe {
  const seen: RecordedEvent[] = [];
  const caughtUp: bigint[] = [];
  const errors: unknown[] = [];
  const subscription = store.subscribeAll(after, {
    onEvent: async (e) => {
      await onEvent?.(e);
      seen.push(e);
    },
    onCaughtUp: (p) => void caughtUp.push(p),
    onError: (e) => void errors.push(e),
  });
  return { seen, caughtUp, errors, subscription };
}

const positions = (p: Probe): bigint[] => p.seen.map((e) => e.position);
const range = (from: bigint, to: bigint): bigint[] =>
  Array.from({ length: Number(to - from + 1n) }, (_, i) => from + BigInt(i));

/** Subscriptions: catch-up, caught-up signal, live delivery, resuming, errors, stopping. */
export function subscribeContract(subject: () => ContractSubject): void {
  const store = (): EventStore => subject().store;

  it('catches up, says so, then delivers new appends live in position order', async () => {
    const start = await store().headPosition();
    const s = aStream();
    await store().append([{ streamId: s, events: events(5), expectedRevision: 'no_stream' }]);
    const probe = subscribe(store(), start);
    try {
      await waitFor(() => probe.caughtUp.length > 0, 'caught-up');
      expect(positions(probe)).toEqual(range(start + 1n, start + 5n));
      expect(probe.caughtUp[0]).toBe(start + 5n);
      await store().append([{ streamId: s, events: events(2), expectedRevision: 4n }]);
      await store().append([{ streamId: aStream(), events: events(1), expectedRevision: 'no_stream' }]);
      await waitFor(() => probe.seen.length === 8, 'live events');
      expect(positions(probe)).toEqual(range(start + 1n, start + 8n));
      await waitFor(() => probe.caughtUp.at(-1) === start + 8n, 'caught-up after live events');
      expect(probe.errors).toEqual([]);
    } finally {
      await probe.subscription.stop();
    }
  });

  it('resumes from a checkpoint without repeating or skipping', async () => {
    const start = await store().headPosition();
    await store().append([{ streamId: aStream(), events: events(3), expectedRevision: 'no_stream' }]);
    const first = subscribe(store(), start);
    await waitFor(() => first.seen.length === 3, 'first three');
    await first.subscription.stop();
    const checkpoint = first.seen[2].position;
    await store().append([{ streamId: aStream(), events: events(2), expectedRevision: 'no_stream' }]);
    const second = subscribe(store(), checkpoint);
    try {
      await waitFor(() => second.caughtUp.length > 0, 'caught-up after resume');
      expect(positions(second)).toEqual(range(checkpoint + 1n, checkpoint + 2n));
    } finally {
      await second.subscription.stop();
    }
  });

  it('stops at a handler error and reports it, so the caller restarts from its checkpoint', async () => {
    const start = await store().headPosition();
    const boom = new Error('projection failed');
    let calls = 0;
    const probe = subscribe(store(), start, () => {
      calls += 1;
      if (calls === 2) throw boom;
    });
    await store().append([{ streamId: aStream(), events: events(4), expectedRevision: 'no_stream' }]);
    await waitFor(() => probe.errors.length > 0, 'error reported');
    expect(probe.errors).toEqual([boom]);
    expect(positions(probe)).toEqual([start + 1n]);
    await store().append([{ streamId: aStream(), events: events(1), expectedRevision: 'no_stream' }]);
    await probe.subscription.stop();
    expect(calls).toBe(2);
  });

  it('stop() resolves only after the handler in flight has finished', async () => {
    const start = await store().headPosition();
    const hold = gate();
    const order: string[] = [];
    let entered = false;
    const probe = subscribe(store(), start, async () => {
      entered = true;
      await hold.promise;
      order.push('handler done');
    });
    await store().append([{ streamId: aStream(), events: events(2), expectedRevision: 'no_stream' }]);
    await waitFor(() => entered, 'handler entered');
    const stopped = probe.subscription.stop().then(() => order.push('stopped'));
    hold.open();
    await stopped;
    expect(order).toEqual(['handler done', 'stopped']);
    expect(positions(probe)).toEqual([start + 1n]);
  });
}
