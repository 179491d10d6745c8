// The board read models and their queries (libs/projections: deadlines, statistics, audit-log).
export {
  auditLog,
  awaitingRelease,
  deadlineBoard,
  decodeAuditCursor,
  parsePeriod,
  periodStatistics,
  publish,
  toCsv,
  toXlsx,
  viewName,
  type AuditPage,
  type AwaitingRelease,
  type DeadlineBoard,
  type PublishedReport,
} from '#projections';
