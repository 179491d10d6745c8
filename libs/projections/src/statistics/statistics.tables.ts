import type { TableNamer } from '../projection.js';

/**
 * One row per record (report, person, exchange, message, verification, handover, person handed
 * over), with the instants the periodic statistics cut on and an index on each. A yearly query
 * then aggregates a few index ranges instead of scanning the log. `position` is the last event
 * applied to the row: an older (replayed) event never moves a row back.
 */
export const STATISTICS_COLUMNS = {
  stat_reports: {
    case_id: 'text',
    province: 'text',
    channel: 'text',
    received_at: 'timestamptz',
    classified_at: 'timestamptz',
    resolved_at: 'timestamptz',
    position: 'bigint',
  },
  // sex is opened from the sealed personal data when the person is registered or corrected; it is
  // 'unknown' when the key was already shredded, and the query treats shredded subjects as unknown.
  // received_at is when the report that brought the person in was received (the channel's instant),
  // so a person registered days later still counts in the period the case came in.
  stat_persons: {
    person_id: 'text',
    case_id: 'text',
    province: 'text',
    channel: 'text',
    role: 'text',
    age_band: 'text',
    status: 'text',
    sex: 'text',
    received_at: 'timestamptz',
    position: 'bigint',
  },
  // priority: the thread's now (issue 11); a message keeps the priority it was sent under.
  stat_exchanges: {
    exchange_id: 'text',
    counterpart: 'text',
    province: 'text',
    opened_at: 'timestamptz',
    priority: 'text',
    position: 'bigint',
  },
  stat_messages: {
    message_id: 'text',
    exchange_id: 'text',
    counterpart: 'text',
    province: 'text',
    direction: 'text',
    state: 'text',
    sent_at: 'timestamptz',
    response_due_at: 'timestamptz',
    is_reply: 'boolean',
    acknowledged_at: 'timestamptz',
    answered_at: 'timestamptz',
    // Whole minutes after sending, kept so the medians and p90 come from a grouped count, not a sort.
    ack_minutes: 'integer',
    reply_minutes: 'integer',
    priority: 'text',
    position: 'bigint',
  },
  stat_verifications: {
    verification_id: 'text',
    case_id: 'text',
    province: 'text',
    direction: 'text',
    counterpart: 'text',
    requested_at: 'timestamptz',
    outcome: 'text',
    answered_late: 'boolean',
    priority: 'text',
    // An answer's time and whole minutes after the request, for the reply times per priority.
    answered_at: 'timestamptz',
    reply_minutes: 'integer',
    position: 'bigint',
  },
  stat_handovers: {
    handover_id: 'text',
    case_id: 'text',
    province: 'text',
    gate: 'text',
    counterpart: 'text',
    conducted_at: 'timestamptz',
    cancelled_at: 'timestamptz',
    position: 'bigint',
  },
  stat_handed_over: {
    item_key: 'text',
    handover_id: 'text',
    person_id: 'text',
    province: 'text',
    gate: 'text',
    counterpart: 'text',
    received_at: 'timestamptz',
  },
  // Support given and referrals (issue 10): codes and instants only; the province is the person's.
  stat_support: {
    support_id: 'text',
    person_id: 'text',
    province: 'text',
    kind: 'text',
    provided_at: 'timestamptz',
  },
  stat_referrals: {
    referral_id: 'text',
    person_id: 'text',
    province: 'text',
    service: 'text',
    outcome: 'text',
    referred_at: 'timestamptz',
    position: 'bigint',
  },
} as const;

export type StatisticsTable = keyof typeof STATISTICS_COLUMNS;
export const STATISTICS_TABLES = Object.keys(STATISTICS_COLUMNS) as StatisticsTable[];

/** Columns that may be NULL; every other column is NOT NULL. */
const NULLABLE = new Set([
  'classified_at',
  'resolved_at',
  'province',
  'channel',
  'counterpart',
  'response_due_at',
  'acknowledged_at',
  'answered_at',
  'ack_minutes',
  'reply_minutes',
  'conducted_at',
  'cancelled_at',
]);

/** Index per table on the instants the periods cut on. */
const INDEXED: Record<StatisticsTable, readonly string[]> = {
  stat_reports: ['received_at'],
  stat_persons: ['received_at'],
  stat_exchanges: ['opened_at'],
  stat_messages: ['sent_at'],
  stat_verifications: ['requested_at'],
  stat_handovers: ['conducted_at', 'cancelled_at'],
  stat_handed_over: ['received_at'],
  stat_support: ['provided_at'],
  stat_referrals: ['referred_at'],
};

export const statisticsDdl = (t: TableNamer): string[] =>
  STATISTICS_TABLES.flatMap((table) => {
    const columns = Object.entries(STATISTICS_COLUMNS[table]).map(
      ([name, type], i) => `${name} ${type}${i === 0 ? ' PRIMARY KEY' : NULLABLE.has(name) ? '' : ' NOT NULL'}`,
    );
    return [
      `CREATE TABLE ${t(table)} (${columns.join(', ')})`,
      ...INDEXED[table].map((c) => `CREATE INDEX ${t(table)}_${c} ON ${t(table)} (${c})`),
    ];
  });
