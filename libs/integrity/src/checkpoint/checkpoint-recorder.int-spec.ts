import { SqlEventStore } from '#event-store';
import { newId } from '#shared-kernel';
import { IntegrityIndex, type IndexChange, type StoredCheckpoint } from '../index/integrity-index.js';
import { BucketTree, bucketDigest } from '../merkle/bucket-tree.js';
import { bucketOf, logLeafHash, type HeadEntry } from '../merkle/integrity-leaves.js';
import { toHex, treeHash } from '../merkle/merkle-hash.js';
import {
  openIntegrityFixture,
  SPEC_ACTOR,
  specEvent,
  type IntegrityFixture,
} from '../spec-support/integrity-fixture.js';
import { CHECKPOINT_STREAM, checkpointHash, checkpointMessage, NO_PREVIOUS } from './checkpoint.js';
import { IndexTamperedError, LogInconsistentError } from './checkpoint-builder.js';

const onDemand = { trigger: 'on_demand', actor: SPEC_ACTOR } as const;

/** The roots recomputed from scratch over the whole log: what an incremental checkpoint must equal. */
async function fromScratch(
  f: IntegrityFixture,
  upTo: bigint,
): Promise<{ root: string; headsRoot: string; size: number }> {
  const leaves: Buffer[] = [];
  const heads = new Map<string, HeadEntry>();
  for await (const e of f.store.readAll({ to: upTo })) {
    const leaf = { position: e.position, streamId: e.streamId, revision: e.revision, eventHash: e.metadata.hash };
    leaves.push(logLeafHash(leaf));
    heads.set(e.streamId, leaf);
  }
  const buckets = new Map<number, HeadEntry[]>();
  for (const h of heads.values()) buckets.set(bucketOf(h.streamId), [...(buckets.get(bucketOf(h.streamId)) ?? []), h]);
  const tree = BucketTree.from(new Map([...buckets].map(([b, list]) => [b, bucketDigest(list)])));
  return { root: toHex(treeHash(leaves)), headsRoot: toHex(tree.root()), size: leaves.length };
}

describe('signed checkpoints (PGlite)', () => {
  let f: IntegrityFixture;
  beforeEach(async () => {
    f = await openIntegrityFixture();
  });
  afterEach(async () => f.close());

  it('signs the roots of the whole log and of every stream head, chained to the previous checkpoint', async () => {
    await f.append(`case-${newId()}`, 3);
    await f.append(`person-${newId()}`, 20);
    const first = (await f.recorder.record(onDemand))!;
    const c = first.checkpoint;
    expect(c).toMatchObject({ version: 1, seq: 0, treeSize: 23, headPosition: '23', previous: NO_PREVIOUS });
    expect(f.key.verify(checkpointMessage(c), c.signature)).toBe(true);
    expect(c.keyId).toBe(f.key.keyId);
    expect({ root: c.root, headsRoot: c.headsRoot, size: c.treeSize }).toEqual(await fromScratch(f, 23n));

    await f.append(`case-${newId()}`, 40);
    const second = (await f.recorder.record(onDemand))!;
    // The first checkpoint's own event (position 24) is covered by the second.
    expect(second.checkpoint).toMatchObject({ seq: 1, treeSize: 64, previous: checkpointHash(c) });
    expect(second.hash).toBe(checkpointHash(second.checkpoint));
    const again = await fromScratch(f, 64n);
    expect({ root: second.checkpoint.root, headsRoot: second.checkpoint.headsRoot }).toEqual({
      root: again.root,
      headsRoot: again.headsRoot,
    });
    const inLog = [];
    for await (const e of f.store.readStream(CHECKPOINT_STREAM)) inLog.push(e.data);
    expect(inLog).toMatchObject([
      { seq: 0, trigger: 'on_demand' },
      { seq: 1, trigger: 'on_demand' },
    ]);
  });

  it('reads only what was appended since the last checkpoint', async () => {
    const viaPort = f.recorderWith();
    await f.append(`case-${newId()}`, 50);
    await viaPort.record(onDemand);
    await f.append(`case-${newId()}`, 5);
    const delivered: bigint[] = [];
    const readAll = f.store.readAll.bind(f.store);
    f.store.readAll = (options) => {
      const pages = readAll(options);
      return (async function* () {
        for await (const e of pages) {
          delivered.push(e.position);
          yield e;
        }
      })();
    };
    await viaPort.record(onDemand);
    // The 5 new events and the previous checkpoint's own event: never the 50 sealed before.
    expect(delivered).toEqual([51n, 52n, 53n, 54n, 55n, 56n]);
  });

  it('records nothing on the timer rule when only checkpoints were recorded since', async () => {
    await f.append(`case-${newId()}`, 2);
    const rule = { ...onDemand, onlyIfNew: true };
    expect(await f.recorder.record(rule)).not.toBeNull();
    expect(await f.recorder.record(rule)).toBeNull();
    await f.append(`case-${newId()}`, 1);
    expect((await f.recorder.record(rule))?.checkpoint.seq).toBe(1);
  });

  it('orders two processes checkpointing at once, each on top of the other', async () => {
    await f.append(`case-${newId()}`, 10);
    const other = f.recorderWith(new IntegrityIndex(f.sql));
    const made = await Promise.all([f.recorder.record(onDemand), other.record(onDemand), f.recorder.record(onDemand)]);
    expect(made.map((s) => s!.checkpoint.seq).sort()).toEqual([0, 1, 2]);
    const latest = (await f.index.latest())!;
    expect(latest.checkpoint.seq).toBe(2);
    const scratch = await fromScratch(f, BigInt(latest.checkpoint.headPosition));
    expect(latest.checkpoint.root).toBe(scratch.root);
  });

  it('completes a checkpoint whose process died between its event and the index', async () => {
    await f.append(`case-${newId()}`, 7);
    class DiesOnce extends IntegrityIndex {
      died = false;
      override async commit(stored: StoredCheckpoint, change: IndexChange): Promise<void> {
        if (!this.died) {
          this.died = true;
          throw new Error('killed');
        }
        return super.commit(stored, change);
      }
    }
    await expect(f.recorderWith(new DiesOnce(f.sql)).record(onDemand)).rejects.toThrow('killed');
    expect(await f.index.latest()).toBeNull();
    const repaired = await f.recorder.latest();
    expect(repaired?.checkpoint).toMatchObject({ seq: 0, treeSize: 7 });
    expect((await f.recorder.record(onDemand))?.checkpoint).toMatchObject({ seq: 1, previous: repaired!.hash });
  });

  it('refuses to seal a stream that was rewritten behind the last checkpoint', async () => {
    const stream = `case-${newId()}`;
    await f.append(stream, 3);
    await f.recorder.record(onDemand);
    // Someone with the database deletes the sealed head and appends from the one before it.
    await f.sql.query('DELETE FROM events WHERE stream_id = $1 AND revision = 2', [stream]);
    // A store with no head cache of its own, as a second process would be.
    const intruder = await SqlEventStore.open(f.sql);
    await intruder.append([{ streamId: stream, events: [specEvent('Rewritten', {})], expectedRevision: 1n }]);
    await expect(f.recorder.record(onDemand)).rejects.toThrow(LogInconsistentError);
  });

  it('refuses to extend an index whose frontier or heads were changed', async () => {
    await f.append(`case-${newId()}`, 20);
    await f.recorder.record(onDemand);
    await f.sql.query(`UPDATE integrity_checkpoints SET frontier = ARRAY['4:' || repeat('0', 64)] || frontier[2:]`);
    await expect(f.recorderWith(new IntegrityIndex(f.sql)).record(onDemand)).rejects.toThrow(IndexTamperedError);
  });
});
