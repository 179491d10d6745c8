import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { BucketTree, bucketDigest } from './bucket-tree.js';
import { bucketLeafHash, HEAD_BUCKETS } from './integrity-leaves.js';
import { MerkleFrontier, STORED_MIN_LEVEL } from './merkle-frontier.js';
import { auditPath, EMPTY_ROOT, leafHash, nodeHash, rootFromPath, treeHash, type Hash } from './merkle-hash.js';

const leaves = (n: number): Hash[] => Array.from({ length: n }, (_, i) => leafHash(`leaf ${i}`));

describe('RFC 6962 tree hashing', () => {
  it('hashes like the RFC: empty, one leaf, and the split at the largest power of two', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(createHash('sha256').digest('hex'));
    const l = leaves(3);
    expect(treeHash(l.slice(0, 1))).toEqual(l[0]);
    expect(treeHash(l)).toEqual(nodeHash(nodeHash(l[0], l[1]), l[2]));
    // 0x00 / 0x01 prefixes: a leaf never equals a node over the same bytes.
    expect(leafHash(Buffer.concat([l[0], l[1]]))).not.toEqual(nodeHash(l[0], l[1]));
  });

  it('extends a frontier one leaf at a time to the same root as hashing the whole tree', () => {
    const all = leaves(300);
    const frontier = MerkleFrontier.empty();
    expect(frontier.root()).toEqual(EMPTY_ROOT);
    for (let n = 1; n <= all.length; n++) {
      for (const node of frontier.append(all[n - 1])) {
        const span = 2 ** node.level;
        expect(node.hash).toEqual(treeHash(all, node.index * span, (node.index + 1) * span));
      }
      expect(frontier.root()).toEqual(treeHash(all.slice(0, n)));
    }
    const again = MerkleFrontier.parse(frontier.size, frontier.encode());
    again.append(leafHash('next'));
    expect(again.root()).toEqual(treeHash([...all, leafHash('next')]));
    expect(() => MerkleFrontier.parse(301, frontier.encode())).toThrow(/does not fit/);
    expect(STORED_MIN_LEVEL).toBe(4);
  });

  it('proves every leaf of every small tree, and refuses a path that was altered', () => {
    for (let size = 1; size <= 40; size++) {
      const all = leaves(size);
      const root = treeHash(all);
      for (let m = 0; m < size; m++) {
        const path = auditPath(all, m);
        expect(rootFromPath(all[m], m, size, path)).toEqual(root);
        expect(rootFromPath(leafHash('other'), m, size, path)).not.toEqual(root);
        if (path.length > 0) {
          const bent = path.map((p, i) => (i === 0 ? leafHash('x') : p));
          expect(rootFromPath(all[m], m, size, bent)).not.toEqual(root);
          expect(rootFromPath(all[m], m, size, path.slice(1))).not.toEqual(root);
        }
        if (size > 1) expect(rootFromPath(all[m], (m + 1) % size, size, path)).not.toEqual(root);
      }
      expect(rootFromPath(all[0], size, size, [])).toBeNull();
    }
  });

  it('proves random leaves of random larger trees (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.nat(), (size, pick) => {
        const all = leaves(size);
        const m = pick % size;
        return rootFromPath(all[m], m, size, auditPath(all, m))?.equals(treeHash(all)) ?? false;
      }),
      { numRuns: 60 },
    );
  });
});

describe('the tree over the stream-head buckets', () => {
  it('is the RFC 6962 root of the 4096 bucket leaves, updates by path, and proves a bucket', () => {
    const digests = new Map<number, Hash>([
      [7, bucketDigest([{ streamId: 'case-a', revision: 3n, eventHash: 'a'.repeat(64) }])],
      [4095, bucketDigest([{ streamId: 'case-b', revision: 0n, eventHash: 'b'.repeat(64) }])],
    ]);
    const tree = BucketTree.from(digests);
    const expected = (d: Map<number, Hash>): Hash =>
      treeHash(Array.from({ length: HEAD_BUCKETS }, (_, b) => bucketLeafHash(b, d.get(b) ?? EMPTY_ROOT)));
    expect(tree.root()).toEqual(expected(digests));
    const changed = bucketDigest([{ streamId: 'case-c', revision: 9n, eventHash: 'c'.repeat(64) }]);
    tree.set(100, changed);
    digests.set(100, changed);
    expect(tree.root()).toEqual(expected(digests));
    expect(rootFromPath(tree.leaf(100), 100, HEAD_BUCKETS, tree.path(100))).toEqual(tree.root());
  });

  it('does not depend on the order the entries of a bucket come in', () => {
    const a = { streamId: 'case-1', revision: 1n, eventHash: '1'.repeat(64) };
    const b = { streamId: 'case-2', revision: 2n, eventHash: '2'.repeat(64) };
    expect(bucketDigest([a, b])).toEqual(bucketDigest([b, a]));
    expect(bucketDigest([])).toEqual(EMPTY_ROOT);
  });
});
