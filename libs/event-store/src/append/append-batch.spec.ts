import fc from 'fast-check';
import { GENESIS_HASH, type RecordedEvent } from '../event-envelope.js';
import { EventTooLargeError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { ExpectedRevision, StreamWrite } from '../event-store.port.js';
import { verifyChain } from '../hash-chain.js';
import { events, newEvent } from '../contract/contract-fixtures.js';
import { checkExpectation, concatRows, needsUnnest, prepareBatch, statementParams } from './append-batch.js';

const write = (streamId: string, n: number, expectedRevision: ExpectedRevision = 'any'): StreamWrite => ({
  streamId,
  events: events(n),
  expectedRevision,
});

describe('checkExpectation', () => {
  const existing = { revision: 4n, hash: 'h' };
  it.each<[ExpectedRevision, boolean, boolean]>([
    // expected, passes on a missing stream, passes on a stream at revision 4
    ['any', true, true],
    ['no_stream', true, false],
    ['stream_exists', false, true],
    [4n, false, true],
    [3n, false, false],
    [5n, false, false],
    [-1n, false, false],
  ])('%s: missing stream ok=%s, stream at 4 ok=%s', (expected, onMissing, onExisting) => {
    const w = write('s', 1, expected);
    const outcome = (head: typeof existing | null) => {
      try {
        checkExpectation(w, head);
        return true;
      } catch (error) {
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        return false;
      }
    };
    expect(outcome(null)).toBe(onMissing);
    expect(outcome(existing)).toBe(onExisting);
  });
});

describe('prepareBatch', () => {
  it('continues each stream from its head and chains every event to the previous one', () => {
    const heads = new Map([['a', { revision: 6n, hash: 'f'.repeat(64) }]]);
    const batch = prepareBatch([write('a', 2), write('b', 1)], heads, 1 << 20);
    const result = batch.result(100n);
    expect(result.events.map((e) => [e.streamId, e.revision, e.position])).toEqual([
      ['a', 7n, 98n],
      ['a', 8n, 99n],
      ['b', 0n, 100n],
    ]);
    expect(result.events[0].metadata.prevHash).toBe('f'.repeat(64));
    expect(result.events[1].metadata.prevHash).toBe(result.events[0].metadata.hash);
    expect(result.events[2].metadata.prevHash).toBe(GENESIS_HASH);
    expect(result.streams).toEqual([
      { streamId: 'a', nextRevision: 8n },
      { streamId: 'b', nextRevision: 0n },
    ]);
    expect(batch.newHeads.get('a')).toEqual({ revision: 8n, hash: result.events[1].metadata.hash });
  });

  it('binds one event as scalars and several as one array per column', () => {
    const one = prepareBatch([write('a', 1)], new Map(), 1 << 20);
    expect(needsUnnest(one)).toBe(false);
    expect(statementParams(one)).toHaveLength(9);
    expect(statementParams(one).some(Array.isArray)).toBe(false);
    const three = prepareBatch([write('a', 3)], new Map(), 1 << 20);
    expect(needsUnnest(three)).toBe(true);
    const params = statementParams(three);
    expect(params[0]).toBe(3n);
    expect(params.slice(1).every((c) => Array.isArray(c) && c.length === 3)).toBe(true);
  });

  it('concatenates batches keeping each one’s rows together and in order', () => {
    const a = prepareBatch([write('a', 2)], new Map(), 1 << 20);
    const b = prepareBatch([write('b', 1)], new Map(), 1 << 20);
    const both = concatRows([a, b]);
    expect(both.count).toBe(3);
    expect(both.columns[0]).toEqual([...a.columns[0], ...b.columns[0]]);
    expect(both.columns[1]).toEqual(['a', 'a', 'b']);
  });

  it('refuses an event larger than the limit before anything is sent', () => {
    const big = {
      streamId: 'a',
      events: [newEvent('Big', { blob: 'x'.repeat(5000) })],
      expectedRevision: 'any' as const,
    };
    expect(() => prepareBatch([big], new Map(), 4096)).toThrow(EventTooLargeError);
  });

  it('stores exactly the text that was hashed, so what is read back verifies', async () => {
    // Simulates the database round trip: the stored JSON columns parsed back into an event.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ stringUnit: 'grapheme' }), { minLength: 1, maxLength: 4 }),
        async (datas) => {
          const w: StreamWrite = {
            streamId: 's',
            events: datas.map((d) => newEvent('Any', d)),
            expectedRevision: 'any',
          };
          const batch = prepareBatch([w], new Map(), 1 << 22);
          const [ids, , revisions, types, versions, data, metadata] = batch.columns;
          const readBack: RecordedEvent[] = ids.map((id, i) => ({
            id: id as string,
            type: types[i] as string,
            schemaVersion: versions[i] as number,
            streamId: 's',
            revision: revisions[i] as bigint,
            position: BigInt(i + 1),
            data: JSON.parse(data[i] as string) as unknown,
            metadata: JSON.parse(metadata[i] as string) as RecordedEvent['metadata'],
          }));
          expect(await verifyChain(readBack)).toEqual({ valid: true, events: datas.length });
        },
      ),
      { numRuns: 200 },
    );
  });
});
