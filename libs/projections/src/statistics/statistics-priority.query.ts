import type { SqlClient } from '#event-store';
import type { TableNamer } from '../projection.js';
import { hoursAt } from './reply-hours.js';
import type { PriorityStats, StatisticsBody, StatisticsLimits, WindowQuery } from './statistics-report.values.js';

const emptyPriority = (): PriorityStats => ({
  messages: { sent: 0, answered: 0, replyHours: { median: null, p90: null }, overdue: 0 },
  verifications: { requested: 0, answered: 0, replyHours: { median: null, p90: null }, answeredLate: 0 },
});

interface PriorityRow {
  priority: string;
  g: number;
  reply_minutes: number | null;
  n: number;
  answered: number;
  late: number;
}

/** The totals (GROUPING bit 1: minutes rolled up) and the reply-time histogram of each priority. */
function byPriority(rows: readonly PriorityRow[]): Map<string, { total?: PriorityRow; reply: [number, number][] }> {
  const out = new Map<string, { total?: PriorityRow; reply: [number, number][] }>();
  for (const row of rows) {
    const entry = out.get(row.priority) ?? { reply: [] };
    out.set(row.priority, entry);
    if (row.g === 1) entry.total = row;
    else if (row.reply_minutes !== null) entry.reply.push([row.reply_minutes, row.n]);
  }
  return out;
}

/**
 * Each priority under its own reply limit: outgoing messages that open a round (due at the
 * declared time, else the priority's limit from sending) and verification requests (due as
 * stated). A message counts under the priority it was sent with.
 */
export async function priorities(
  sql: SqlClient,
  v: TableNamer,
  q: WindowQuery,
  limits: StatisticsLimits,
): Promise<StatisticsBody['priorities']> {
  const messages = await sql.query<PriorityRow>(
    `WITH m AS (
       SELECT priority, answered_at, reply_minutes,
              COALESCE(response_due_at, sent_at + (CASE WHEN priority = 'urgent' THEN $6 ELSE $5 END)::bigint
                                                  * interval '1 millisecond') AS due_at
         FROM ${v('stat_messages')}
        WHERE state = 'sent' AND direction = 'outgoing' AND NOT is_reply
          AND sent_at >= $1 AND sent_at < $2 AND ($3::text IS NULL OR province = $3))
     SELECT priority, GROUPING(reply_minutes)::int AS g, reply_minutes, count(*)::int AS n,
            count(reply_minutes)::int AS answered,
            count(*) FILTER (WHERE COALESCE(answered_at, $4) > due_at)::int AS late
       FROM m GROUP BY GROUPING SETS ((priority), (priority, reply_minutes))`,
    [q.window.from, q.window.to, q.province, q.now, limits.messageReplyDefaultMs, limits.urgentReplyMs],
  );
  const verifications = await sql.query<PriorityRow>(
    `SELECT priority, GROUPING(reply_minutes)::int AS g, reply_minutes, count(*)::int AS n,
            count(answered_at)::int AS answered, count(*) FILTER (WHERE answered_late)::int AS late
       FROM ${v('stat_verifications')}
      WHERE requested_at >= $1 AND requested_at < $2 AND ($3::text IS NULL OR province = $3)
      GROUP BY GROUPING SETS ((priority), (priority, reply_minutes))`,
    [q.window.from, q.window.to, q.province],
  );
  const out = { urgent: emptyPriority(), normal: emptyPriority() };
  for (const [priority, { total, reply }] of byPriority(messages.rows)) {
    const m = (priority === 'urgent' ? out.urgent : out.normal).messages;
    m.sent += total?.n ?? 0;
    m.answered += total?.answered ?? 0;
    m.overdue += total?.late ?? 0;
    m.replyHours = { median: hoursAt(reply, 0.5), p90: hoursAt(reply, 0.9) };
  }
  for (const [priority, { total, reply }] of byPriority(verifications.rows)) {
    const r = (priority === 'urgent' ? out.urgent : out.normal).verifications;
    r.requested += total?.n ?? 0;
    r.answered += total?.answered ?? 0;
    r.answeredLate += total?.late ?? 0;
    r.replyHours = { median: hoursAt(reply, 0.5), p90: hoursAt(reply, 0.9) };
  }
  return out;
}
