import type { SqlClient } from '#event-store';
import { dueReportsOf, reportIdOf, type ReportDueSchedule } from '#reports';
import { localTimes } from '#shared-kernel';
import type { TableNamer } from '../projection.js';

export type ReportStage = 'not_opened' | 'draft' | 'approved' | 'submitted';

export interface ReportStatusRow {
  readonly reportId: string;
  readonly province: string;
  readonly period: string;
  readonly status: ReportStage;
  readonly draftedAt: string | null;
  readonly approvedAt: string | null;
  readonly submittedAt: string | null;
}

interface Row {
  report_id: string;
  province: string;
  period_code: string;
  status: 'draft' | 'approved' | 'submitted';
  drafted_at: Date;
  approved_at: Date | null;
  submitted_at: Date | null;
}

const toRow = (r: Row): ReportStatusRow => ({
  reportId: r.report_id,
  province: r.province,
  period: r.period_code,
  status: r.status,
  draftedAt: r.drafted_at.toISOString(),
  approvedAt: r.approved_at?.toISOString() ?? null,
  submittedAt: r.submitted_at?.toISOString() ?? null,
});

/** The opened reports whose period begins in the given Vietnam year; `provinces` null for all. */
export async function reportsOfYear(
  sql: SqlClient,
  views: TableNamer,
  query: { year: number; provinces: readonly string[] | null },
): Promise<ReportStatusRow[]> {
  const r = await sql.query<Row>(
    `SELECT report_id, province, period_code, status, drafted_at, approved_at, submitted_at
       FROM ${views('report_status')}
      WHERE period_from >= $1 AND period_from < $2 AND ($3::text[] IS NULL OR province = ANY($3::text[]))
      ORDER BY period_from, period_to, province`,
    [
      new Date(Date.UTC(query.year, 0, 1, -7)),
      new Date(Date.UTC(query.year + 1, 0, 1, -7)),
      query.provinces === null ? null : [...query.provinces],
    ],
  );
  return r.rows.map(toRow);
}

/** Where each of the given provinces' report for one period stands, `not_opened` when it has none. */
export async function reportStatusOf(
  sql: SqlClient,
  views: TableNamer,
  query: { period: string; provinces: readonly string[] },
): Promise<ReportStatusRow[]> {
  const r = await sql.query<Row>(
    `SELECT report_id, province, period_code, status, drafted_at, approved_at, submitted_at
       FROM ${views('report_status')} WHERE period_code = $1 AND province = ANY($2::text[])`,
    [query.period, [...query.provinces]],
  );
  const found = new Map(r.rows.map((row) => [row.province, toRow(row)]));
  return query.provinces.map(
    (province) =>
      found.get(province) ?? {
        reportId: reportIdOf(province, query.period),
        province,
        period: query.period,
        status: 'not_opened',
        draftedAt: null,
        approvedAt: null,
        submittedAt: null,
      },
  );
}

/** A report owed by a province by a configured date, not submitted yet. */
export interface ReportDue extends ReportStatusRow {
  readonly dueAt: string;
  readonly local: { vn: string; cn: string };
  readonly overdue: boolean;
}

/**
 * The reports of the current Vietnam year, and of the last twelve months, that the provinces
 * still owe: overdue first, then by due date. Only periods with a configured due date appear; a
 * submitted report leaves the board.
 */
export async function reportsDue(
  sql: SqlClient,
  views: TableNamer,
  query: { now: Date; provinces: readonly string[]; schedule: ReportDueSchedule },
): Promise<ReportDue[]> {
  const year = new Date(query.now.getTime() + 7 * 3_600_000).getUTCFullYear();
  const owed = [...dueReportsOf(year - 1, query.schedule), ...dueReportsOf(year, query.schedule)];
  const out: ReportDue[] = [];
  for (const { period, dueAt } of owed) {
    for (const row of await reportStatusOf(sql, views, { period, provinces: query.provinces })) {
      if (row.status === 'submitted') continue;
      out.push({ ...row, dueAt, local: localTimes(dueAt), overdue: Date.parse(dueAt) <= query.now.getTime() });
    }
  }
  // A due date more than a year past no longer sits on the board (the report is long overdue in
  // the list of the year instead); this year's upcoming ones all do.
  const since = query.now.getTime() - 365 * 86_400_000;
  return out
    .filter((d) => Date.parse(d.dueAt) > since)
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt) || a.province.localeCompare(b.province),
    );
}
