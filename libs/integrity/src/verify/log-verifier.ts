import { GENESIS_HASH, type EventStore, type RecordedEvent, type SqlClient } from '#event-store';
import { checkpointMessage, type SignedCheckpoint } from '../checkpoint/checkpoint.js';
import type { IntegrityIndex, LeafRow } from '../index/integrity-index.js';
import { BucketTree, bucketDigest } from '../merkle/bucket-tree.js';
import { bucketOf, logLeafHash, type HeadEntry } from '../merkle/integrity-leaves.js';
import { MerkleFrontier } from '../merkle/merkle-frontier.js';
import { toHex } from '../merkle/merkle-hash.js';
import { recomputeHash } from './chain-reading.js';
import type { TrustedKey } from './event-proof.js';
import { hashOf } from './event-proofs.js';
import type { IntegrityProblem } from './integrity-report.js';

export interface BadEvent {
  readonly position: string;
  readonly streamId: string;
  readonly revision: string;
  readonly eventId?: string;
  readonly problem: IntegrityProblem;
}

export interface LogVerdict {
  readonly valid: boolean;
  readonly events: number;
  /** Events the checkpoint covers, as found in the log now. */
  readonly covered: number;
  readonly checkpoint: { readonly seq: number; readonly treeSize: number; readonly headPosition: string };
  /** The checkpoint's own problem, if any: its signature, its root, its heads. */
  readonly checkpointProblem?: 'signature' | 'root' | 'heads';
  /** The first bad event in log order. */
  readonly firstBad?: BadEvent;
}

/** Where the log first differs from the index's leaves: what the index had, what the log has. */
interface LeafDiff {
  readonly row: LeafRow | undefined;
  readonly e: RecordedEvent | undefined;
  movedLater: boolean;
}

interface StreamState {
  next: bigint;
  last: string;
  broken: boolean;
}

const PAGE = 2000;

/**
 * The whole store against one signed checkpoint, offline (`npm run cli -- verify`): every
 * stream's chain in one pass over the log in position order, the log tree rebuilt from scratch
 * up to the checkpoint and compared with its signed root, and every stream's head compared with
 * its signed heads. When the root differs, the index's copy of the leaves (itself checked against
 * the signed root) says which event stood where: the first place they differ is named.
 */
export async function verifyLog(
  store: EventStore,
  index: IntegrityIndex | null,
  checkpoint: SignedCheckpoint,
  key: TrustedKey | null,
  /** The events' own SQL database, when the store is one: its copied columns are checked too. */
  eventsSql: SqlClient | null = null,
): Promise<LogVerdict> {
  const covered = BigInt(checkpoint.headPosition);
  const streams = new Map<string, StreamState>();
  const heads = new Map<string, HeadEntry>();
  const tree = MerkleFrontier.empty();
  let chainBad: BadEvent | undefined;
  let events = 0;
  for await (const e of store.readAll({ pageSize: PAGE })) {
    events += 1;
    chainBad ??= chainCheck(streams, e);
    if (e.position > covered) continue;
    const leaf = { position: e.position, streamId: e.streamId, revision: e.revision, eventHash: hashOf(e) };
    tree.append(logLeafHash(leaf));
    heads.set(e.streamId, leaf);
  }
  const summary = { seq: checkpoint.seq, treeSize: checkpoint.treeSize, headPosition: checkpoint.headPosition };
  const verdict = (checkpointProblem: LogVerdict['checkpointProblem'], firstBad: BadEvent | undefined): LogVerdict => ({
    valid: !checkpointProblem && !firstBad,
    events,
    covered: tree.size,
    checkpoint: summary,
    ...(checkpointProblem ? { checkpointProblem } : {}),
    ...(firstBad ? { firstBad } : {}),
  });
  if (key && (checkpoint.keyId !== key.keyId || !key.verify(checkpointMessage(checkpoint), checkpoint.signature)))
    return verdict('signature', chainBad);
  const rootOk = tree.size === checkpoint.treeSize && toHex(tree.root()) === checkpoint.root;
  const headsOk = toHex(headsRootOf(heads.values())) === checkpoint.headsRoot;
  // Only a log that differs from the checkpoint pays a second pass, beside the index's leaves.
  const fromLeaves = !rootOk && index ? await firstDifference(store, index, checkpoint) : undefined;
  // On a tie the leaf wins: it knows which event the checkpoint had there.
  const first = earliest(earliest(fromLeaves, chainBad), eventsSql ? await firstColumnMismatch(eventsSql) : undefined);
  return verdict(!rootOk ? 'root' : !headsOk ? 'heads' : undefined, first);
}

/**
 * The log and the index's leaves side by side: the first index where they differ, and whether
 * the index's leaves themselves still hash to the signed root (then they say exactly which
 * event the checkpoint had there, and whether it was moved or deleted).
 */
async function firstDifference(
  store: EventStore,
  index: IntegrityIndex,
  checkpoint: SignedCheckpoint,
): Promise<BadEvent | undefined> {
  const covered = BigInt(checkpoint.headPosition);
  const rows = new LeafCursor(index, checkpoint.treeSize);
  const stored = MerkleFrontier.empty();
  let diff: LeafDiff | undefined;
  let idx = 0;
  for await (const e of store.readAll({ pageSize: PAGE })) {
    // The event the checkpoint had where the log first differs: found later means moved, not deleted.
    if (diff?.row && e !== diff.e && e.id === diff.row.eventId) diff.movedLater = true;
    if (e.position > covered) continue;
    const row = await rows.at(idx);
    idx += 1;
    if (row) stored.append(logLeafHash(row));
    if (!diff && (!row || !sameLeaf(row, e))) diff = { row, e, movedLater: false };
  }
  // Leaves the index has beyond what the log still holds: events deleted from the covered range.
  for (; idx < checkpoint.treeSize; idx++) {
    const row = await rows.at(idx);
    if (!row) break;
    stored.append(logLeafHash(row));
    diff ??= { row, e: undefined, movedLater: false };
  }
  const authentic = stored.size === checkpoint.treeSize && toHex(stored.root()) === checkpoint.root;
  return diff ? describe(diff, authentic) : undefined;
}

const sameLeaf = (row: LeafRow, e: RecordedEvent): boolean =>
  row.position === e.position &&
  row.streamId === e.streamId &&
  row.revision === e.revision &&
  row.eventHash === hashOf(e);

/** Chain rules of ADR 0003 for one event, given what came before it in its stream. */
function chainCheck(streams: Map<string, StreamState>, e: RecordedEvent): BadEvent | undefined {
  const s = streams.get(e.streamId) ?? { next: 0n, last: GENESIS_HASH, broken: false };
  streams.set(e.streamId, s);
  const meta = (typeof e.metadata === 'object' && e.metadata !== null ? e.metadata : {}) as unknown as Record<
    string,
    unknown
  >;
  const hash = typeof meta.hash === 'string' ? meta.hash : '';
  const base = { position: e.position.toString(), streamId: e.streamId };
  let problem: IntegrityProblem | null = null;
  let revision = e.revision;
  if (e.revision > s.next) [problem, revision] = ['missing_event', s.next];
  else if (e.revision < s.next) problem = 'reordered';
  else if (meta.prevHash !== s.last) problem = 'broken_link';
  else if (recomputeHash(e, meta) !== hash) problem = 'hash_mismatch';
  s.next = e.revision + 1n;
  s.last = hash;
  if (!problem || s.broken) return undefined;
  s.broken = true;
  return { ...base, revision: revision.toString(), ...(revision === e.revision ? { eventId: e.id } : {}), problem };
}

/**
 * The SQL store copies recordedAt and caseId out of the hashed metadata into columns that
 * replays "as of T" and the timeline filter on; the hash does not cover the columns.
 */
async function firstColumnMismatch(sql: SqlClient): Promise<BadEvent | undefined> {
  const r = await sql.query<{ position: bigint; id: string; stream_id: string; revision: bigint }>(
    `SELECT position, id, stream_id, revision FROM events
     WHERE to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') IS DISTINCT FROM metadata->>'recordedAt'
        OR case_id::text IS DISTINCT FROM lower(metadata->>'caseId')
     ORDER BY position LIMIT 1`,
  );
  const row = r.rows[0];
  return row
    ? {
        position: row.position.toString(),
        streamId: row.stream_id,
        revision: row.revision.toString(),
        eventId: row.id,
        problem: 'column_mismatch',
      }
    : undefined;
}

function headsRootOf(heads: Iterable<HeadEntry>): Buffer {
  const byBucket = new Map<number, HeadEntry[]>();
  for (const h of heads) {
    const b = bucketOf(h.streamId);
    const list = byBucket.get(b);
    if (list) list.push(h);
    else byBucket.set(b, [h]);
  }
  return BucketTree.from(new Map([...byBucket].map(([b, list]) => [b, bucketDigest(list)]))).root();
}

/** The event the checkpoint had at the first differing leaf (when the index is authentic), else what the log has there. */
function describe(bad: LeafDiff, authentic: boolean): BadEvent | undefined {
  const { row, e } = bad;
  if (row && (authentic || !e)) {
    const problem: IntegrityProblem =
      e?.id === row.eventId ? 'hash_mismatch' : bad.movedLater ? 'reordered' : 'missing_event';
    return {
      position: row.position.toString(),
      streamId: row.streamId,
      revision: row.revision.toString(),
      eventId: row.eventId,
      problem,
    };
  }
  return e
    ? {
        position: e.position.toString(),
        streamId: e.streamId,
        revision: e.revision.toString(),
        eventId: e.id,
        problem: 'not_in_checkpoint',
      }
    : undefined;
}

const earliest = (a: BadEvent | undefined, b: BadEvent | undefined): BadEvent | undefined =>
  !a ? b : !b ? a : BigInt(b.position) < BigInt(a.position) ? b : a;

/** Walks the index's leaves in order, one page at a time, alongside the log. */
class LeafCursor {
  private page: LeafRow[] = [];
  /** Index of the page's first row; -PAGE so that the first look-up loads a page. */
  private start = -PAGE;

  constructor(
    private readonly index: IntegrityIndex | null,
    private readonly size: number,
  ) {}

  async at(idx: number): Promise<LeafRow | undefined> {
    if (!this.index || idx >= this.size) return undefined;
    if (idx < this.start || idx >= this.start + PAGE) {
      this.start = idx;
      this.page = await this.index.leafPage(idx, Math.min(idx + PAGE, this.size));
    }
    const row = this.page[idx - this.start];
    return row?.idx === idx ? row : this.page.find((r) => r.idx === idx);
  }
}
