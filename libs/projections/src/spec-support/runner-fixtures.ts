import { newId, type ZonedInstant } from '#shared-kernel';
import { SqlEventStore, type NewEvent, type RecordedEvent, type SqlClient } from '#event-store';
import type { Projection, TableNamer } from '../projection.js';
import { OFFICER } from './projection-harness.js';

const now = (): ZonedInstant => ({ at: new Date().toISOString(), offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' });

export function newEvent(type: string, data: unknown, recordedAt = new Date().toISOString()): NewEvent {
  return {
    id: newId(),
    type,
    data,
    metadata: { actor: OFFICER, correlationId: newId(), causationId: null, occurredAt: now(), recordedAt },
  };
}

/** Appends `count` events of `type` to one new stream each; returns the last position. */
export async function appendMany(store: SqlEventStore, count: number, type = 'Ticked'): Promise<bigint> {
  let last = 0n;
  for (let i = 0; i < count; i++) {
    const r = await store.append([
      { streamId: `tick-${newId()}`, events: [newEvent(type, { i })], expectedRevision: 'no_stream' },
    ]);
    last = r.position;
  }
  return last;
}

/**
 * Records every event it sees by position (idempotent by primary key), in batches. `poison`
 * events make it throw, as a projection with a bug would.
 */
export class SeenProjection implements Projection {
  readonly tables = ['seen'];
  readonly eventTypes = new Set(['Ticked', 'Poison']);
  constructor(
    readonly name = 'seen_events',
    readonly version = 1,
  ) {}

  createTables(t: TableNamer): readonly string[] {
    return [`CREATE TABLE ${t('seen')} (position bigint PRIMARY KEY, type text NOT NULL)`];
  }

  async applyBatch(tx: SqlClient, events: readonly RecordedEvent[], t: TableNamer): Promise<void> {
    if (events.some((e) => e.type === 'Poison')) throw new TypeError('cannot read property of undefined');
    await tx.query(`INSERT INTO ${t('seen')} SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING`, [
      events.map((e) => e.position.toString()),
      events.map((e) => e.type),
    ]);
  }
}

/**
 * NOT idempotent on purpose (a running total, one statement per event): only the runner's
 * checkpoint, read under a row lock, keeps it right when two runners share a database.
 */
export class TallyProjection implements Projection {
  readonly name = 'tally';
  readonly version = 1;
  readonly tables = ['tally'];
  readonly eventTypes = new Set(['Ticked']);

  createTables(t: TableNamer): readonly string[] {
    return [
      `CREATE TABLE ${t('tally')} (k int PRIMARY KEY, n bigint NOT NULL)`,
      `INSERT INTO ${t('tally')} VALUES (1, 0)`,
    ];
  }

  async apply(tx: SqlClient, _event: RecordedEvent, t: TableNamer): Promise<void> {
    await tx.query(`UPDATE ${t('tally')} SET n = n + 1 WHERE k = 1`);
  }
}

export async function count(sql: SqlClient, view: string): Promise<number> {
  return (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${view}`)).rows[0].n;
}
