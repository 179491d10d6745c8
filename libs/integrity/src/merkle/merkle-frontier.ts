import { EMPTY_ROOT, fromHex, nodeHash, toHex, type Hash } from './merkle-hash.js';

/**
 * Nodes of perfect subtrees at this level and above are stored (one row per 16 leaves and
 * fewer higher up); below it a proof re-hashes the leaves of one 16-leaf block. That keeps the
 * index small and the checkpoint's writes at a fraction of the appends it seals.
 */
export const STORED_MIN_LEVEL = 4;
export const BLOCK = 2 ** STORED_MIN_LEVEL;

/** A perfect subtree: leaves [index·2^level, (index+1)·2^level). */
export interface PerfectNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Hash;
}

/**
 * The compact range [0, size) of a Merkle tree: the roots of its perfect subtrees, largest
 * first (one per set bit of size). Appending a leaf merges equal neighbours like a binary
 * counter, so a checkpoint extends the previous tree in O(new leaves), never re-hashing the log.
 */
export class MerkleFrontier {
  private constructor(
    private nodes: { level: number; hash: Hash }[],
    private count: number,
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier([], 0);
  }

  /** As stored beside a checkpoint: `level:hex` per node, largest first. */
  static parse(size: number, encoded: readonly string[]): MerkleFrontier {
    const nodes = encoded.map((e) => {
      const [level, hex] = e.split(':');
      return { level: Number(level), hash: fromHex(hex) };
    });
    const expected = levelsOf(size);
    if (nodes.length !== expected.length || nodes.some((n, i) => n.level !== expected[i]))
      throw new Error('the stored frontier does not fit the tree size');
    return new MerkleFrontier(nodes, size);
  }

  get size(): number {
    return this.count;
  }

  encode(): string[] {
    return this.nodes.map((n) => `${n.level}:${toHex(n.hash)}`);
  }

  /** Adds the next leaf; returns the perfect subtrees it completed (for the node index). */
  append(leaf: Hash): PerfectNode[] {
    const completed: PerfectNode[] = [];
    this.nodes.push({ level: 0, hash: leaf });
    this.count += 1;
    while (this.nodes.length >= 2) {
      const right = this.nodes[this.nodes.length - 1];
      const left = this.nodes[this.nodes.length - 2];
      if (left.level !== right.level) break;
      this.nodes.splice(-2, 2, { level: left.level + 1, hash: nodeHash(left.hash, right.hash) });
      const level = left.level + 1;
      completed.push({ level, index: this.count / 2 ** level - 1, hash: this.nodes[this.nodes.length - 1].hash });
    }
    return completed;
  }

  /** MTH of the whole range: the perfect subtrees folded from the right (RFC 6962's split). */
  root(): Hash {
    if (this.nodes.length === 0) return EMPTY_ROOT;
    let r = this.nodes[this.nodes.length - 1].hash;
    for (let i = this.nodes.length - 2; i >= 0; i--) r = nodeHash(this.nodes[i].hash, r);
    return r;
  }

  clone(): MerkleFrontier {
    return new MerkleFrontier([...this.nodes], this.count);
  }
}

/** The levels of the perfect subtrees of a tree of this size, largest first. */
function levelsOf(size: number): number[] {
  const levels: number[] = [];
  let rest = size;
  for (let level = 60; level >= 0; level--) {
    const span = 2 ** level;
    if (rest >= span) {
      levels.push(level);
      rest -= span;
    }
  }
  return levels;
}
