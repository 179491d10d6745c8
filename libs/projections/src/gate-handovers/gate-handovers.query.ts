import type { SqlClient } from '#event-store';
import type { HandoverStatus } from '#handovers';
import { isUuid, localTimes } from '#shared-kernel';
import { viewName } from '../projection.js';
import type { DayRange } from './handover-range.js';
import { addDays, vietnamDate, vietnamDayStart } from './vietnam-days.js';

/** Every status a listed handover can be in. */
export const GATE_HANDOVER_STATUSES = [
  'proposed',
  'scheduled',
  'postponed',
  'cancelled',
  'conducted',
  'minutes_signed',
  'closed',
] as const satisfies readonly HandoverStatus[];
export type GateHandoverStatus = (typeof GATE_HANDOVER_STATUSES)[number];

/** The rows the caller may see (the shape of `listScope` in #security): all, some provinces, some gates. */
export interface HandoverVisibility {
  readonly allProvinces: boolean;
  readonly provinces: readonly string[];
  readonly gates: readonly string[];
}

export interface GateHandoverFilter {
  readonly range: DayRange;
  readonly visibility: HandoverVisibility;
  readonly gate?: string;
  readonly status?: GateHandoverStatus;
  /** Opaque, from a previous page's `next`. */
  readonly cursor?: string;
  readonly limit: number;
  /** Whether the caller may know the case of a handover of this province (a guard may not). */
  readonly showsCase: (province: string | null) => boolean;
  readonly now: Date;
}

export interface GateHandoverItem {
  readonly id: string;
  readonly caseId?: string;
  readonly gate: string;
  readonly status: GateHandoverStatus;
  readonly scheduledAt: { at: string; local: { vn: string; cn: string } } | null;
  readonly persons: number;
  readonly counterpart: string;
}

export interface GateHandoverPage {
  readonly items: readonly GateHandoverItem[];
  readonly next: string | null;
}

export class InvalidHandoverCursorError extends Error {
  constructor() {
    super('the cursor is not one this service issued');
    this.name = 'InvalidHandoverCursorError';
  }
}

/**
 * Where a row stands in the list: its group, then a key within the group, then its id.
 * 0: scheduled from today on, soonest first; 1: waiting for a date (proposed, or postponed
 * without a new time), longest waiting first; 2: scheduled on an earlier day of the range,
 * latest first. The start of "today" travels in the cursor, so paging across midnight neither
 * skips nor repeats a row.
 */
interface Place {
  readonly today: number;
  readonly group: number;
  readonly key: bigint;
  readonly id: string;
}

const CURSOR = /^h1:(\d{1,15}):([012]):(-?\d{1,19}):([0-9a-f-]{36})$/;

const encodeCursor = (p: Place): string =>
  Buffer.from(`h1:${p.today}:${p.group}:${p.key}:${p.id}`, 'utf8').toString('base64url');

export function decodeHandoverCursor(cursor: string): Place {
  const m = /^[A-Za-z0-9_-]{1,128}$/.test(cursor)
    ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
    : null;
  if (!m || !isUuid(m[4])) throw new InvalidHandoverCursorError();
  return { today: Number(m[1]), group: Number(m[2]), key: BigInt(m[3]), id: m[4] };
}

interface Row {
  handover_id: string;
  case_id: string;
  province: string | null;
  gate: string;
  status: GateHandoverStatus;
  counterpart: string;
  persons: number;
  scheduled_at: Date | null;
  grp: number;
  /** A string from node-postgres, a bigint from PGlite. */
  sort_key: string | bigint;
}

const micros = (column: string): string => `(extract(epoch FROM ${column}) * 1000000)::bigint`;

/**
 * The handovers of a range of Vietnam days, today and upcoming first. A row is in the range
 * when its time falls on one of the days, or when it has no time yet and is still waiting for
 * one, having been proposed by the range's last day. Rows outside the caller's visibility are
 * simply not there: filtering by a gate of another province gives an empty page, never an error.
 */
export async function listGateHandovers(sql: SqlClient, filter: GateHandoverFilter): Promise<GateHandoverPage> {
  const after = filter.cursor !== undefined ? decodeHandoverCursor(filter.cursor) : null;
  const { allProvinces, provinces, gates } = filter.visibility;
  if (!allProvinces && provinces.length === 0 && gates.length === 0) return { items: [], next: null };

  const params: unknown[] = [];
  const arg = (v: unknown, type: string): string => {
    params.push(v);
    return `$${params.length}::${type}`;
  };
  const today = after?.today ?? vietnamDayStart(vietnamDate(filter.now)).getTime();
  const todayAt = arg(new Date(today).toISOString(), 'timestamptz');
  const from = arg(vietnamDayStart(filter.range.from).toISOString(), 'timestamptz');
  const end = arg(vietnamDayStart(addDays(filter.range.to, 1)).toISOString(), 'timestamptz');
  const where = [
    `((h.scheduled_at >= ${from} AND h.scheduled_at < ${end})
      OR (h.scheduled_at IS NULL AND h.status IN ('proposed', 'postponed') AND h.proposed_at < ${end}))`,
  ];
  if (!allProvinces)
    where.push(`(h.province = ANY(${arg(provinces, 'text[]')}) OR h.gate = ANY(${arg(gates, 'text[]')}))`);
  if (filter.gate !== undefined) where.push(`h.gate = ${arg(filter.gate, 'text')}`);
  if (filter.status !== undefined) where.push(`h.status = ${arg(filter.status, 'text')}`);
  const page =
    after === null
      ? ''
      : `WHERE (grp, sort_key, handover_id) > (${arg(after.group, 'int')}, ${arg(after.key.toString(), 'bigint')}, ${arg(after.id, 'text')})`;

  const r = await sql.query<Row>(
    `SELECT * FROM (
       SELECT h.handover_id, h.case_id, h.province, h.gate, h.status, h.counterpart, h.persons, h.scheduled_at,
              CASE WHEN h.scheduled_at IS NULL THEN 1 WHEN h.scheduled_at >= ${todayAt} THEN 0 ELSE 2 END AS grp,
              CASE WHEN h.scheduled_at IS NULL THEN ${micros('h.proposed_at')}
                   WHEN h.scheduled_at >= ${todayAt} THEN ${micros('h.scheduled_at')}
                   ELSE -${micros('h.scheduled_at')} END AS sort_key
         FROM ${viewName('gate_handovers')} h
        WHERE ${where.join(' AND ')}
     ) listed
     ${page}
     ORDER BY grp, sort_key, handover_id
     LIMIT ${arg(filter.limit + 1, 'int')}`,
    params,
  );
  const rows = r.rows.slice(0, filter.limit);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((row) => toItem(row, filter.showsCase(row.province))),
    next:
      r.rows.length > filter.limit && last
        ? encodeCursor({ today, group: Number(last.grp), key: BigInt(last.sort_key), id: last.handover_id })
        : null,
  };
}

function toItem(r: Row, showsCase: boolean): GateHandoverItem {
  const at = r.scheduled_at === null ? null : new Date(r.scheduled_at).toISOString();
  return {
    id: r.handover_id,
    ...(showsCase ? { caseId: r.case_id } : {}),
    gate: r.gate,
    status: r.status,
    scheduledAt: at === null ? null : { at, local: localTimes(at) },
    persons: r.persons,
    counterpart: r.counterpart,
  };
}
