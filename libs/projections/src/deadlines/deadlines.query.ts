import type { SqlClient } from '#event-store';
import { assertNever, localTimes } from '#shared-kernel';
import type { TableNamer } from '../projection.js';
import type { DeadlineKind } from './deadlines.projection.js';

/** The limits the board applies (a structural subset of DeadlineLimits in #config). */
export interface BoardLimits {
  readonly messageReplyDefaultMs: number;
  readonly handoverConfirmationGraceMs: number;
  readonly onwardTransferDays: number;
  readonly initialVerificationMs: number;
}

export interface DeadlineEntry {
  readonly kind: DeadlineKind;
  /** The record whose clock runs: verification, message, handover, person or case id. */
  readonly id: string;
  readonly caseId: string | null;
  readonly province: string | null;
  /** The exchange of a message, the handover of a received person; null otherwise. */
  readonly parentId: string | null;
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
}

interface Row {
  kind: DeadlineKind;
  parent_id: string;
  id: string;
  case_id: string | null;
  province: string | null;
  direction: string | null;
  started_at: Date;
  due_at: Date | null;
  acknowledged_at: Date | null;
}

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** The first instant after the Vietnam calendar day of `at`, moved `extraDays` days later. */
export function endOfVietnamDay(at: number, extraDays = 0): number {
  const localMidnight = Math.floor((at + VN_OFFSET_MS) / DAY_MS) * DAY_MS;
  return localMidnight + (1 + extraDays) * DAY_MS - VN_OFFSET_MS;
}

/** The due instant of an open clock under the configured limits. */
export function dueOf(kind: DeadlineKind, startedAt: number, declaredDue: number | null, limits: BoardLimits): number {
  switch (kind) {
    case 'verification_reply':
      return declaredDue ?? startedAt;
    case 'message_reply':
      // The domain has no priority field: a declared responseDueAt wins, else the normal limit.
      return declaredDue ?? startedAt + limits.messageReplyDefaultMs;
    case 'handover_confirmation':
      return startedAt + limits.handoverConfirmationGraceMs;
    case 'onward_transfer':
      return endOfVietnamDay(startedAt, limits.onwardTransferDays);
    case 'initial_verification':
      return startedAt + limits.initialVerificationMs;
    default:
      return assertNever(kind);
  }
}

/** A verification is owed by whoever was asked; a message reply by the counterpart; the rest by us. */
function owedBy(kind: DeadlineKind, direction: string | null): DeadlineEntry['owedBy'] {
  if (kind === 'message_reply') return 'counterpart';
  if (kind !== 'verification_reply') return 'us';
  return direction === 'outgoing' ? 'counterpart' : direction === 'incoming' ? 'us' : null;
}

/**
 * The board: every running clock due before `now + within`, split at `now`, earliest first.
 * Open clocks are few (they stop when the work is done), so limits are applied here, not in SQL.
 */
export async function deadlineBoard(
  sql: SqlClient,
  views: TableNamer,
  query: { now: Date; withinMs: number; province?: string | null },
  limits: BoardLimits,
): Promise<DeadlineBoard> {
  const r = await sql.query<Row>(
    `SELECT i.kind, i.parent_id, i.id, i.case_id, c.province, i.direction, i.started_at, i.due_at, i.acknowledged_at
       FROM ${views('deadline_items')} i
       LEFT JOIN ${views('deadline_cases')} c ON c.case_id = i.case_id
      WHERE i.state = 'open' AND ($1::text IS NULL OR c.province = $1)`,
    [query.province ?? null],
  );
  const now = query.now.getTime();
  const until = now + query.withinMs;
  const overdue: { due: number; entry: DeadlineEntry }[] = [];
  const dueSoon: { due: number; entry: DeadlineEntry }[] = [];
  for (const row of r.rows) {
    const due = dueOf(row.kind, row.started_at.getTime(), row.due_at?.getTime() ?? null, limits);
    if (due >= until) continue;
    const dueAt = new Date(due).toISOString();
    const entry: DeadlineEntry = {
      kind: row.kind,
      id: row.id,
      caseId: row.case_id,
      province: row.province,
      parentId: row.parent_id === '' || row.parent_id === row.id ? null : row.parent_id,
      owedBy: owedBy(row.kind, row.direction),
      dueAt,
      local: localTimes(dueAt),
      since: row.started_at.toISOString(),
      ...(row.acknowledged_at ? { acknowledgedAt: row.acknowledged_at.toISOString() } : {}),
    };
    // Overdue strictly after the due instant, as the exchange domain's overdue rule.
    (due < now ? overdue : dueSoon).push({ due, entry });
  }
  const ordered = (list: { due: number; entry: DeadlineEntry }[]) =>
    list
      .sort(
        (a, b) => a.due - b.due || a.entry.since.localeCompare(b.entry.since) || a.entry.id.localeCompare(b.entry.id),
      )
      .map((x) => x.entry);
  return {
    now: query.now.toISOString(),
    dueSoonUntil: new Date(until).toISOString(),
    overdue: ordered(overdue),
    dueSoon: ordered(dueSoon),
  };
}
