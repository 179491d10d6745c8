import type { SqlClient } from '#event-store';
import { localTimes } from '#shared-kernel';
import type { TableNamer } from '../projection.js';
import type { DeadlineKind } from './deadlines.tables.js';

/** The limits the board applies (a structural subset of DeadlineLimits in #config). */
export interface BoardLimits {
  readonly messageReplyDefaultMs: number;
  /** The reply limit of the urgent priority (messages without a declared due time). */
  readonly urgentReplyMs: number;
  readonly handoverConfirmationGraceMs: number;
  readonly onwardTransferDays: number;
  readonly initialVerificationMs: number;
  readonly referralAnswerMs: number;
}

export interface DeadlineEntry {
  readonly kind: DeadlineKind;
  /** The record whose clock runs: verification, message, handover, person or case id. */
  readonly id: string;
  readonly caseId: string | null;
  readonly province: string | null;
  /** The exchange of a message, the handover of a received person, the person of a referral; null otherwise. */
  readonly parentId: string | null;
  /** Verification requests and messages: their priority (a message's is its thread's); null otherwise. */
  readonly priority: 'urgent' | 'normal' | null;
  /** Who owes the next step: the counterpart (outgoing requests) or we (incoming ones). */
  readonly owedBy: 'counterpart' | 'us' | null;
  readonly dueAt: string;
  readonly local: { vn: string; cn: string };
  /** When the clock started (request sent, message sent, handover scheduled, person received, report received). */
  readonly since: string;
  /** Outgoing messages only: when the counterpart acknowledged receipt (the reply is still owed). */
  readonly acknowledgedAt?: string;
}

export interface DeadlineBoard {
  readonly now: string;
  readonly dueSoonUntil: string;
  readonly overdue: DeadlineEntry[];
  readonly dueSoon: DeadlineEntry[];
  /** How many clocks each list holds in all (the lists stop at the requested limit). */
  readonly totals: { overdue: number; dueSoon: number };
}

interface Row {
  list: 'overdue' | 'dueSoon';
  total: string;
  kind: DeadlineKind;
  parent_id: string;
  id: string;
  case_id: string | null;
  province: string | null;
  direction: string | null;
  started_at: Date;
  due: Date;
  acknowledged_at: Date | null;
  priority: 'urgent' | 'normal' | null;
}

/**
 * A verification is owed by whoever was asked; a message reply by the counterpart; a referral's
 * answer by the receiving service, neither side of the border (null); the rest by us.
 */
function owedBy(kind: DeadlineKind, direction: string | null): DeadlineEntry['owedBy'] {
  if (kind === 'message_reply') return 'counterpart';
  if (kind === 'referral_answer') return null;
  if (kind !== 'verification_reply') return 'us';
  return direction === 'outgoing' ? 'counterpart' : direction === 'incoming' ? 'us' : null;
}

/**
 * The due instant of each open clock under the configured limits ($2–$5, milliseconds / days).
 * The onward transfer is due at the end of the Vietnam calendar day of receipt (UTC+7, no daylight
 * saving, so plain arithmetic on UTC wall time is exact), plus the configured extra days.
 */
const DUE = `CASE i.kind
   WHEN 'verification_reply' THEN i.due_at
   WHEN 'message_reply' THEN COALESCE(i.due_at, i.started_at +
     (CASE WHEN i.priority = 'urgent' THEN $10 ELSE $2 END)::bigint * interval '1 millisecond')
   WHEN 'handover_confirmation' THEN i.started_at + $3::bigint * interval '1 millisecond'
   WHEN 'onward_transfer' THEN
     (date_trunc('day', (i.started_at AT TIME ZONE 'UTC') + interval '7 hours')
        + ($4::int + 1) * interval '1 day' - interval '7 hours') AT TIME ZONE 'UTC'
   WHEN 'initial_verification' THEN i.started_at + $5::bigint * interval '1 millisecond'
   WHEN 'referral_answer' THEN i.started_at + $9::bigint * interval '1 millisecond'
 END`;

/**
 * The board: running clocks due before `now + within`, split at `now` ("overdue" strictly after
 * the due instant, as the exchange domain's rule), earliest first, each list cut at `limit` with
 * its full count in `totals`.
 */
export async function deadlineBoard(
  sql: SqlClient,
  views: TableNamer,
  query: { now: Date; withinMs: number; province?: string | null; limit?: number },
  limits: BoardLimits,
): Promise<DeadlineBoard> {
  const limit = query.limit ?? 200;
  const until = new Date(query.now.getTime() + query.withinMs);
  const r = await sql.query<Row>(
    `WITH items AS (
       -- A message is as urgent as its thread is now; a verification request carries its own.
       SELECT i.kind, i.parent_id, i.id, i.case_id, i.direction, i.started_at, i.acknowledged_at, i.due_at,
              CASE WHEN i.kind = 'message_reply' THEN COALESCE(p.priority, 'normal')
                   WHEN i.kind = 'verification_reply' THEN COALESCE(i.priority, 'normal') END AS priority
         FROM ${views('deadline_items')} i
         LEFT JOIN ${views('deadline_parents')} p ON p.id = i.parent_id AND i.kind = 'message_reply'
        WHERE i.state = 'open'),
     due AS (
       SELECT i.kind, i.parent_id, i.id, i.case_id, c.province, i.direction, i.started_at, i.acknowledged_at,
              i.priority, ${DUE} AS due
         FROM items i
         LEFT JOIN ${views('deadline_cases')} c ON c.case_id = i.case_id
        WHERE $1::text IS NULL OR c.province = $1),
     ranked AS (
       SELECT *, CASE WHEN due < $6 THEN 'overdue' ELSE 'dueSoon' END AS list FROM due WHERE due < $7),
     numbered AS (
       SELECT *, row_number() OVER (PARTITION BY list ORDER BY due, started_at, id) AS n,
              count(*) OVER (PARTITION BY list) AS total
         FROM ranked)
     SELECT list, total::text AS total, kind, parent_id, id, case_id, province, direction, started_at, due, acknowledged_at,
            priority
       FROM numbered WHERE n <= $8 ORDER BY list, n`,
    [
      query.province ?? null,
      limits.messageReplyDefaultMs,
      limits.handoverConfirmationGraceMs,
      limits.onwardTransferDays,
      limits.initialVerificationMs,
      query.now,
      until,
      limit,
      limits.referralAnswerMs,
      limits.urgentReplyMs,
    ],
  );
  const board: DeadlineBoard = {
    now: query.now.toISOString(),
    dueSoonUntil: until.toISOString(),
    overdue: [],
    dueSoon: [],
    totals: { overdue: 0, dueSoon: 0 },
  };
  for (const row of r.rows) {
    const dueAt = row.due.toISOString();
    board.totals[row.list] = Number(row.total);
    board[row.list].push({
      kind: row.kind,
      id: row.id,
      caseId: row.case_id,
      province: row.province,
      parentId: row.parent_id === '' || row.parent_id === row.id ? null : row.parent_id,
      priority: row.priority,
      owedBy: owedBy(row.kind, row.direction),
      dueAt,
      local: localTimes(dueAt),
      since: row.started_at.toISOString(),
      ...(row.acknowledged_at ? { acknowledgedAt: row.acknowledged_at.toISOString() } : {}),
    });
  }
  return board;
}
