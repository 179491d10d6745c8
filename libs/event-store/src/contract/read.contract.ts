import { newId } from '#shared-kernel';
import { GENESIS_HASH } from '../event-envelope.js';
import type { EventStore } from '../event-store.port.js';
import { verifyChain } from '../hash-chain.js';
import {
  aStream,
  collect,
  densePositions,
  events,
  increasing,
  newEvent,
  readStreamAll,
  type ContractSubject,
} from './contract-fixtures.js';

/** Reads in order with paging and bounds; the hash chain over what was read. */
export function readContract(subject: () => ContractSubject): void {
  const store = (): EventStore => subject().store;

  it('reads a stream larger than several pages in revision order', async () => {
    const s = aStream();
    for (let i = 0; i < 5; i++) await store().append([{ streamId: s, events: events(9), expectedRevision: 'any' }]);
    const read = await collect(store().readStream(s, { pageSize: 4 }));
    expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 45 }, (_, i) => BigInt(i)));
    expect(read.every((e) => e.streamId === s)).toBe(true);
    const positions = read.map((e) => e.position);
    expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
  });

  it('reads a stream within from/to revision bounds', async () => {
    const s = aStream();
    await store().append([{ streamId: s, events: events(12), expectedRevision: 'no_stream' }]);
    const middle = await collect(store().readStream(s, { fromRevision: 3n, toRevision: 8n, pageSize: 2 }));
    expect(middle.map((e) => e.revision)).toEqual([3n, 4n, 5n, 6n, 7n, 8n]);
    expect(await collect(store().readStream(s, { fromRevision: 12n }))).toEqual([]);
    expect(await collect(store().readStream(s, { toRevision: 0n }))).toHaveLength(1);
    expect(await collect(store().readStream(aStream()))).toEqual([]);
  });

  it('reads the global log in position order, after/to bounded, without holes', async () => {
    const before = await store().headPosition();
    const [a, b] = [aStream(), aStream()];
    await store().append([{ streamId: a, events: events(4), expectedRevision: 'no_stream' }]);
    await store().append([{ streamId: b, events: events(3), expectedRevision: 'no_stream' }]);
    await store().append([{ streamId: a, events: events(4), expectedRevision: 3n }]);
    const all = await collect(store().readAll({ after: before, pageSize: 3 }));
    const at = all.map((e) => e.position);
    if (densePositions(subject())) expect(at).toEqual(Array.from({ length: 11 }, (_, i) => before + 1n + BigInt(i)));
    expect(at).toHaveLength(11);
    expect(increasing([before, ...at])).toBe(true);
    expect(all.map((e) => e.streamId)).toEqual([
      ...Array<string>(4).fill(a),
      ...Array<string>(3).fill(b),
      ...Array<string>(4).fill(a),
    ]);
    const window = await collect(store().readAll({ after: at[1], to: at[5], pageSize: 2 }));
    expect(window.map((e) => e.position)).toEqual(at.slice(2, 6));
    expect(await collect(store().readAll({ after: at[10] }))).toEqual([]);
  });

  it('reads the envelope back as written', async () => {
    const s = aStream();
    const caseId = newId();
    const written = newEvent('CaseOpened', { ref: 'LC-2026-001', count: 3, flag: true, none: null }, caseId);
    const r = await store().append([{ streamId: s, events: [written], expectedRevision: 'no_stream' }]);
    const [read] = await readStreamAll(store(), s);
    expect(read).toEqual({
      id: written.id,
      type: 'CaseOpened',
      schemaVersion: 1,
      streamId: s,
      revision: 0n,
      position: r.position,
      data: written.data,
      metadata: { ...written.metadata, prevHash: GENESIS_HASH, hash: r.events[0].metadata.hash },
    });
  });

  it('links each event to the previous one of its stream and the chain verifies', async () => {
    const s = aStream();
    const r1 = await store().append([{ streamId: s, events: events(2), expectedRevision: 'no_stream' }]);
    await store().append([{ streamId: aStream(), events: events(1), expectedRevision: 'no_stream' }]);
    const r2 = await store().append([{ streamId: s, events: events(2), expectedRevision: 1n }]);
    const chain = [...r1.events, ...r2.events];
    expect(chain[0].metadata.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < chain.length; i++) expect(chain[i].metadata.prevHash).toBe(chain[i - 1].metadata.hash);
    expect(new Set(chain.map((e) => e.metadata.hash)).size).toBe(4);
    expect(await verifyChain(store().readStream(s))).toEqual({ valid: true, events: 4 });
    expect(await verifyChain(r2.events)).toMatchObject({ valid: false });
  });

  it('still verifies data holding bigint, dates and absent fields', async () => {
    const s = aStream();
    const data = { amount: 12345678901234567890n, at: new Date('2026-03-01T02:00:00Z'), gone: undefined, list: [1, 2] };
    await store().append([{ streamId: s, events: [newEvent('Odd', data)], expectedRevision: 'no_stream' }]);
    expect(await verifyChain(store().readStream(s))).toEqual({ valid: true, events: 1 });
    const [read] = await readStreamAll(store(), s);
    expect(read.data).toEqual({ amount: '12345678901234567890', at: '2026-03-01T02:00:00.000Z', list: [1, 2] });
  });

  it('detects an event whose data was changed behind the store', async () => {
    const tamper = subject().tamper;
    if (!tamper) return;
    const s = aStream();
    const r = await store().append([{ streamId: s, events: events(3), expectedRevision: 'no_stream' }]);
    await tamper(r.events[1].id, { n: 'forged' });
    expect(await verifyChain(store().readStream(s))).toEqual({
      valid: false,
      events: 1,
      brokenAt: { streamId: s, revision: '1', eventId: r.events[1].id },
    });
  });
}
