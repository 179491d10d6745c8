import type { SqlClient } from '#event-store';
import type { TableNamer } from '../projection.js';
import { publish, type PublishedReport } from '../statistics/statistics.export.js';
import type { MeetingFigures } from '../statistics/statistics.meetings.js';
import {
  vietnamMidnight,
  vietnamTime,
  type ReportingPeriod,
  type ReportingWindow,
} from '../statistics/statistics.period.js';
import { windowStatistics } from '../statistics/statistics.query.js';
import type { StatisticsLimits } from '../statistics/statistics-report.values.js';
import { campaignList, type CampaignEntry } from './meetings.query.js';

/**
 * Meetings and agreed actions of a reporting period (issue 11), with the subtotals of each joint
 * campaign that overlaps it, computed and suppressed like the 1 July – 30 September window.
 * Meetings and actions are not counts of people: they are never suppressed.
 */
export interface MeetingStatistics {
  readonly period: { code: string; from: string; to: string };
  readonly province: string | null;
  readonly generatedAt: string;
  readonly meetings: MeetingFigures['meetings'];
  readonly actions: MeetingFigures['actions'];
  readonly campaigns: CampaignSubtotal[];
}

export type CampaignSubtotal = CampaignEntry & {
  /** The part of the campaign inside the period (Vietnam time). */
  readonly window: { from: string; to: string };
  readonly statistics: Omit<PublishedReport, 'period' | 'province' | 'generatedAt' | 'crackdown'>;
};

const n = (v: unknown): number => Number(v ?? 0);

/** A campaign's days as a window: from its first day's midnight to the midnight after its last (Vietnam). */
export function campaignWindow(c: Pick<CampaignEntry, 'from' | 'to'>): ReportingWindow {
  const [fy, fm, fd] = c.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = c.to.split('-').map(Number) as [number, number, number];
  return { from: vietnamMidnight(fy, fm, fd), to: vietnamMidnight(ty, tm, td + 1) };
}

/** Meetings held in a period by kind, and how the actions agreed at them went (unsuppressed). */
export async function meetingFigures(
  sql: SqlClient,
  views: TableNamer,
  q: { period: Pick<ReportingPeriod, 'from' | 'to'>; province: string | null; now: Date },
): Promise<MeetingFigures> {
  const { period, province, now } = q;
  const window = [province, period.from.toISOString(), period.to.toISOString()];
  const kinds = await sql.query<{ kind: string; total: string }>(
    `SELECT kind, count(*) AS total FROM ${views('meetings')}
      WHERE ($1::text IS NULL OR province = $1) AND held_at >= $2 AND held_at < $3 GROUP BY kind ORDER BY kind`,
    window,
  );
  const byKind = Object.fromEntries(kinds.rows.map((r) => [r.kind, n(r.total)]));
  // Open past its due time at the end of the period (or now, for the period still running).
  const cut = new Date(Math.min(period.to.getTime(), now.getTime())).toISOString();
  const a = await sql.query<Record<string, string>>(
    `SELECT count(*) FILTER (WHERE agreed_at >= $2 AND agreed_at < $3) AS agreed,
            count(*) FILTER (WHERE state = 'done' AND NOT late AND closed_at >= $2 AND closed_at < $3) AS on_time,
            count(*) FILTER (WHERE state = 'done' AND late AND closed_at >= $2 AND closed_at < $3) AS late,
            count(*) FILTER (WHERE state = 'dropped' AND closed_at >= $2 AND closed_at < $3) AS dropped,
            count(*) FILTER (WHERE due_at < $4 AND (state = 'open' OR closed_at >= $4)) AS overdue
       FROM ${views('agreed_actions')} WHERE ($1::text IS NULL OR province = $1)`,
    [...window, cut],
  );
  const row = a.rows[0] ?? {};
  return {
    meetings: { total: Object.values(byKind).reduce((s, v) => s + v, 0), byKind },
    actions: {
      agreed: n(row.agreed),
      doneOnTime: n(row.on_time),
      doneLate: n(row.late),
      dropped: n(row.dropped),
      openOverdue: n(row.overdue),
    },
  };
}

export async function meetingStatistics(
  sql: SqlClient,
  views: TableNamer,
  q: { period: ReportingPeriod; province: string | null; now: Date },
  limits: StatisticsLimits,
): Promise<MeetingStatistics> {
  const { period, province, now } = q;
  const figures = await meetingFigures(sql, views, q);
  const campaigns: CampaignSubtotal[] = [];
  for (const campaign of await campaignList(sql, views, { province })) {
    const days = campaignWindow(campaign);
    const from = new Date(Math.max(days.from.getTime(), period.from.getTime()));
    const to = new Date(Math.min(days.to.getTime(), period.to.getTime()));
    if (from >= to) continue;
    // A province's campaign counts that province's record; a national one counts what the reader sees.
    const scope = campaign.coverage === 'national' ? province : campaign.province;
    const body = await windowStatistics(sql, views, { window: { from, to }, province: scope, now }, limits);
    const {
      period: _p,
      province: _v,
      generatedAt: _g,
      crackdown: _c,
      ...statistics
    } = publish({
      period: { code: period.code, kind: period.kind, from: '', to: '', fromUtc: '', toUtc: '' },
      province: scope,
      generatedAt: now.toISOString(),
      ...body,
      crackdown: null,
    });
    campaigns.push({ ...campaign, window: { from: vietnamTime(from), to: vietnamTime(to) }, statistics });
  }
  return {
    period: { code: period.code, from: vietnamTime(period.from), to: vietnamTime(period.to) },
    province,
    generatedAt: now.toISOString(),
    ...figures,
    campaigns,
  };
}
