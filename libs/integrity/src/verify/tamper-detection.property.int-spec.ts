import fc from 'fast-check';
import { newId } from '#shared-kernel';
import {
  changeData,
  changeMetadata,
  deleteEvent,
  deleteStream,
  moveRecordedAt,
  renameType,
  restore,
  rewriteChain,
  rowsOf,
  swapPositions,
  swapRevisions,
  TAMPERINGS,
  type EventRow,
  type Tampering,
} from '../spec-support/log-tampering.js';
import {
  openIntegrityFixture,
  SPEC_ACTOR,
  specEvent,
  type IntegrityFixture,
} from '../spec-support/integrity-fixture.js';
import { verifyLog } from './log-verifier.js';

/**
 * A random log, one random tampering, always detected — by the online check of the streams and
 * by the offline check of the whole store. After each run the rows are put back and both checks
 * must pass again, so a detection never comes from an earlier run's leftovers.
 */
const scenario = fc.record({
  // Which stream each appended event goes to (interleaved, so positions and revisions differ).
  appends: fc.array(fc.nat({ max: 3 }), { minLength: 2, maxLength: 18 }),
  tampering: fc.constantFrom(...TAMPERINGS),
  pick: fc.tuple(fc.nat(), fc.nat()),
});

describe('tamper detection, property (PGlite)', () => {
  let f: IntegrityFixture;
  beforeAll(async () => {
    f = await openIntegrityFixture();
  });
  afterAll(async () => f.close());

  it('detects any single tampering of a random log and names an event of a tampered stream', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ appends, tampering, pick }) => {
        const ids = Array.from({ length: 4 }, () => `case-${newId()}`);
        for (const [n, s] of appends.entries())
          await f.store.append([
            { streamId: ids[s], events: [specEvent('Noted', { n, text: `ghi chú ${n}` })], expectedRevision: 'any' },
          ]);
        const streams = ids.filter((_, s) => appends.includes(s));
        await f.recorder.record({ trigger: 'on_demand', actor: SPEC_ACTOR });
        const checkpoint = (await f.index.latest())!.checkpoint;
        const rows = await rowsOf(f.sql, streams);
        const touched = await tamper(f, tampering, rows, streams, pick);
        const toCheck = streams.map((streamId, i) => ({ streamId, linked: i > 0 }));
        const online = await f.verifier.verify(toCheck);
        const offline = await verifyLog(f.store, f.index, checkpoint, f.key, f.sql);
        await restore(f.sql, streams, rows);
        const healed = await f.verifier.verify(toCheck);
        const healedOffline = await verifyLog(f.store, f.index, checkpoint, f.key, f.sql);
        expect({ tampering, online: online.valid, offline: offline.valid }).toEqual({
          tampering,
          online: false,
          offline: false,
        });
        expect(touched).toContain(online.brokenAt?.streamId);
        expect({ healed: healed.valid, offline: healedOffline.valid }).toEqual({ healed: true, offline: true });
      }),
      { numRuns: Number(process.env.BLO_TAMPER_RUNS ?? 40), seed: Number(process.env.BLO_TAMPER_SEED ?? 20_261_208) },
    );
  });
});

/** Applies one tampering to the rows; returns the streams it touched. */
async function tamper(
  f: IntegrityFixture,
  kind: Tampering,
  rows: readonly EventRow[],
  streams: readonly string[],
  [a, b]: [number, number],
): Promise<string[]> {
  const one = rows[a % rows.length];
  const other = rows[(a + 1 + (b % (rows.length - 1))) % rows.length];
  const sameStream = (r: EventRow) => rows.filter((x) => x.stream_id === r.stream_id);
  switch (kind) {
    case 'data':
      await changeData(f.sql, one);
      return [one.stream_id];
    case 'metadata':
      await changeMetadata(f.sql, one);
      return [one.stream_id];
    case 'type':
      await renameType(f.sql, one);
      return [one.stream_id];
    case 'recorded_at':
      await moveRecordedAt(f.sql, one);
      return [one.stream_id];
    case 'delete_event':
      await deleteEvent(f.sql, one);
      return [one.stream_id];
    case 'delete_stream': {
      // A linked stream (not the first), when there is one; else the first stream's only kind of loss.
      const target = streams.length > 1 ? streams[1 + (a % (streams.length - 1))] : one.stream_id;
      if (streams.length > 1) await deleteStream(f.sql, target);
      else await deleteEvent(f.sql, one);
      return [target];
    }
    case 'swap_positions':
      await swapPositions(f.sql, one, other);
      return [one.stream_id, other.stream_id];
    case 'swap_revisions': {
      const mates = sameStream(one);
      if (mates.length < 2) {
        await swapPositions(f.sql, one, other);
        return [one.stream_id, other.stream_id];
      }
      await swapRevisions(f.sql, mates[b % mates.length], mates[(b + 1) % mates.length]);
      return [one.stream_id];
    }
    case 'rewrite_chain':
      await rewriteChain(f.sql, sameStream(one), one);
      return [one.stream_id];
  }
}
