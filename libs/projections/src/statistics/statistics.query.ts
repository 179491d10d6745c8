import type { SqlClient } from '#event-store';
import type { TableNamer } from '../projection.js';
import { crackdownWindow, vietnamTime, type ReportingPeriod } from './statistics.period.js';
import { exchanges } from './statistics-exchanges.query.js';
import { priorities } from './statistics-priority.query.js';
import {
  CLASSIFIED_TARGET,
  RESOLVED_TARGET,
  type Counts,
  type StatisticsBody,
  type StatisticsLimits,
  type StatisticsReport,
  type WindowQuery,
} from './statistics-report.values.js';

/** Roles on the victim track: relatives and suspects are not "persons received". */
const COUNTED_ROLES = ['presumed_victim', 'victim', 'accompanying_minor'];

const add = (counts: Counts, key: string | null, n: number): void => {
  const k = key ?? 'unknown';
  counts[k] = (counts[k] ?? 0) + n;
};
const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

async function reports(sql: SqlClient, v: TableNamer, q: WindowQuery): Promise<StatisticsBody['reports']> {
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
  q: WindowQuery,
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

async function handovers(sql: SqlClient, v: TableNamer, q: WindowQuery): Promise<StatisticsBody['handovers']> {
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

async function verifications(sql: SqlClient, v: TableNamer, q: WindowQuery): Promise<StatisticsBody['verifications']> {
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

async function support(sql: SqlClient, v: TableNamer, q: WindowQuery): Promise<StatisticsBody['support']> {
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

async function referrals(sql: SqlClient, v: TableNamer, q: WindowQuery): Promise<StatisticsBody['referrals']> {
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

async function hasKeyStore(sql: SqlClient): Promise<boolean> {
  const r = await sql.query<{ t: string | null }>(`SELECT to_regclass('subject_keys')::text AS t`);
  return r.rows[0]?.t != null;
}

/** Every count of one window (a period, or the crackdown part of it). */
export async function windowStatistics(
  sql: SqlClient,
  views: TableNamer,
  q: WindowQuery,
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
