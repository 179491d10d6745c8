import { createHash } from 'node:crypto';

/**
 * RFC 6962 / RFC 9162 tree hashing (the Certificate Transparency rules): a leaf is hashed with a
 * 0x00 prefix and an inner node with 0x01, so no leaf can be passed off as a node (the
 * second-preimage attack on plain Merkle trees), and the tree of n leaves splits at the largest
 * power of two below n, which makes it append-only friendly.
 */
export type Hash = Buffer;

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** MTH of no leaves: SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

export const leafHash = (data: string | Buffer): Hash => createHash('sha256').update(LEAF).update(data).digest();

export const nodeHash = (left: Hash, right: Hash): Hash =>
  createHash('sha256').update(NODE).update(left).update(right).digest();

/** Largest power of two strictly below n (n ≥ 2). Plain arithmetic: sizes exceed 32-bit bitwise. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** MTH over leaf hashes held in memory (a bucket of stream heads, a 16-leaf block). */
export function treeHash(leaves: readonly Hash[], lo = 0, hi = leaves.length): Hash {
  const n = hi - lo;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[lo];
  const k = splitPoint(n);
  return nodeHash(treeHash(leaves, lo, lo + k), treeHash(leaves, lo + k, hi));
}

/** PATH(m, D[lo:hi]) of RFC 6962 over leaf hashes held in memory: the siblings from the leaf upwards. */
export function auditPath(leaves: readonly Hash[], m: number, lo = 0, hi = leaves.length): Hash[] {
  const n = hi - lo;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...auditPath(leaves, m, lo, lo + k), treeHash(leaves, lo + k, hi)]
    : [...auditPath(leaves, m - k, lo + k, hi), treeHash(leaves, lo, lo + k)];
}

/**
 * The root an audit path leads to (RFC 9162 §2.1.3.2), or null when the path cannot belong to a
 * leaf at this index of a tree of this size. Compare the result with a signed root.
 */
export function rootFromPath(leaf: Hash, index: number, size: number, path: readonly Hash[]): Hash | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export const toHex = (h: Hash): string => h.toString('hex');

const HEX64 = /^[0-9a-f]{64}$/;
export const isHex64 = (value: unknown): value is string => typeof value === 'string' && HEX64.test(value);

export function fromHex(hex: string): Hash {
  if (!isHex64(hex)) throw new Error('not a SHA-256 hex digest');
  return Buffer.from(hex, 'hex');
}
