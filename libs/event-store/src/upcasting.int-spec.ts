import { newEvent } from './contract/contract-fixtures.js';
import { verifyChain } from './hash-chain.js';
import { openPglite } from './sql/pglite-client.js';
import { SqlEventStore } from './sql/sql-event-store.js';
import { UPCASTERS, UpcasterChain, readCurrent, upcasters, type Upcaster } from './upcasting.js';

/**
 * A change of an event's shape, the way one would land: a handover's `gate` string became a
 * `place` object ({ kind, code }) at version 2, and version 3 added `crossing` with a default.
 * Old events stay as stored (and still verify); readers see them at version 3.
 */
const gateToPlace: Upcaster = {
  type: 'HandoverScheduled',
  fromVersion: 1,
  up: (data) => {
    const { gate, ...rest } = data as { gate: string };
    return { ...rest, place: { kind: 'gate', code: gate } };
  },
};
const addCrossing: Upcaster = {
  type: 'HandoverScheduled',
  fromVersion: 2,
  up: (data) => ({ crossing: 'entry', ...(data as object) }),
};

describe('upcasting: events read at their current shape', () => {
  const chain = new UpcasterChain([addCrossing, gateToPlace]);

  it('applies the chain from the stored version to the current one, in order whatever the list order', () => {
    const v1 = { type: 'HandoverScheduled', schemaVersion: 1, data: { gate: 'HUU_NGHI', at: 'x' } };
    expect(chain.upcast(v1)).toEqual({
      type: 'HandoverScheduled',
      schemaVersion: 3,
      data: { crossing: 'entry', at: 'x', place: { kind: 'gate', code: 'HUU_NGHI' } },
    });
    const v2 = { type: 'HandoverScheduled', schemaVersion: 2, data: { place: { kind: 'marker', code: 'M1' } } };
    expect(chain.upcast(v2).data).toEqual({ crossing: 'entry', place: { kind: 'marker', code: 'M1' } });
    expect(chain.currentVersion('HandoverScheduled')).toBe(3);
  });

  it('leaves current events and other types untouched (the same object)', () => {
    const current = { type: 'HandoverScheduled', schemaVersion: 3, data: {} };
    const other = { type: 'CaseReported', schemaVersion: 1, data: {} };
    expect(chain.upcast(current)).toBe(current);
    expect(chain.upcast(other)).toBe(other);
    expect(chain.currentVersion('CaseReported')).toBe(1);
  });

  it('refuses a chain with a gap or two upcasters for one version', () => {
    expect(() => new UpcasterChain([addCrossing])).toThrow('gap');
    expect(() => new UpcasterChain([gateToPlace, { ...gateToPlace }])).toThrow('two upcasters');
  });

  it('the registry of this codebase forms a valid chain', () => {
    expect(() => new UpcasterChain(UPCASTERS)).not.toThrow();
    for (const u of UPCASTERS) expect(upcasters.currentVersion(u.type)).toBeGreaterThan(u.fromVersion);
  });

  it('reads a stored old event upcast, while the stored bytes still verify against their hashes', async () => {
    const sql = await openPglite('memory://');
    const store = await SqlEventStore.open(sql);
    try {
      await store.append([
        {
          streamId: 'handover-1',
          events: [newEvent('HandoverScheduled', { gate: 'TA_LUNG' })],
          expectedRevision: 'no_stream',
        },
      ]);
      const read = [];
      for await (const e of readCurrent(store, 'handover-1', undefined, chain)) read.push(e);
      expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
        [3, { crossing: 'entry', place: { kind: 'gate', code: 'TA_LUNG' } }],
      ]);
      expect(await verifyChain(store.readStream('handover-1'))).toMatchObject({ valid: true, events: 1 });
    } finally {
      await store.close();
      await sql.close();
    }
  });
});
