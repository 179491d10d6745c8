import type { SqlClient } from '#event-store';
import type { TableNamer } from '../projection.js';
import { crackdownWindow, vietnamTime, type ReportingPeriod, type ReportingWindow } from './statistics.period.js';

/** Targets of the provincial plans (Decisions 193 and 33): all reports classified, > 90 % resolved. */
export const CLASSIFIED_TARGET = 1;
export const RESOLVED_TARGET = 0.9;

/** Roles on the victim track: relatives and suspects are not "persons received". */
const COUNTED_ROLES = ['presumed_victim', 'victim', 'accompanying_minor'];

export interface StatisticsLimits {
  /** Reply limit of an outgoing message without a responseDueAt (as the deadline board), normal priority. */
  readonly messageReplyDefaultMs: number;
  /** The same for the urgent priority (issue 11). */
  readonly urgentReplyMs: number;
}

/** How each priority was answered (issue 11). */
export interface PriorityStats {
  /** Outgoing messages that open a round (our replies wait for nothing), sent in the window. */
  messages: { sent: number; answered: number; replyHours: Hours; overdue: number };
  /** Verification requests sent or received in the window. */
  verifications: { requested: number; answered: number; replyHours: Hours; answeredLate: number };
}

export type Counts = Record<string, number>;
export interface Hours {
  median: number | null;
  p90: number | null;
}

export interface ExchangeDirectionStats {
  messages: number;
  acknowledged: number;
  answered: number;
  ackHours: Hours;
  replyHours: Hours;
  overdue: number;
}

export interface StatisticsBody {
  reports: {
    received: number;
    classified: number;
    resolved: number;
    classifiedRate: number | null;
    resolvedRate: number | null;
    classifiedTarget: number;
    resolvedTarget: number;
    meetsClassifiedTarget: boolean | null;
    meetsResolvedTarget: boolean | null;
    byChannel: Counts;
  };
  persons: {
    total: number;
    byChannel: Counts;
    bySex: Counts;
    byAgeBand: Counts;
    byStatus: Counts;
    byProvince: Counts;
    byRole: Counts;
    accompanyingMinors: number;
  };
  handovers: {
    held: number;
    cancelled: number;
    personsHandedOver: number;
    personsByGate: Counts;
    personsByCounterpart: Counts;
  };
  exchanges: {
    total: number;
    byCounterpart: Record<
      string,
      { exchanges: number; outgoing: ExchangeDirectionStats; incoming: ExchangeDirectionStats }
    >;
  };
  verifications: {
    requested: number;
    byOutcome: Counts;
    byDirection: Counts;
    answeredLate: number;
  };
  /** Essential support given in the window, by kind (issue 10). */
  support: { given: number; byKind: Counts };
  /** Referrals made in the window, by service and by where they stand now ('pending' until answered). */
  referrals: { made: number; byService: Counts; byOutcome: Counts };
  /** Reply times (median, p90) and overdue counts per priority, each under its own limit. */
  priorities: { urgent: PriorityStats; normal: PriorityStats };
}

export interface StatisticsReport extends StatisticsBody {
  period: { code: string; kind: ReportingPeriod['kind']; from: string; to: string; fromUtc: string; toUtc: string };
  province: string | null;
  generatedAt: string;
  /** Subtotals for 1 July – 30 September inside the period; null when the period does not touch it. */
  crackdown: (StatisticsBody & { from: string; to: string }) | null;
}

interface Query {
  readonly window: ReportingWindow;
  readonly province: string | null;
  readonly now: Date;
}

const add = (counts: Counts, key: string | null, n: number): void => {
  const k = key ?? 'unknown';
  counts[k] = (counts[k] ?? 0) + n;
};
const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
/**
 * The continuous percentile (as PostgreSQL's percentile_cont: linear between the two nearest
 * ranks) of values given as [minutes, count] pairs, in hours rounded to 0.01 h.
 */
export function hoursAt(histogram: readonly (readonly [number, number])[], fraction: number): number | null {
  const sorted = [...histogram].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return null;
  const rank = fraction * (total - 1);
  const valueAt = (r: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (r < seen) return value;
    }
    return sorted[sorted.length - 1][0];
  };
  const lo = Math.floor(rank);
  const minutes = valueAt(lo) + (rank - lo) * (valueAt(Math.ceil(rank)) - valueAt(lo));
  return Math.round((minutes / 60) * 100) / 100;
}

async function reports(sql: SqlClient, v: TableNamer, q: Query): Promise<StatisticsBody['reports']> {
  // Classified / resolved by the end of the window: the same period gives the same figures
  // whenever the report is produced (apart from facts recorded late).
  const r = await sql.query<{ channel: string; received: number; classified: number; resolved: number }>(
    `SELECT channel, count(*)::int AS received,
            count(*) FILTER (WHERE classified_at < $2)::int AS classified,
            count(*) FILTER (WHERE resolved_at < $2)::int AS resolved
       FROM ${v('stat_reports')}
      WHERE received_at >= $1 AND received_at < $2 AND ($3::text IS NULL OR province = $3)
      GROUP BY channel`,
    [q.window.from, q.window.to, q.province],
  );
  const byChannel: Counts = {};
  let received = 0;
  let classified = 0;
  let resolved = 0;
  for (const row of r.rows) {
    add(byChannel, row.channel, row.received);
    received += row.received;
    classified += row.classified;
    resolved += row.resolved;
  }
  const classifiedRate = ratio(classified, received);
  const resolvedRate = ratio(resolved, received);
  return {
    received,
    classified,
    resolved,
    classifiedRate,
    resolvedRate,
    classifiedTarget: CLASSIFIED_TARGET,
    resolvedTarget: RESOLVED_TARGET,
    meetsClassifiedTarget: classifiedRate === null ? null : classifiedRate >= CLASSIFIED_TARGET,
    meetsResolvedTarget: resolvedRate === null ? null : resolvedRate > RESOLVED_TARGET,
    byChannel,
  };
}

async function persons(
  sql: SqlClient,
  v: TableNamer,
  q: Query,
  keysTable: boolean,
): Promise<StatisticsBody['persons']> {
  // After crypto-shredding nobody can know the sex any more: an erased subject counts as unknown.
  const sex = keysTable
    ? `CASE WHEN EXISTS (SELECT 1 FROM subject_keys k WHERE k.subject_id = p.person_id AND k.shredded_at IS NOT NULL)
            THEN 'unknown' ELSE p.sex END`
    : 'p.sex';
  const r = await sql.query<{
    channel: string | null;
    sex: string;
    age_band: string;
    status: string;
    province: string | null;
    role: string;
    n: number;
  }>(
    `SELECT p.channel, ${sex} AS sex, p.age_band, p.status, p.province, p.role, count(*)::int AS n
       FROM ${v('stat_persons')} p
      WHERE p.received_at >= $1 AND p.received_at < $2 AND ($3::text IS NULL OR p.province = $3)
        AND p.role = ANY($4::text[])
      GROUP BY 1, 2, 3, 4, 5, 6`,
    [q.window.from, q.window.to, q.province, COUNTED_ROLES],
  );
  const out: StatisticsBody['persons'] = {
    total: 0,
    byChannel: {},
    bySex: {},
    byAgeBand: {},
    byStatus: {},
    byProvince: {},
    byRole: {},
    accompanyingMinors: 0,
  };
  for (const row of r.rows) {
    out.total += row.n;
    add(out.byChannel, row.channel, row.n);
    add(out.bySex, row.sex, row.n);
    add(out.byAgeBand, row.age_band, row.n);
    add(out.byStatus, row.status, row.n);
    add(out.byProvince, row.province, row.n);
    add(out.byRole, row.role, row.n);
    if (row.role === 'accompanying_minor') out.accompanyingMinors += row.n;
  }
  return out;
}

async function handovers(sql: SqlClient, v: TableNamer, q: Query): Promise<StatisticsBody['handovers']> {
  const params = [q.window.from, q.window.to, q.province];
  const held = await sql.query<{ held: number; cancelled: number }>(
    `SELECT count(*) FILTER (WHERE conducted_at >= $1 AND conducted_at < $2)::int AS held,
            count(*) FILTER (WHERE cancelled_at >= $1 AND cancelled_at < $2)::int AS cancelled
       FROM ${v('stat_handovers')}
      WHERE ((conducted_at >= $1 AND conducted_at < $2) OR (cancelled_at >= $1 AND cancelled_at < $2))
        AND ($3::text IS NULL OR province = $3)`,
    params,
  );
  const persons = await sql.query<{ gate: string; counterpart: string; n: number }>(
    `SELECT gate, counterpart, count(*)::int AS n FROM ${v('stat_handed_over')}
      WHERE received_at >= $1 AND received_at < $2 AND ($3::text IS NULL OR province = $3)
      GROUP BY 1, 2`,
    params,
  );
  const out: StatisticsBody['handovers'] = {
    held: held.rows[0]?.held ?? 0,
    cancelled: held.rows[0]?.cancelled ?? 0,
    personsHandedOver: 0,
    personsByGate: {},
    personsByCounterpart: {},
  };
  for (const row of persons.rows) {
    out.personsHandedOver += row.n;
    add(out.personsByGate, row.gate, row.n);
    add(out.personsByCounterpart, row.counterpart, row.n);
  }
  return out;
}

const emptyDirection = (): ExchangeDirectionStats => ({
  messages: 0,
  acknowledged: 0,
  answered: 0,
  ackHours: { median: null, p90: null },
  replyHours: { median: null, p90: null },
  overdue: 0,
});

async function exchanges(
  sql: SqlClient,
  v: TableNamer,
  q: Query,
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

async function verifications(sql: SqlClient, v: TableNamer, q: Query): Promise<StatisticsBody['verifications']> {
  const r = await sql.query<{ direction: string; outcome: string; late: boolean; n: number }>(
    `SELECT direction, outcome, answered_late AS late, count(*)::int AS n FROM ${v('stat_verifications')}
      WHERE requested_at >= $1 AND requested_at < $2 AND ($3::text IS NULL OR province = $3)
      GROUP BY 1, 2, 3`,
    [q.window.from, q.window.to, q.province],
  );
  const out: StatisticsBody['verifications'] = { requested: 0, byOutcome: {}, byDirection: {}, answeredLate: 0 };
  for (const row of r.rows) {
    out.requested += row.n;
    add(out.byOutcome, row.outcome, row.n);
    add(out.byDirection, row.direction, row.n);
    if (row.late) out.answeredLate += row.n;
  }
  return out;
}

async function support(sql: SqlClient, v: TableNamer, q: Query): Promise<StatisticsBody['support']> {
  const r = await sql.query<{ kind: string; n: number }>(
    `SELECT kind, count(*)::int AS n FROM ${v('stat_support')}
      WHERE provided_at >= $1 AND provided_at < $2 AND ($3::text IS NULL OR province = $3)
      GROUP BY 1`,
    [q.window.from, q.window.to, q.province],
  );
  const out: StatisticsBody['support'] = { given: 0, byKind: {} };
  for (const row of r.rows) {
    out.given += row.n;
    add(out.byKind, row.kind, row.n);
  }
  return out;
}

async function referrals(sql: SqlClient, v: TableNamer, q: Query): Promise<StatisticsBody['referrals']> {
  const r = await sql.query<{ service: string; outcome: string; n: number }>(
    `SELECT service, outcome, count(*)::int AS n FROM ${v('stat_referrals')}
      WHERE referred_at >= $1 AND referred_at < $2 AND ($3::text IS NULL OR province = $3)
      GROUP BY 1, 2`,
    [q.window.from, q.window.to, q.province],
  );
  const out: StatisticsBody['referrals'] = { made: 0, byService: {}, byOutcome: {} };
  for (const row of r.rows) {
    out.made += row.n;
    add(out.byService, row.service, row.n);
    add(out.byOutcome, row.outcome, row.n);
  }
  return out;
}

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
async function priorities(
  sql: SqlClient,
  v: TableNamer,
  q: Query,
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

async function hasKeyStore(sql: SqlClient): Promise<boolean> {
  const r = await sql.query<{ t: string | null }>(`SELECT to_regclass('subject_keys')::text AS t`);
  return r.rows[0]?.t != null;
}

/** Every count of one window (a period, or the crackdown part of it). */
export async function windowStatistics(
  sql: SqlClient,
  views: TableNamer,
  q: Query,
  limits: StatisticsLimits,
): Promise<StatisticsBody> {
  const keys = await hasKeyStore(sql);
  // Two lanes, each led by one of the two scans of the window's messages (most of the time):
  // on a server they run side by side on the pool, one per core. The figures are read in
  // separate statements either way, as they always were, so running them together changes
  // nothing a reader could see. PGlite has one connection: there the lanes simply run in turn.
  const laneA = async () => ({
    exchanges: await exchanges(sql, views, q, limits),
    reports: await reports(sql, views, q),
    persons: await persons(sql, views, q, keys),
    handovers: await handovers(sql, views, q),
  });
  const laneB = async () => ({
    priorities: await priorities(sql, views, q, limits),
    verifications: await verifications(sql, views, q),
    support: await support(sql, views, q),
    referrals: await referrals(sql, views, q),
  });
  const [a, b] = sql.kind === 'postgres' ? await Promise.all([laneA(), laneB()]) : [await laneA(), await laneB()];
  return {
    reports: a.reports,
    persons: a.persons,
    handovers: a.handovers,
    exchanges: a.exchanges,
    verifications: b.verifications,
    support: b.support,
    referrals: b.referrals,
    priorities: b.priorities,
  };
}

/** The statistics of a reporting period with the crackdown subtotal (unsuppressed: see statistics.export.ts). */
export async function periodStatistics(
  sql: SqlClient,
  views: TableNamer,
  query: { period: ReportingPeriod; province: string | null; now: Date },
  limits: StatisticsLimits,
): Promise<StatisticsReport> {
  const { period, province, now } = query;
  const body = await windowStatistics(sql, views, { window: period, province, now }, limits);
  const crackdown = crackdownWindow(period);
  return {
    period: {
      code: period.code,
      kind: period.kind,
      from: vietnamTime(period.from),
      to: vietnamTime(period.to),
      fromUtc: period.from.toISOString(),
      toUtc: period.to.toISOString(),
    },
    province,
    generatedAt: now.toISOString(),
    ...body,
    crackdown: crackdown
      ? {
          from: vietnamTime(crackdown.from),
          to: vietnamTime(crackdown.to),
          ...(await windowStatistics(sql, views, { window: crackdown, province, now }, limits)),
        }
      : null,
  };
}
