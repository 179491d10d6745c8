/**
 * Time limits of the deadline board and of the "overdue" counts in the statistics. docs/domain.md
 * confirms only a few of them (3 days after a self-report, Law 53/2024 Art. 27; onward transfer
 * the same day as practice; cross-border replies by agreement of the two sides), so every limit is
 * configuration with a documented default, never a constant in the code that applies it.
 *
 * Durations are ISO-8601 without years or months (their length depends on the calendar):
 * `P7D`, `PT8H`, `P1DT12H`, `P2W`.
 */
export interface DeadlineLimits {
  /**
   * Reply limit of the normal priority: an outgoing message sent without a responseDueAt, and a
   * verification request that states no due time (issue 11).
   */
  readonly messageReplyDefaultMs: number;
  /** Reply limit of the urgent priority, for the same (reference: 8 hours). */
  readonly urgentReplyMs: number;
  /** How long after the scheduled instant a handover may stay unconfirmed before it is overdue. */
  readonly handoverConfirmationGraceMs: number;
  /**
   * Whole Vietnam calendar days after the day a person was received at the border by which the
   * onward transfer is due; 0 (the default) means by the end of the same day.
   */
  readonly onwardTransferDays: number;
  /** Initial verification after a self-report (Law 53/2024 Art. 27: 3 days). */
  readonly initialVerificationMs: number;
  /** How long a receiving service may take to answer a referral (accept or decline) before it is overdue. */
  readonly referralAnswerMs: number;
  /** Window of "due soon" when the request names none. */
  readonly dueSoonDefaultMs: number;
  /** Largest "due soon" window a request may ask for. */
  readonly dueSoonMaxMs: number;
}

export const DEADLINE_VARIABLES: Readonly<Record<string, string>> = {
  DEADLINE_MESSAGE_REPLY:
    'reply limit of the normal priority (outgoing message without responseDueAt, verification request without dueAt), ISO-8601 duration (default P7D)',
  DEADLINE_URGENT_REPLY: 'reply limit of the urgent priority, the same way (default PT8H)',
  DEADLINE_HANDOVER_CONFIRMATION_GRACE:
    'time after the scheduled instant before an unconfirmed handover is overdue (default PT12H)',
  DEADLINE_ONWARD_TRANSFER_DAYS:
    'Vietnam calendar days after the day of receipt by which the onward transfer is due (default 0: same day)',
  DEADLINE_INITIAL_VERIFICATION: 'initial verification after a self-report, Law 53/2024 Art. 27 (default P3D)',
  DEADLINE_REFERRAL_ANSWER: 'time a receiving service has to answer a referral of a victim (default P7D)',
  DEADLINE_DUE_SOON: 'default "due soon" window of the deadline board (default P2D)',
  DEADLINE_DUE_SOON_MAX: 'largest "due soon" window a request may ask for (default P90D)',
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEFAULT_DEADLINE_LIMITS: DeadlineLimits = {
  messageReplyDefaultMs: 7 * DAY,
  urgentReplyMs: 8 * HOUR,
  handoverConfirmationGraceMs: 12 * HOUR,
  onwardTransferDays: 0,
  initialVerificationMs: 3 * DAY,
  referralAnswerMs: 7 * DAY,
  dueSoonDefaultMs: 2 * DAY,
  dueSoonMaxMs: 90 * DAY,
};

const DURATION = /^P(?:(\d{1,4})W)?(?:(\d{1,5})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,7})M)?(?:(\d{1,9})S)?)?$/;

/** Milliseconds of an ISO-8601 duration in weeks/days/hours/minutes/seconds; null if not one. */
export function parseIsoDuration(value: string): number | null {
  const m = DURATION.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return null;
  const [, w, d, h, mi, s] = m.map((part) => (part === undefined ? 0 : Number(part)));
  return (((w * 7 + d) * 24 + h) * 60 + mi) * 60_000 + s * 1000;
}

type Env = Readonly<Record<string, string | undefined>>;

function duration(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const ms = parseIsoDuration(raw);
  if (ms === null || ms <= 0) {
    problems.push(`${name} must be a positive ISO-8601 duration such as P7D or PT8H (got "${raw}")`);
    return fallback;
  }
  return ms;
}

/**
 * Reads the DEADLINE_* variables from the env object it is given. Problems are appended to
 * `problems` (so loadConfig can report them with all the others); without a list, it throws.
 */
export function loadDeadlineLimits(env: Env, problems?: string[]): DeadlineLimits {
  const found: string[] = [];
  const rawDays = env.DEADLINE_ONWARD_TRANSFER_DAYS;
  let onwardTransferDays = DEFAULT_DEADLINE_LIMITS.onwardTransferDays;
  if (rawDays !== undefined && rawDays !== '') {
    const n = Number(rawDays);
    if (/^\d{1,2}$/.test(rawDays) && n <= 30) onwardTransferDays = n;
    else found.push(`DEADLINE_ONWARD_TRANSFER_DAYS must be an integer between 0 and 30 (got "${rawDays}")`);
  }
  const d = DEFAULT_DEADLINE_LIMITS;
  const limits: DeadlineLimits = {
    messageReplyDefaultMs: duration(env, 'DEADLINE_MESSAGE_REPLY', d.messageReplyDefaultMs, found),
    urgentReplyMs: duration(env, 'DEADLINE_URGENT_REPLY', d.urgentReplyMs, found),
    handoverConfirmationGraceMs: duration(
      env,
      'DEADLINE_HANDOVER_CONFIRMATION_GRACE',
      d.handoverConfirmationGraceMs,
      found,
    ),
    onwardTransferDays,
    initialVerificationMs: duration(env, 'DEADLINE_INITIAL_VERIFICATION', d.initialVerificationMs, found),
    referralAnswerMs: duration(env, 'DEADLINE_REFERRAL_ANSWER', d.referralAnswerMs, found),
    dueSoonDefaultMs: duration(env, 'DEADLINE_DUE_SOON', d.dueSoonDefaultMs, found),
    dueSoonMaxMs: duration(env, 'DEADLINE_DUE_SOON_MAX', d.dueSoonMaxMs, found),
  };
  if (limits.urgentReplyMs > limits.messageReplyDefaultMs)
    found.push('DEADLINE_URGENT_REPLY must not be longer than DEADLINE_MESSAGE_REPLY');
  if (limits.dueSoonDefaultMs > limits.dueSoonMaxMs)
    found.push('DEADLINE_DUE_SOON must not be longer than DEADLINE_DUE_SOON_MAX');
  if (problems) problems.push(...found);
  else if (found.length > 0) throw new RangeError(`Invalid deadline limits:\n  - ${found.join('\n  - ')}`);
  return limits;
}

/** The reply limit of a priority. */
export const replyLimitMs = (
  limits: Pick<DeadlineLimits, 'messageReplyDefaultMs' | 'urgentReplyMs'>,
  priority: string,
) => (priority === 'urgent' ? limits.urgentReplyMs : limits.messageReplyDefaultMs);
