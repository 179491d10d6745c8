import type { SqlClient } from '#event-store';
import { viewNamer } from '../spec-support/projection.spec-fixtures.js';
import { parsePeriod } from './statistics.period.js';
import { periodStatistics } from './statistics.query.js';
import type { StatisticsReport } from './statistics-report.values.js';

/** The reply limits the statistics specs measure against: seven days, eight hours when urgent. */
export const STATISTICS_LIMITS = { messageReplyDefaultMs: 7 * 86_400_000, urgentReplyMs: 8 * 3_600_000 };

/** "Now" for the statistics specs: after every period they ask about, so overdue counts are settled. */
export const STATISTICS_NOW = new Date('2027-01-15T00:00:00Z');

/** The statistics of a period (`2026-Q1`, `2026`…), of one province or all, as the read side reports them. */
export const statisticsOf = (
  sql: SqlClient,
  period: string,
  province: string | null = null,
): Promise<StatisticsReport> =>
  periodStatistics(sql, viewNamer, { period: parsePeriod(period)!, province, now: STATISTICS_NOW }, STATISTICS_LIMITS);
