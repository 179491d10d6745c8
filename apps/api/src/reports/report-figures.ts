import type { SqlClient } from '#event-store';
import type { ReportFigures, ReportPeriod } from '#reports';
import { type DeadlineLimits } from '#config';
import { meetingFigures, pendingReports, periodStatistics, publish, viewName, withMeetings } from '#projections';

/**
 * Compiles a report's figures from the statistics read side, exactly as the statistics export
 * gives them (the published form, small cells suppressed), with the cases behind the two target
 * rates. The report's decider only checks and freezes what arrives here.
 */
export async function compileFigures(
  sql: SqlClient,
  limits: DeadlineLimits,
  query: { province: string; period: ReportPeriod; now: Date },
): Promise<ReportFigures> {
  const window = { from: new Date(query.period.from), to: new Date(query.period.to) };
  const published = publish(
    await periodStatistics(
      sql,
      viewName,
      {
        period: { ...window, code: query.period.code, kind: query.period.kind },
        province: query.province,
        now: query.now,
      },
      limits,
    ),
  );
  // The meetings with the counterpart, as the statistics export gives them (issue 11).
  const meetings = await meetingFigures(sql, viewName, { period: window, province: query.province, now: query.now });
  const statistics = withMeetings(published, meetings);
  const pending = await pendingReports(sql, viewName, { window, province: query.province });
  return {
    compiledAt: query.now.toISOString(),
    period: query.period.code,
    province: query.province,
    statistics: statistics as unknown as Record<string, unknown>,
    pending,
  };
}
