import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { type EventStore, type NewEvent, type RecordedEvent, type SqlClient } from '#event-store';
import { newId } from '#shared-kernel';
import { percentile } from './bench-kit.js';

/** One measured loop: how many operations, how long in all, and the per-operation spread. */
export interface Timing {
  readonly count: number;
  readonly ms: number;
  readonly p50: number;
  readonly p99: number;
}

const ACTOR = { userId: 'bench.officer', role: 'liaison_officer', unitId: 'VN-LS-BLO', province: 'lang-son' } as const;

const SUBJECT = 'Đề nghị xác minh nhân thân — 请求核实身份 — request to verify identity (ref. LS-2026-0142)';
const BODY =
  'Phòng Phối hợp biên giới Lạng Sơn đề nghị phía bạn xác minh thông tin về một trường hợp nghi là nạn nhân ' +
  'mua bán người được phát hiện tại khu vực cửa khẩu; đề nghị phản hồi trong vòng 72 giờ. ' +
  '请贵方协助核实一名疑似被拐卖人员的身份信息，并于七十二小时内答复。 Please confirm receipt and reply within 72 hours.';

/**
 * An event shaped like "a message was logged in an exchange": ~600 B of data and the envelope
 * every real write carries, so the port and the raw ceiling move the same bytes.
 */
export function messageEvent(exchangeId: string, caseId: string, now: Date): NewEvent {
  const at = now.toISOString();
  return {
    id: newId(),
    type: 'MessageLogged',
    schemaVersion: 1,
    data: {
      exchangeId,
      messageId: newId(),
      direction: 'outgoing',
      subject: SUBJECT,
      body: BODY,
      language: 'vi',
      handlingCode: 'H1',
      carriesPersonalData: false,
      occurredAt: { at, offset: '+07:00' },
    },
    metadata: {
      actor: ACTOR,
      correlationId: newId(),
      causationId: null,
      occurredAt: { at, offset: '+07:00' },
      recordedAt: at,
      caseId,
    },
  } as NewEvent;
}

/**
 * Latencies gathered over several rounds. Rounds of the port and of the raw ceiling alternate, so
 * a burst of load from other processes on a shared machine hits both sides of a ratio alike.
 */
export class Stopwatch {
  private readonly latencies: number[] = [];
  private ms = 0;

  /** Runs op(0..count-1) one after another and records each call. */
  async sequential(count: number, op: (i: number) => Promise<unknown>): Promise<void> {
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await op(i);
      this.latencies.push(performance.now() - t0);
    }
    this.ms += performance.now() - started;
  }

  /** Runs op over 0..count-1 on `lanes` concurrent lanes, each taking the next index. */
  async concurrent(count: number, lanes: number, op: (i: number, lane: number) => Promise<unknown>): Promise<void> {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        for (let i = next++; i < count; i = next++) {
          const t0 = performance.now();
          await op(i, lane);
          this.latencies.push(performance.now() - t0);
        }
      }),
    );
    this.ms += performance.now() - started;
  }

  timing(): Timing {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return { count: sorted.length, ms: this.ms, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  }
}

/**
 * Single-event appends through the EventStore port rotating over `streams` streams, each with the
 * exact expected revision, as a command handler issues them after loading the stream. With
 * `idempotent`, every append claims a fresh key (the store's locked path, as HTTP with a key).
 */
export function portAppender(store: EventStore, streams: number, idempotent: boolean): () => Promise<unknown> {
  const caseId = newId();
  const ids = Array.from({ length: streams }, () => `exchange-${newId()}`);
  const revisions = new Map<string, bigint>();
  let n = 0;
  return async () => {
    const streamId = ids[n++ % ids.length];
    const last = revisions.get(streamId);
    const result = await store.append(
      [{ streamId, events: [messageEvent(streamId, caseId, new Date())], expectedRevision: last ?? 'no_stream' }],
      idempotent
        ? { idempotency: { key: `bench:${newId()}`, requestHash: 'bench', response: (r) => r.position.toString() } }
        : {},
    );
    revisions.set(streamId, result.streams[0].nextRevision);
  };
}

/** The last `count` events of the log, serialised exactly once, outside any timing. */
export async function recordedRows(store: EventStore, count: number): Promise<unknown[][]> {
  const head = await store.headPosition();
  const rows: unknown[][] = [];
  const after = head > BigInt(count) ? head - BigInt(count) : 0n;
  for await (const e of store.readAll({ after })) rows.push(rowOf(e));
  return rows;
}

function rowOf(e: RecordedEvent): unknown[] {
  return [
    e.position,
    e.id,
    e.streamId,
    e.revision,
    e.type,
    e.schemaVersion,
    JSON.stringify(e.data),
    JSON.stringify(e.metadata),
    e.metadata.caseId ?? null,
    e.metadata.recordedAt,
  ];
}

const RAW_INSERT = {
  name: 'bench_raw_insert_v1',
  text: `INSERT INTO raw_events (position, id, stream_id, revision, type, schema_version, data, metadata, case_id,
           recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
};

/** An empty copy of the events table: same columns, constraints and indexes. */
export async function resetRawTable(sql: SqlClient): Promise<void> {
  await sql.query('DROP TABLE IF EXISTS raw_events');
  await sql.query('CREATE TABLE raw_events (LIKE events INCLUDING ALL)');
}

/**
 * The physical ceiling: rows into the raw copy, one prepared INSERT per row in autocommit on
 * `conns` held connections, each taking the next row; no counter, no chain, no head look-up.
 * What the port or the service adds on top is what the ratio shows.
 */
export async function rawInserts(
  conns: readonly pg.PoolClient[],
  rows: readonly unknown[][],
  watch: Stopwatch | null,
): Promise<void> {
  const insert = (i: number, lane: number) => conns[lane].query({ ...RAW_INSERT, values: rows[i] });
  if (watch) await watch.concurrent(rows.length, conns.length, insert);
  else for (let i = 0; i < rows.length; i++) await insert(i, i % conns.length);
}

/** `times` copies of the rows with fresh ids and positions after `from`, for a longer concurrent run. */
export function multiplyRows(rows: readonly unknown[][], times: number, from: bigint): unknown[][] {
  const out: unknown[][] = [];
  let position = from;
  for (let k = 0; k < times; k++) {
    for (const r of rows) out.push([++position, newId(), `${r[2] as string}-${k}`, ...r.slice(3)]);
  }
  return out;
}

/** Average stored size of data and metadata (JSON text) of the rows, for the report. */
export function rowSizes(rows: readonly unknown[][]): { data: number; metadata: number } {
  let data = 0;
  let metadata = 0;
  for (const r of rows) {
    data += Buffer.byteLength(r[6] as string);
    metadata += Buffer.byteLength(r[7] as string);
  }
  const n = Math.max(1, rows.length);
  return { data: Math.round(data / n), metadata: Math.round(metadata / n) };
}

/** `count` connections held for the duration of fn (one per concurrent lane). */
export async function withConnections<T>(
  pool: pg.Pool,
  count: number,
  fn: (c: pg.PoolClient[]) => Promise<T>,
): Promise<T> {
  const conns = await Promise.all(Array.from({ length: count }, () => pool.connect()));
  try {
    return await fn(conns);
  } finally {
    for (const c of conns) c.release();
  }
}
