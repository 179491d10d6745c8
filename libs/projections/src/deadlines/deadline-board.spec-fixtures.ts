import type { SqlClient } from '#event-store';
import { viewNamer, z } from '../spec-support/projection.spec-fixtures.js';
import { deadlineBoard, type BoardLimits, type DeadlineBoard } from './deadlines.query.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * The limits the deadline specs' expected due times are worked out from, written out here so that
 * the specs do not move with the configured defaults.
 */
export const LIMITS: BoardLimits = {
  messageReplyDefaultMs: 7 * DAY,
  urgentReplyMs: 8 * HOUR,
  handoverConfirmationGraceMs: 12 * HOUR,
  onwardTransferDays: 0,
  initialVerificationMs: 3 * DAY,
  referralAnswerMs: 7 * DAY,
};

export interface BoardAsk {
  /** The "due soon" window; two days unless given. */
  readonly within?: number;
  readonly province?: string | null;
  readonly limits?: BoardLimits;
  readonly limit?: number;
}

/** The deadline board as a reader asks for it at `now` (ISO with offset). */
export const boardAt = (sql: SqlClient, now: string, ask: BoardAsk = {}): Promise<DeadlineBoard> =>
  deadlineBoard(
    sql,
    viewNamer,
    { now: new Date(z(now).at), withinMs: ask.within ?? 2 * DAY, province: ask.province ?? null, limit: ask.limit },
    ask.limits ?? LIMITS,
  );

/** The board's two lists as `kind:id`, to compare whole lists at once. */
export const kinds = (b: DeadlineBoard) => ({
  overdue: b.overdue.map((e) => `${e.kind}:${e.id}`),
  dueSoon: b.dueSoon.map((e) => `${e.kind}:${e.id}`),
});
