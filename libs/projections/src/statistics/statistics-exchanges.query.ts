import type { SqlClient } from '#event-store';
import type { TableNamer } from '../projection.js';
import { hoursAt } from './reply-hours.js';
import type {
  ExchangeDirectionStats,
  StatisticsBody,
  StatisticsLimits,
  WindowQuery,
} from './statistics-report.values.js';

const emptyDirection = (): ExchangeDirectionStats => ({
  messages: 0,
  acknowledged: 0,
  answered: 0,
  ackHours: { median: null, p90: null },
  replyHours: { median: null, p90: null },
  overdue: 0,
});

export async function exchanges(
  sql: SqlClient,
  v: TableNamer,
  q: WindowQuery,
  limits: StatisticsLimits,
): Promise<StatisticsBody['exchanges']> {
  const opened = await sql.query<{ counterpart: string; n: number }>(
    `SELECT counterpart, count(*)::int AS n FROM ${v('stat_exchanges')}
      WHERE opened_at >= $1 AND opened_at < $2 AND ($3::text IS NULL OR province = $3)
      GROUP BY 1`,
    [q.window.from, q.window.to, q.province],
  );
  // A message is overdue when its reply came after the due time or is still missing past it.
  // Outgoing messages that open a round fall back to the configured reply limit; our replies
  // and incoming messages are due only when a response time was declared. Times come grouped by
  // whole minute (GROUPING SETS), so the median and p90 need no sort of every message.
  const messages = await sql.query<{
    counterpart: string | null;
    direction: 'outgoing' | 'incoming';
    g: number;
    ack_minutes: number | null;
    reply_minutes: number | null;
    n: number;
    acknowledged: number;
    answered: number;
    overdue: number;
  }>(
    `WITH m AS (
       SELECT counterpart, direction, answered_at, ack_minutes, reply_minutes,
              COALESCE(response_due_at,
                       CASE WHEN direction = 'outgoing' AND NOT is_reply
                            THEN sent_at + (CASE WHEN priority = 'urgent' THEN $6 ELSE $5 END)::bigint
                                           * interval '1 millisecond' END) AS due_at
         FROM ${v('stat_messages')}
        WHERE state = 'sent' AND sent_at >= $1 AND sent_at < $2 AND ($3::text IS NULL OR province = $3))
     SELECT counterpart, direction, GROUPING(ack_minutes, reply_minutes)::int AS g, ack_minutes, reply_minutes,
            count(*)::int AS n, count(ack_minutes)::int AS acknowledged, count(reply_minutes)::int AS answered,
            count(*) FILTER (WHERE due_at IS NOT NULL AND COALESCE(answered_at, $4) > due_at)::int AS overdue
       FROM m
      GROUP BY GROUPING SETS ((counterpart, direction), (counterpart, direction, ack_minutes),
                              (counterpart, direction, reply_minutes))`,
    [q.window.from, q.window.to, q.province, q.now, limits.messageReplyDefaultMs, limits.urgentReplyMs],
  );
  const byCounterpart: StatisticsBody['exchanges']['byCounterpart'] = {};
  const entry = (cp: string | null) =>
    (byCounterpart[cp ?? 'unknown'] ??= { exchanges: 0, outgoing: emptyDirection(), incoming: emptyDirection() });
  let total = 0;
  for (const row of opened.rows) {
    entry(row.counterpart).exchanges += row.n;
    total += row.n;
  }
  const histograms = new Map<string, { ack: [number, number][]; reply: [number, number][] }>();
  for (const row of messages.rows) {
    const key = `${row.counterpart ?? 'unknown'}\u0000${row.direction}`;
    const h = histograms.get(key) ?? { ack: [], reply: [] };
    histograms.set(key, h);
    // GROUPING bits: 1 = reply_minutes rolled up, 2 = ack_minutes rolled up, 3 = both (the totals).
    if (row.g === 3) {
      const dir = entry(row.counterpart)[row.direction];
      dir.messages = row.n;
      dir.acknowledged = row.acknowledged;
      dir.answered = row.answered;
      dir.overdue = row.overdue;
    } else if (row.g === 1 && row.ack_minutes !== null) h.ack.push([row.ack_minutes, row.n]);
    else if (row.g === 2 && row.reply_minutes !== null) h.reply.push([row.reply_minutes, row.n]);
  }
  for (const [key, h] of histograms) {
    const [counterpart, direction] = key.split('\u0000') as [string, 'outgoing' | 'incoming'];
    const dir = entry(counterpart)[direction];
    dir.ackHours = { median: hoursAt(h.ack, 0.5), p90: hoursAt(h.ack, 0.9) };
    dir.replyHours = { median: hoursAt(h.reply, 0.5), p90: hoursAt(h.reply, 0.9) };
  }
  return { total, byCounterpart };
}
