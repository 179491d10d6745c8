import type { SqlClient } from '#event-store';
import type { TableNamer } from '../projection.js';
import type { ReportingWindow } from './statistics.period.js';

/** The cases behind the two target rates that keep them below 100 %: ids only, oldest report first. */
export interface PendingReports {
  /** Received in the window and not classified by its end. */
  readonly unclassified: string[];
  /** Received in the window and not resolved by its end (a reopened case is not resolved). */
  readonly unresolved: string[];
}

/**
 * The same rows and the same cut-off as the `reports` figures of windowStatistics, so the lists
 * always account exactly for `received - classified` and `received - resolved`.
 */
export async function pendingReports(
  sql: SqlClient,
  views: TableNamer,
  query: { window: ReportingWindow; province: string | null },
): Promise<PendingReports> {
  const r = await sql.query<{ case_id: string; classified: boolean; resolved: boolean }>(
    `SELECT case_id, COALESCE(classified_at < $2, false) AS classified, COALESCE(resolved_at < $2, false) AS resolved
       FROM ${views('stat_reports')}
      WHERE received_at >= $1 AND received_at < $2 AND ($3::text IS NULL OR province = $3)
        AND (classified_at IS NULL OR classified_at >= $2 OR resolved_at IS NULL OR resolved_at >= $2)
      ORDER BY received_at, case_id`,
    [query.window.from, query.window.to, query.province],
  );
  return {
    unclassified: r.rows.filter((row) => !row.classified).map((row) => row.case_id),
    unresolved: r.rows.filter((row) => !row.resolved).map((row) => row.case_id),
  };
}
