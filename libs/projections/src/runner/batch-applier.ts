import { upcasters, type RecordedEvent, type SqlClient } from '#event-store';
import type { Projection, TableNamer } from '../projection.js';
import { liveRow, lockRows, namerFor, recordFailure, savePositions } from './projection-registry.js';

/** One generation of one projection being written, with the checkpoint this process knows. */
export interface Target {
  readonly projection: Projection;
  generation: number;
  position: bigint;
}

/** Another process promoted a new generation under us: re-run the batch against it. */
class TargetMoved extends Error {}

/**
 * SQLSTATE classes that say "the database or the connection is in trouble", not "this event
 * cannot be projected": connection (08), rollback (40), resources (53), operator (57), system (58).
 * Such an error is retried later; it must never be recorded against an event and skipped.
 */
const TRANSIENT = /^(08|40|53|57|58)/;

const sqlState = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** Error class and SQLSTATE only: a message may quote the data that failed. */
export function errorClassOf(error: unknown): string {
  const name = error instanceof Error ? error.constructor.name || error.name : typeof error;
  const state = sqlState(error);
  return state ? `${name}/${state}` : name;
}

const relevant = (t: Target, events: readonly RecordedEvent[], after: bigint): RecordedEvent[] =>
  events.filter((e) => e.position > after && t.projection.eventTypes.has(e.type));

async function applyEvents(
  tx: SqlClient,
  p: Projection,
  events: readonly RecordedEvent[],
  t: TableNamer,
  prepared: unknown,
): Promise<void> {
  if (events.length === 0) return;
  if (p.applyBatch) return p.applyBatch(tx, events, t, prepared);
  for (const e of events) await p.apply!(tx, e, t);
}

/**
 * Applies one batch of events (in position order) to every target in ONE transaction together
 * with their checkpoints. The checkpoints are re-read under a row lock, so events a concurrent
 * runner (or an earlier attempt) already applied are skipped: a replayed batch changes nothing.
 * If anything throws, the batch is redone event by event under savepoints; an event a
 * projection cannot take is recorded in projection_failures and skipped for that projection
 * only, so one bad event never stalls the others.
 */
export async function applyBatchToTargets(
  sql: SqlClient,
  targets: readonly Target[],
  events: readonly RecordedEvent[],
): Promise<void> {
  if (events.length === 0 || targets.length === 0) return;
  // Projections see every event at its current shape (docs/architecture.md, Event shapes).
  events = events.map((e) => upcasters.upcast(e));
  if (sql.kind !== 'postgres' || targets.length === 1) return applyGroup(sql, targets, events);
  // On a server, one transaction per projection with work in the batch, side by side on the
  // pool: they share nothing but the log, so one's statements overlap another's round trips.
  // The projections the batch does not concern only move their checkpoints: one transaction
  // for all of them, not one each (most batches of a busy office touch a few of the catalog).
  // (PGlite has one connection: there, one transaction for all saves commits.)
  const busy = targets.filter((t) => relevant(t, events, t.position).length > 0);
  const idle = targets.filter((t) => !busy.includes(t));
  const groups = [...busy.map((t) => [t]), ...(idle.length > 0 ? [idle] : [])];
  const outcomes = await Promise.allSettled(groups.map((group) => applyGroup(sql, group, events)));
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}

async function applyGroup(sql: SqlClient, targets: readonly Target[], events: readonly RecordedEvent[]): Promise<void> {
  const last = events[events.length - 1].position;
  for (let attempt = 0; ; attempt++) {
    const prepared = new Map<Target, unknown>();
    for (const t of targets) {
      const mine = relevant(t, events, t.position);
      if (t.projection.prepare && mine.length > 0) prepared.set(t, await t.projection.prepare(mine));
    }
    try {
      await inTransaction(sql, targets, events, last, prepared, false);
      return;
    } catch (error) {
      if (error instanceof TargetMoved && attempt < 5) continue;
      if (sqlState(error) && TRANSIENT.test(sqlState(error)!)) throw error;
    }
    // The slow path: same batch, one event at a time, failures recorded instead of thrown.
    await inTransaction(sql, targets, events, last, prepared, true);
    return;
  }
}

async function inTransaction(
  sql: SqlClient,
  targets: readonly Target[],
  events: readonly RecordedEvent[],
  last: bigint,
  prepared: ReadonlyMap<Target, unknown>,
  isolate: boolean,
): Promise<void> {
  const committed = await sql.transaction(async (tx) => {
    const rows = await lockRows(
      tx,
      targets.map((t) => ({ name: t.projection.name, generation: t.generation })),
    );
    const done: { target: Target; generation: number }[] = [];
    for (const target of targets) {
      const row = rows.get(`${target.projection.name}/${target.generation}`);
      if (!row) {
        // Promoted away by another process: follow the new live generation if it is ours.
        const live = await liveRow(tx, target.projection.name);
        if (live && live.version === target.projection.version) {
          target.generation = live.generation;
          target.position = live.position;
          throw new TargetMoved();
        }
        continue; // a newer version owns it now; this process stops writing it
      }
      const mine = relevant(target, events, row.position);
      const t = namerFor(target.generation);
      if (isolate) await applyIsolated(tx, target, mine, t, prepared.get(target));
      else await applyEvents(tx, target.projection, mine, t, prepared.get(target));
      done.push({ target, generation: target.generation });
    }
    await savePositions(
      tx,
      done.map((d) => ({ name: d.target.projection.name, generation: d.generation, position: last })),
    );
    return done;
  });
  for (const { target } of committed) if (target.position < last) target.position = last;
}

async function applyIsolated(
  tx: SqlClient,
  target: Target,
  events: readonly RecordedEvent[],
  t: TableNamer,
  prepared: unknown,
): Promise<void> {
  for (const e of events) {
    await tx.query('SAVEPOINT projection_event');
    try {
      await applyEvents(tx, target.projection, [e], t, prepared);
      await tx.query('RELEASE SAVEPOINT projection_event');
    } catch (error) {
      const state = sqlState(error);
      if (state && TRANSIENT.test(state)) throw error;
      // A dead connection fails here too and so aborts the batch instead of blaming the event.
      await tx.query('ROLLBACK TO SAVEPOINT projection_event');
      await recordFailure(tx, {
        name: target.projection.name,
        generation: target.generation,
        position: e.position,
        eventId: e.id,
        eventType: e.type,
        errorClass: errorClassOf(error),
      });
    }
  }
}
