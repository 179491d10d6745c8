/** What the report endpoints answer (GET /reports, /reports/{id}); see docs/api.md, Reports. */
export const REPORT_SECTIONS = ['situation', 'results', 'difficulties', 'proposals'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export type ReportStage = 'not_opened' | 'draft' | 'approved' | 'submitted';

export interface ReportRow {
  readonly reportId: string;
  readonly province: string;
  readonly period: string;
  readonly status: ReportStage;
  readonly submittedAt: string | null;
}

export interface ReportDetail {
  readonly id: string;
  readonly province: string;
  readonly period: { readonly code: string; readonly from: string; readonly to: string };
  readonly status: Exclude<ReportStage, 'not_opened'>;
  readonly dueAt: string | null;
  readonly narrative: Partial<Record<ReportSection, string>>;
  readonly submission: { readonly at: string; readonly document: { readonly number: string } } | null;
  readonly figures: {
    readonly compiledAt: string;
    readonly statistics: {
      readonly reports?: {
        readonly received: number | string;
        readonly classifiedRate: number | null;
        readonly resolvedRate: number | null;
      };
    };
    readonly pending: { readonly unclassified: readonly string[]; readonly unresolved: readonly string[] };
  };
  readonly differences: {
    readonly changed: boolean;
    readonly figures: readonly { readonly metric: string; readonly submitted: unknown; readonly now: unknown }[];
  } | null;
}
