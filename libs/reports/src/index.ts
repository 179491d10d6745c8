import { streamIdOf } from '#shared-kernel';

export { reportDecider } from './domain/report.decider.js';
export { decideReport } from './domain/report.decide.js';
export { evolveReport } from './domain/report.evolve.js';
export { initialReportState } from './domain/report.state.js';
export type * from './domain/report.state.js';
export type * from './domain/report.events.js';
export type * from './domain/report.commands.js';
export { ReportErrors, NARRATIVE_MAX_CHARS, type ReportErrorCode } from './domain/report.errors.js';
export {
  REPORT_SECTIONS,
  parseReportId,
  parseReportPeriod,
  reportIdOf,
  type ReportPeriod,
  type ReportPeriodKind,
  type ReportSection,
} from './domain/report.values.js';
export { compareFigures, type FigureDifference, type ReportDifferences } from './domain/report.differences.js';
export {
  DUE_PARTS,
  dueReportsOf,
  reportDueAt,
  type DueDay,
  type DuePart,
  type ReportDueSchedule,
} from './domain/report.due.js';

export const REPORT_CATEGORY = 'report';
export const reportStreamId = (reportId: string): string => streamIdOf(REPORT_CATEGORY, reportId);
