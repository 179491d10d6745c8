import type {
  ReportDifferences,
  ReportDocument,
  ReportFigures,
  ReportPeriod,
  ReportSection,
  ReportState,
} from '#reports';

/** A report as the API answers it: its stage, its text, its figures (frozen once submitted, live before). */
export interface ReportView {
  readonly id: string;
  readonly province: string;
  readonly period: ReportPeriod;
  readonly status: 'draft' | 'approved' | 'submitted';
  readonly dueAt: string | null;
  readonly draftedAt: string;
  readonly approval: { readonly by: string; readonly at: string } | null;
  readonly submission: { readonly by: string; readonly at: string; readonly document: ReportDocument } | null;
  readonly narrative: Readonly<Partial<Record<ReportSection, string>>>;
  /** Submitted: the frozen figures. Before: compiled at the time of reading. */
  readonly figures: ReportFigures;
  /** Submitted reports only: what reads differently now; null before submission. */
  readonly differences: ReportDifferences | null;
  readonly revision: string;
}

export function reportView(
  state: Exclude<ReportState, { status: 'none' }>,
  revision: string,
  dueAt: string | null,
  figures: ReportFigures,
  differences: ReportDifferences | null,
): ReportView {
  return {
    id: state.reportId,
    province: state.province,
    period: state.period,
    status: state.status,
    dueAt,
    draftedAt: state.draftedAt,
    approval: state.approval,
    submission:
      state.status === 'submitted'
        ? { by: state.submission.by, at: state.submission.at, document: state.submission.document }
        : null,
    narrative: state.narrative,
    figures,
    differences,
    revision,
  };
}
