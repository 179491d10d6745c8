import type { SignedCheckpoint } from '../checkpoint/checkpoint.js';
import type { HeadRow, IntegrityIndex, LeafRow } from '../index/integrity-index.js';
import { bucketOf, logLeafHash } from '../merkle/integrity-leaves.js';
import { fromHex, type Hash } from '../merkle/merkle-hash.js';
import type { EventFacts, StreamRead } from './chain-reading.js';
import type { HeadsTreeCache } from './heads-tree-cache.js';
import type { Findings } from './integrity-report.js';
import { LogTreeReader } from './log-tree-reader.js';

/**
 * Each stream's head against the checkpoint's heads: a stream that is shorter than it was
 * (deleted tail) or gone (deleted stream) is found here, where no hash chain can see it. The
 * heads rows are trusted only after their buckets hash, with every other bucket, to the signed
 * heads root: a head row deleted or lowered to hide a truncation fails that first.
 */
export async function checkHeads(
  heads: HeadsTreeCache,
  checkpoint: SignedCheckpoint,
  reads: readonly StreamRead[],
  findings: Findings,
): Promise<void> {
  const buckets = [...new Set(reads.map((r) => bucketOf(r.streamId)))];
  const { entries, altered } = await heads.entries(checkpoint, buckets);
  if (altered.size > 0) {
    // The first stream whose bucket no longer hashes to what the checkpoint sealed.
    const suspect = reads.find((r) => altered.has(bucketOf(r.streamId)))!;
    findings.add(suspect.order, suspect.last + 1n, { streamId: suspect.streamId, problem: 'heads_mismatch' });
    return;
  }
  const sealed = new Map<string, HeadRow>();
  for (const list of entries.values()) for (const h of list) sealed.set(h.streamId, h);
  const covered = BigInt(checkpoint.headPosition);
  for (const read of reads) {
    const head = sealed.get(read.streamId);
    if (!head) {
      const inside = read.events.find((e) => e.position <= covered);
      if (inside) findings.add(read.order, inside.revision, named(read, inside, 'not_in_checkpoint'));
      continue;
    }
    if (read.last < head.revision) {
      const missing = read.last + 1n;
      findings.add(read.order, missing, {
        streamId: read.streamId,
        problem: read.last < 0n ? 'missing_stream' : 'missing_event',
        ...(missing === head.revision ? { eventId: head.eventId } : {}),
      });
      continue;
    }
    const atHead = read.events.find((e) => e.revision === head.revision);
    if (atHead && atHead.hash !== head.eventHash)
      findings.add(read.order, head.revision, named(read, atHead, 'hash_mismatch'));
  }
}

interface Target {
  readonly read: StreamRead;
  readonly e: EventFacts;
  readonly row: LeafRow;
  readonly hash: Hash;
}

/**
 * Every event the checkpoint covers must be the leaf it was, at the index it was: its leaf is
 * recomputed from the log as it is now (position, stream, revision, hash) and the tree's root
 * rebuilt around those leaves from the index; only an unchanged log gives the signed root.
 * Swapped positions and a stream rewritten with a recomputed chain both fail here. When the
 * root differs, the first bad event is found by halving the list of events.
 */
export async function checkLeaves(
  index: IntegrityIndex,
  checkpoint: SignedCheckpoint,
  reads: readonly StreamRead[],
  findings: Findings,
): Promise<void> {
  const covered = BigInt(checkpoint.headPosition);
  const size = checkpoint.treeSize;
  const candidates = reads.flatMap((read) =>
    read.events.filter((e) => e.position <= covered).map((e) => ({ read, e })),
  );
  if (candidates.length === 0) return;
  const rows = await index.leavesByEventId(candidates.map((c) => c.e.id));
  const targets: Target[] = [];
  const taken = new Set<number>();
  for (const { read, e } of candidates) {
    const row = rows.get(e.id);
    if (!row || row.idx >= size || taken.has(row.idx)) {
      findings.add(read.order, e.revision, named(read, e, 'not_in_checkpoint'));
      continue;
    }
    taken.add(row.idx);
    const leaf = { position: e.position, streamId: read.streamId, revision: e.revision, eventHash: e.hash };
    targets.push({ read, e, row, hash: logLeafHash(leaf) });
  }
  const reader = new LogTreeReader(index);
  const signed = fromHex(checkpoint.root);
  const holds = async (subset: readonly Target[]): Promise<boolean> =>
    (await reader.rootWith(size, new Map(subset.map((t) => [t.row.idx, t.hash]))))?.equals(signed) ?? false;
  if (await holds(targets)) return;
  const ordered = [...targets].sort((a, b) => a.read.order - b.read.order || Number(a.e.revision - b.e.revision));
  let bad: Target | undefined;
  if (await holds([])) {
    // The index is intact: the smallest prefix that breaks the root ends with the first bad event.
    let good = 0;
    let broken = ordered.length;
    while (broken - good > 1) {
      const mid = Math.floor((good + broken) / 2);
      if (await holds(ordered.slice(0, mid))) good = mid;
      else broken = mid;
    }
    bad = ordered[broken - 1];
  } else {
    // The index was changed too: name the first event that differs from its row, else the first covered one.
    bad = ordered.find((t) => !t.hash.equals(logLeafHash(t.row))) ?? ordered[0];
  }
  if (!bad) return;
  const moved =
    bad.row.position !== bad.e.position ||
    bad.row.streamId !== bad.read.streamId ||
    bad.row.revision !== bad.e.revision;
  findings.add(bad.read.order, bad.e.revision, named(bad.read, bad.e, moved ? 'reordered' : 'hash_mismatch'));
}

function named(read: StreamRead, e: EventFacts, problem: 'not_in_checkpoint' | 'hash_mismatch' | 'reordered') {
  return { streamId: read.streamId, eventId: e.id, position: e.position.toString(), problem };
}
