import { IdempotencyConflictError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { EventStore } from '../event-store.port.js';
import {
  aStream,
  densePositions,
  events,
  increasing,
  newEvent,
  readStreamAll,
  type ContractSubject,
} from './contract-fixtures.js';

/** Appends: the four expectations, conflicts, atomicity across streams, idempotency keys. */
export function appendContract(subject: () => ContractSubject): void {
  const store = (): EventStore => subject().store;

  it('no_stream creates a stream at revision 0 and refuses an existing one', async () => {
    const s = aStream();
    const first = await store().append([{ streamId: s, events: events(2), expectedRevision: 'no_stream' }]);
    expect(first.streams).toEqual([{ streamId: s, nextRevision: 1n }]);
    expect(first.events.map((e) => e.revision)).toEqual([0n, 1n]);
    await expect(
      store().append([{ streamId: s, events: events(1), expectedRevision: 'no_stream' }]),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await readStreamAll(store(), s)).toHaveLength(2);
  });

  it('an exact revision appends after it and refuses a stale, a future or a missing stream', async () => {
    const s = aStream();
    await store().append([{ streamId: s, events: events(1), expectedRevision: 'no_stream' }]);
    const next = await store().append([{ streamId: s, events: events(2), expectedRevision: 0n }]);
    expect(next.streams[0].nextRevision).toBe(2n);
    const stale = store().append([{ streamId: s, events: events(1), expectedRevision: 0n }]);
    await expect(stale).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', streamId: s, actual: '2' });
    // The stream is shorter than the expectation: must not append at revision 6.
    const future = store().append([{ streamId: s, events: events(1), expectedRevision: 5n }]);
    await expect(future).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    const missing = store().append([{ streamId: aStream(), events: events(1), expectedRevision: 0n }]);
    await expect(missing).rejects.toMatchObject({ actual: 'no_stream' });
    expect((await readStreamAll(store(), s)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
  });

  it('stream_exists refuses a missing stream and appends to an existing one', async () => {
    const s = aStream();
    await expect(
      store().append([{ streamId: s, events: events(1), expectedRevision: 'stream_exists' }]),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await store().append([{ streamId: s, events: events(1), expectedRevision: 'any' }]);
    const r = await store().append([{ streamId: s, events: events(1), expectedRevision: 'stream_exists' }]);
    expect(r.streams[0].nextRevision).toBe(1n);
  });

  it('any appends whatever the stream holds', async () => {
    const s = aStream();
    await store().append([{ streamId: s, events: events(1), expectedRevision: 'any' }]);
    const r = await store().append([{ streamId: s, events: events(2), expectedRevision: 'any' }]);
    expect(r.events.map((e) => e.revision)).toEqual([1n, 2n]);
  });

  it('of two concurrent appends expecting the same revision exactly one wins', async () => {
    const s = aStream();
    await store().append([{ streamId: s, events: events(1), expectedRevision: 'no_stream' }]);
    const outcomes = await Promise.allSettled([
      store().append([{ streamId: s, events: events(1), expectedRevision: 0n }]),
      store().append([{ streamId: s, events: events(1), expectedRevision: 0n }]),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(await readStreamAll(store(), s)).toHaveLength(2);
  });

  it('writes several streams atomically with consecutive positions', async () => {
    const [a, b] = [aStream(), aStream()];
    const before = await store().headPosition();
    const r = await store().append([
      { streamId: a, events: events(2), expectedRevision: 'no_stream' },
      { streamId: b, events: events(1), expectedRevision: 'no_stream' },
    ]);
    expect(r.streams).toEqual([
      { streamId: a, nextRevision: 1n },
      { streamId: b, nextRevision: 0n },
    ]);
    const written = r.events.map((e) => e.position);
    if (densePositions(subject())) expect(written).toEqual([before + 1n, before + 2n, before + 3n]);
    expect(increasing([before, ...written])).toBe(true);
    expect(r.position).toBe(written[2]);
    expect(await store().headPosition()).toBe(r.position);
  });

  it('a conflict on one stream writes nothing on the others', async () => {
    const [a, b] = [aStream(), aStream()];
    await store().append([{ streamId: b, events: events(1), expectedRevision: 'no_stream' }]);
    const before = await store().headPosition();
    const attempt = store().append([
      { streamId: a, events: events(3), expectedRevision: 'no_stream' },
      { streamId: b, events: events(1), expectedRevision: 'no_stream' },
    ]);
    await expect(attempt).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', streamId: b });
    expect(await readStreamAll(store(), a)).toEqual([]);
    expect(await readStreamAll(store(), b)).toHaveLength(1);
    expect(await store().headPosition()).toBe(before);
  });

  it('a write without events only checks its expectation', async () => {
    const [a, b] = [aStream(), aStream()];
    await store().append([{ streamId: b, events: events(2), expectedRevision: 'no_stream' }]);
    const head = await store().headPosition();
    const check = await store().append([{ streamId: b, events: [], expectedRevision: 1n }]);
    expect(check).toMatchObject({ position: head, events: [], streams: [{ streamId: b, nextRevision: 1n }] });
    const guarded = await store().append([
      { streamId: a, events: events(1), expectedRevision: 'no_stream' },
      { streamId: b, events: [], expectedRevision: 1n },
    ]);
    if (densePositions(subject())) expect(guarded.position).toBe(head + 1n);
    expect(guarded.position).toBeGreaterThan(head);
    const refused = store().append([
      { streamId: aStream(), events: events(1), expectedRevision: 'no_stream' },
      { streamId: b, events: [], expectedRevision: 0n },
    ]);
    await expect(refused).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', streamId: b });
    expect(await store().headPosition()).toBe(guarded.position);
  });

  it('positions and revisions are bigint, also past 2^53', async () => {
    const s = aStream();
    const r = await store().append([{ streamId: s, events: events(1), expectedRevision: 'any' }]);
    expect(typeof r.position).toBe('bigint');
    const [read] = await readStreamAll(store(), s);
    expect(typeof read.revision).toBe('bigint');
    expect(typeof read.position).toBe('bigint');
    expect(read.position).toBe(r.position);
    expect(typeof (await store().headPosition())).toBe('bigint');
    const huge = store().append([{ streamId: s, events: events(1), expectedRevision: 9_007_199_254_740_993n }]);
    await expect(huge).rejects.toMatchObject({ expected: '9007199254740993', actual: '0' });
  });

  it('stores the idempotency record with the events and refuses the key a second time', async () => {
    const key = `contract:${aStream()}`;
    const s = aStream();
    expect(await store().findIdempotency(key)).toBeNull();
    const r = await store().append([{ streamId: s, events: events(1), expectedRevision: 'no_stream' }], {
      idempotency: { key, requestHash: 'h1', response: (res) => ({ position: res.position.toString(), id: s }) },
    });
    expect(await store().findIdempotency(key)).toEqual({
      key,
      requestHash: 'h1',
      response: { position: r.position.toString(), id: s },
    });
    const head = await store().headPosition();
    const again = store().append([{ streamId: aStream(), events: events(1), expectedRevision: 'no_stream' }], {
      idempotency: { key, requestHash: 'h1', response: () => ({}) },
    });
    await expect(again).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(await store().headPosition()).toBe(head);
  });

  it('round-trips Vietnamese, Chinese and other UTF-8 text exactly', async () => {
    const s = aStream();
    const data = {
      placeVi: 'Cửa khẩu Hữu Nghị, Lạng Sơn',
      placeZh: '友谊关口岸，凭祥市',
      note: 'Biên bản giao nhận — 交接记录 ✓ 🇻🇳🇨🇳',
      nested: [{ 'khóa 键': 'giá trị 值' }],
    };
    await store().append([{ streamId: s, events: [newEvent('Noted', data)], expectedRevision: 'no_stream' }]);
    const [read] = await readStreamAll(store(), s);
    expect(read.data).toEqual(data);
  });
}
