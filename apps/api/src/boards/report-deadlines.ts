// The report due dates on the deadline board (issue 11): a query of libs/projections/src/reports.
export { reportsDue, type ReportDue } from '#projections';
