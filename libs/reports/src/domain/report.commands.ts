import type { DomainCommand } from '#shared-kernel';
import type { ReportDocument, ReportFigures } from './report.events.js';
import type { ReportPeriod } from './report.values.js';

export type DraftReport = DomainCommand<'DraftReport', { province: string; period: ReportPeriod }>;

export type EditReportNarrative = DomainCommand<'EditReportNarrative', { section: string; text: string }>;

export type ApproveReport = DomainCommand<'ApproveReport', Record<string, never>>;

/** The figures are compiled by the application just before, so the decision itself stays pure. */
export type SubmitReport = DomainCommand<'SubmitReport', { figures: ReportFigures; document: ReportDocument }>;

export type ReportCommand = DraftReport | EditReportNarrative | ApproveReport | SubmitReport;
