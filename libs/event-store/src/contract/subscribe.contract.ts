import type { RecordedEvent } from '../event-envelope.js';
import type { AppendResult, EventStore, Subscription } from '../event-store.port.js';
import { aStream, densePositions, events, gate, waitFor, type ContractSubject } from './contract-fixtures.js';

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
const written = (...results: AppendResult[]): bigint[] => results.flatMap((r) => r.events.map((e) => e.position));

/** Subscriptions: catch-up, caught-up signal, live delivery, resuming, errors, stopping. */
export function subscribeContract(subject: () => ContractSubject): void {
  const store = (): EventStore => subject().store;
  /** What a subscriber must see: what the appends reported, and for dense stores exactly the next positions. */
  const expected = (from: bigint, results: AppendResult[]): bigint[] => {
    const reported = written(...results);
    if (densePositions(subject())) expect(reported).toEqual(range(from, from + BigInt(reported.length) - 1n));
    return reported;
  };

  it('catches up, says so, then delivers new appends live in position order', async () => {
    const start = await store().headPosition();
    const s = aStream();
    const first = await store().append([{ streamId: s, events: events(5), expectedRevision: 'no_stream' }]);
    const probe = subscribe(store(), start);
    try {
      await waitFor(() => probe.caughtUp.length > 0, 'caught-up');
      expect(positions(probe)).toEqual(expected(start + 1n, [first]));
      expect(probe.caughtUp[0]).toBe(first.position);
      const more = await store().append([{ streamId: s, events: events(2), expectedRevision: 4n }]);
      const other = await store().append([{ streamId: aStream(), events: events(1), expectedRevision: 'no_stream' }]);
      await waitFor(() => probe.seen.length === 8, 'live events');
      expect(positions(probe)).toEqual(expected(start + 1n, [first, more, other]));
      await waitFor(() => probe.caughtUp.at(-1) === other.position, 'caught-up after live events');
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
    const later = await store().append([{ streamId: aStream(), events: events(2), expectedRevision: 'no_stream' }]);
    const second = subscribe(store(), checkpoint);
    try {
      await waitFor(() => second.caughtUp.length > 0, 'caught-up after resume');
      expect(positions(second)).toEqual(expected(checkpoint + 1n, [later]));
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
    const r = await store().append([{ streamId: aStream(), events: events(4), expectedRevision: 'no_stream' }]);
    await waitFor(() => probe.errors.length > 0, 'error reported');
    expect(probe.errors).toEqual([boom]);
    expect(positions(probe)).toEqual(expected(start + 1n, [r]).slice(0, 1));
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
    const r = await store().append([{ streamId: aStream(), events: events(2), expectedRevision: 'no_stream' }]);
    await waitFor(() => entered, 'handler entered');
    const stopped = probe.subscription.stop().then(() => order.push('stopped'));
    hold.open();
    await stopped;
    expect(order).toEqual(['handler done', 'stopped']);
    expect(positions(probe)).toEqual(expected(start + 1n, [r]).slice(0, 1));
  });
}
