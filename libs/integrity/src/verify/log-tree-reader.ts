import type { IntegrityIndex } from '../index/integrity-index.js';
import { logLeafHash } from '../merkle/integrity-leaves.js';
import { STORED_MIN_LEVEL } from '../merkle/merkle-frontier.js';
import { EMPTY_ROOT, isPowerOfTwo, nodeHash, splitPoint, type Hash } from '../merkle/merkle-hash.js';

/** What a walk over the tree needs from the index; undefined means the row is not there. */
interface Source {
  node(level: number, index: number): Hash | undefined;
  leaf(idx: number): Hash | undefined;
}

class MissingRow extends Error {}

const ZERO = Buffer.alloc(32);

/** First pass of a walk: answers zeros and notes which rows the real walk will read. */
class Planner implements Source {
  readonly nodes = new Map<string, { level: number; index: number }>();
  readonly leaves = new Set<number>();
  node(level: number, index: number): Hash {
    this.nodes.set(`${level}:${index}`, { level, index });
    return ZERO;
  }
  leaf(idx: number): Hash {
    this.leaves.add(idx);
    return ZERO;
  }
}

/**
 * The signed log tree as the index holds it: perfect subtrees from level 4 up are stored, and
 * smaller ones are re-hashed from their leaves. Every walk runs twice — once to learn which rows
 * it needs, then on those rows fetched in two queries — so a proof or a case check costs two
 * round trips, however deep the tree.
 */
export class LogTreeReader {
  constructor(private readonly index: IntegrityIndex) {}

  /**
   * The root of [0, size) where the leaves at the given indexes are the caller's own hashes
   * (computed from the log as it is now) and every other part comes from the index. Equal to the
   * signed root only if those events are exactly what was checkpointed, in those places. Null
   * when a needed row is missing.
   */
  rootWith(size: number, targets: ReadonlyMap<number, Hash>): Promise<Hash | null> {
    const sorted = [...targets.keys()].sort((a, b) => a - b);
    return this.twice((src) => mth(0, size, { sorted, hashes: targets }, src));
  }

  /** PATH(m, D[0:size]) of RFC 6962: the siblings of leaf m from the bottom up. Null when a row is missing. */
  path(m: number, size: number): Promise<Hash[] | null> {
    return this.twice((src) => auditPathOf(m, 0, size, src));
  }

  private async twice<T>(walk: (src: Source) => T): Promise<T | null> {
    const planner = new Planner();
    walk(planner);
    const [nodes, leaves] = await Promise.all([
      this.index.nodes([...planner.nodes.values()]),
      this.index.leavesByIdx([...planner.leaves]),
    ]);
    const src: Source = {
      node: (level, index) => nodes.get(`${level}:${index}`),
      leaf: (idx) => {
        const row = leaves.get(idx);
        return row ? logLeafHash(row) : undefined;
      },
    };
    try {
      return walk(src);
    } catch (error) {
      if (error instanceof MissingRow) return null;
      throw error;
    }
  }
}

interface Targets {
  readonly sorted: readonly number[];
  readonly hashes: ReadonlyMap<number, Hash>;
}

function anyIn(t: Targets, lo: number, hi: number): boolean {
  let a = 0;
  let b = t.sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (t.sorted[mid] < lo) a = mid + 1;
    else b = mid;
  }
  return a < t.sorted.length && t.sorted[a] < hi;
}

function mth(lo: number, hi: number, t: Targets, src: Source): Hash {
  if (!anyIn(t, lo, hi)) return stored(lo, hi, src);
  if (hi - lo === 1) return t.hashes.get(lo)!;
  const k = splitPoint(hi - lo);
  return nodeHash(mth(lo, lo + k, t, src), mth(lo + k, hi, t, src));
}

/** MTH of [lo, hi) from the index alone. */
function stored(lo: number, hi: number, src: Source): Hash {
  const n = hi - lo;
  if (n === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(n) && lo % n === 0 && n >= 2 ** STORED_MIN_LEVEL) {
    const hash = src.node(Math.round(Math.log2(n)), lo / n);
    if (!hash) throw new MissingRow();
    return hash;
  }
  if (n === 1) {
    const hash = src.leaf(lo);
    if (!hash) throw new MissingRow();
    return hash;
  }
  const k = splitPoint(n);
  return nodeHash(stored(lo, lo + k, src), stored(lo + k, hi, src));
}

function auditPathOf(m: number, lo: number, hi: number, src: Source): Hash[] {
  const n = hi - lo;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < lo + k
    ? [...auditPathOf(m, lo, lo + k, src), stored(lo + k, hi, src)]
    : [...auditPathOf(m, lo + k, hi, src), stored(lo, lo + k, src)];
}
