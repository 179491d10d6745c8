import type { EventStore, RecordedEvent, SqlClient } from '#event-store';
import type { Projection } from '../projection.js';
import { applyBatchToTargets, errorClassOf, type Target } from './batch-applier.js';
import { liveRow, lockRows, namerFor, promote } from './projection-registry.js';
import type { Pauses } from '#platform';
import type { Mutex } from './runner-support.js';

export interface RebuildResult {
  readonly names: readonly string[];
  /** Events read from the log by the build. */
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/** One projection as the runner holds it. */
export interface Slot {
  readonly projection: Projection;
  live: Target | null;
  build: Target | null;
  /** The build is the first generation: the views already show its tables. */
  buildServes: boolean;
  /** Checkpoint of an older version's generation, still shown until its successor is promoted. */
  frozen: bigint | null;
  buildDone: Promise<RebuildResult> | null;
}

/** What a build needs from the runner that hosts it. */
export interface BuildHost {
  readonly store: EventStore;
  readonly sql: SqlClient;
  /** Held by the live loop while it applies a batch; a promotion takes it too. */
  readonly mutex: Mutex;
  readonly buildBatchSize: number;
  readonly retryMs: number;
  readonly sleeper: { readonly stopped: boolean; readonly pauses: Pauses };
  warn(message: string): void;
  /** Everything at or below it the live loop has applied: a build must reach it before promotion. */
  liveFloor(): bigint;
  /** Called after a promotion committed (waiters may now be satisfied). */
  promoted(): void;
}

/**
 * Fills new generations from the log next to the live loop (first start, version change,
 * rebuild), then promotes them under the live loop's lock once they reached it, so the swap
 * loses nothing that was appended meanwhile.
 */
export async function runBuild(host: BuildHost, slots: readonly Slot[]): Promise<RebuildResult> {
  const started = performance.now();
  // Re-read every round: a slot may switch to another process's generation (see promoteAll).
  const targets = (): Target[] => slots.flatMap((s) => (s.build ? [s.build] : []));
  let events = 0;
  let analysed = false;
  while (!host.sleeper.stopped) {
    try {
      events += await catchUp(host, targets());
      if (!analysed && events >= ANALYSE_AFTER) {
        // A generation built in one go has no planner statistics (autovacuum may be off or slow):
        // without them PostgreSQL picks scans and JIT for queries that need one index probe.
        await analyse(host, targets());
        analysed = true;
      }
      const promoted = await host.mutex.run(async () => {
        events += await catchUp(host, targets());
        if (targets().some((t) => t.position < host.liveFloor())) return false;
        return promoteAll(
          host,
          slots.filter((s) => s.build),
        );
      });
      if (promoted) {
        const seconds = (performance.now() - started) / 1000;
        return { names: slots.map((s) => s.projection.name), events, seconds, eventsPerSecond: events / seconds };
      }
    } catch (error) {
      host.warn(`projection build failed, retrying: ${errorClassOf(error)}`);
      await host.sleeper.pauses.pause(host.retryMs);
    }
  }
  throw new Error('the projection runner stopped before the build finished');
}

/**
 * Reads the log after the slowest target up to the head, applying batch by batch. The next
 * batch is read while the current one is applied (a server overlaps the two; on PGlite they
 * simply queue on its one connection).
 */
async function catchUp(host: BuildHost, targets: readonly Target[]): Promise<number> {
  if (targets.length === 0) return 0;
  const after = targets.reduce((min, t) => (t.position < min ? t.position : min), targets[0].position);
  const log = host.store.readAll({ after, pageSize: host.buildBatchSize })[Symbol.asyncIterator]();
  const take = async (): Promise<RecordedEvent[]> => {
    const batch: RecordedEvent[] = [];
    while (batch.length < host.buildBatchSize) {
      const next = await log.next();
      if (next.done) break;
      batch.push(next.value);
    }
    return batch;
  };
  let read = 0;
  let batch = await take();
  while (batch.length > 0 && !host.sleeper.stopped) {
    const following = take();
    try {
      await applyBatchToTargets(host.sql, targets, batch);
    } catch (error) {
      await following.catch(() => undefined);
      throw error;
    }
    read += batch.length;
    batch = await following;
  }
  await log.return?.();
  return read;
}

/**
 * One transaction: each built generation becomes live and the views move to it. Another
 * process may have been faster: if it pushed the old generation past ours, we catch up once
 * more; if it promoted its own generation (and dropped ours), we follow that one instead,
 * catching it up like a build and then "promoting" it again, which changes nothing.
 */
async function promoteAll(host: BuildHost, slots: readonly Slot[]): Promise<boolean> {
  if (slots.length === 0) return true;
  const ok = await host.sql.transaction(async (tx) => {
    const rows = await lockRows(
      tx,
      slots.map((s) => ({ name: s.projection.name, generation: s.build!.generation })),
    );
    let ready = true;
    for (const s of slots) {
      const row = rows.get(`${s.projection.name}/${s.build!.generation}`);
      const live = await liveRow(tx, s.projection.name);
      if (!row) {
        ready = false;
        if (live && live.version === s.projection.version) {
          s.build = { projection: s.projection, generation: live.generation, position: live.position };
        } else {
          host.warn(`projection ${s.projection.name}: its build was dropped by another process`);
          s.build = null;
        }
      } else if (live && live.generation !== row.generation && live.position > row.position) ready = false;
    }
    if (!ready) return false;
    for (const s of slots) await promote(tx, s.projection, s.build!.generation);
    return true;
  });
  if (!ok) return false;
  for (const s of slots) {
    s.live = s.build;
    s.build = null;
    s.buildServes = false;
    s.frozen = null;
  }
  host.promoted();
  return true;
}

/** Below this many events the tables are small enough that any plan is fast. */
const ANALYSE_AFTER = 1000;

async function analyse(host: BuildHost, targets: readonly Target[]): Promise<void> {
  for (const t of targets) {
    const name = namerFor(t.generation);
    for (const logical of t.projection.tables) await host.sql.query(`ANALYZE ${name(logical)}`);
  }
}
