import type { ReportDocument, ReportFigures } from './report.events.js';
import type { ReportPeriod, ReportSection } from './report.values.js';

export type NoReport = { readonly status: 'none' };

interface ExistingReport {
  readonly reportId: string;
  readonly province: string;
  readonly period: ReportPeriod;
  readonly draftedAt: string;
  readonly narrative: Readonly<Partial<Record<ReportSection, string>>>;
  readonly approval: { readonly by: string; readonly at: string } | null;
}

export type DraftingReport = ExistingReport & { readonly status: 'draft' };
export type ApprovedReport = ExistingReport & { readonly status: 'approved' };
export type SubmittedReport = ExistingReport & {
  readonly status: 'submitted';
  readonly submission: {
    readonly by: string;
    readonly at: string;
    readonly figures: ReportFigures;
    readonly document: ReportDocument;
  };
};

export type ReportState = NoReport | DraftingReport | ApprovedReport | SubmittedReport;
export type ReportStatus = ReportState['status'];

export const initialReportState: ReportState = { status: 'none' };
