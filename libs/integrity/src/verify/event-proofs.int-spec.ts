import { newId } from '#shared-kernel';
import { CheckpointSigningKey } from '#security';
import { openIntegrityFixture, SPEC_ACTOR, type IntegrityFixture } from '../spec-support/integrity-fixture.js';
import { verifyEventProof, type EventProof } from './event-proof.js';

const onDemand = { trigger: 'on_demand', actor: SPEC_ACTOR } as const;

/** One hex digit changed: the smallest edit to a hash. */
const flip = (hex: string): string => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;

describe('inclusion proofs of single events (PGlite)', () => {
  let f: IntegrityFixture;
  const cases: string[] = [];
  const ids: string[] = [];
  beforeAll(async () => {
    f = await openIntegrityFixture();
    // Odd sizes on purpose: the trees are not full, so right-edge subtrees are exercised.
    for (let i = 0; i < 7; i++) {
      cases.push(`case-${newId()}`);
      ids.push(...(await f.append(cases[i], 3 + 5 * i)));
    }
    await f.recorder.record(onDemand);
  });
  afterAll(async () => f.close());

  it('proves every event against the signed checkpoint, checkable with nothing but the public key', async () => {
    for (const id of ids) {
      const proof = await f.proofs.prove(id);
      expect(proof.event.id).toBe(id);
      expect(verifyEventProof(proof, f.key)).toEqual({ valid: true });
      // What a counterpart receives is JSON: the proof survives the trip.
      expect(verifyEventProof(JSON.parse(JSON.stringify(proof)) as EventProof, f.key)).toEqual({ valid: true });
    }
  });

  it('refuses a proof when any part of it was changed, or checked with another key', async () => {
    const proof = await f.proofs.prove(ids[40]);
    const bad: EventProof[] = [
      { ...proof, event: { ...proof.event, hash: flip(proof.event.hash) } },
      { ...proof, event: { ...proof.event, position: String(BigInt(proof.event.position) + 1n) } },
      { ...proof, event: { ...proof.event, revision: String(BigInt(proof.event.revision) + 1n) } },
      { ...proof, event: { ...proof.event, streamId: cases[0] } },
      {
        ...proof,
        inclusion: { ...proof.inclusion, path: [flip(proof.inclusion.path[0]), ...proof.inclusion.path.slice(1)] },
      },
      { ...proof, inclusion: { ...proof.inclusion, leafIndex: proof.inclusion.leafIndex - 1 } },
      { ...proof, streamHead: { ...proof.streamHead, revision: String(BigInt(proof.streamHead.revision) - 1n) } },
      { ...proof, streamHead: { ...proof.streamHead, bucketPath: proof.streamHead.bucketPath.slice(1) } },
      { ...proof, checkpoint: { ...proof.checkpoint, treeSize: proof.checkpoint.treeSize + 1 } },
      { ...proof, checkpoint: { ...proof.checkpoint, root: flip(proof.checkpoint.root) } },
    ];
    for (const p of bad) expect(verifyEventProof(p, f.key).valid).toBe(false);
    expect(verifyEventProof(proof, await CheckpointSigningKey.generate())).toMatchObject({ valid: false });
  });

  it('answers "not checkpointed yet" for a newer event and "not found" for no event', async () => {
    const [fresh] = await f.append(cases[1], 1);
    await expect(f.proofs.prove(fresh)).rejects.toMatchObject({ code: 'INTEGRITY.NOT_CHECKPOINTED' });
    await expect(f.proofs.prove(newId())).rejects.toMatchObject({ code: 'EVENT.NOT_FOUND' });
    expect(await f.proofs.locate(fresh)).toEqual({ streamId: cases[1], revision: 8n });
  });

  it('refuses to prove an event that was changed in the database after the checkpoint', async () => {
    const target = ids[10];
    await f.sql.query(`UPDATE events SET metadata = jsonb_set(metadata, '{hash}', to_jsonb($2::text)) WHERE id = $1`, [
      target,
      'f'.repeat(64),
    ]);
    await expect(f.proofs.prove(target)).rejects.toMatchObject({ code: 'INTEGRITY.PROOF_FAILED' });
    await f.sql.query('UPDATE events SET position = -position WHERE id = $1', [ids[11]]);
    await expect(f.proofs.prove(ids[11])).rejects.toMatchObject({ code: 'INTEGRITY.PROOF_FAILED' });
  });
});
