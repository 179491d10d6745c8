import type { DomainEvent } from '#shared-kernel';
import type { ReportPeriod, ReportSection } from './report.values.js';

/**
 * The figures of a report as compiled by the application from the statistics read side, frozen
 * in the submission. `statistics` is the published form (small cells already suppressed as every
 * statistics export does); `pending` lists the cases behind the two target rates by id only.
 */
export interface ReportFigures {
  /** When the figures were compiled (UTC). */
  readonly compiledAt: string;
  /** The period and province the figures cover; must be the report's own. */
  readonly period: string;
  readonly province: string;
  readonly statistics: Readonly<Record<string, unknown>>;
  readonly pending: {
    /** Cases received in the period not classified by its end. */
    readonly unclassified: readonly string[];
    /** Cases received in the period not resolved by its end. */
    readonly unresolved: readonly string[];
  };
}

/** What the document carries besides the figures: number, place, to whom, who signs. */
export interface ReportDocument {
  readonly number: string;
  readonly place: string;
  readonly recipients: readonly string[];
  readonly signer: { readonly name: string; readonly title: string };
}

export type ReportDrafted = DomainEvent<
  'ReportDrafted',
  { reportId: string; province: string; period: ReportPeriod; draftedBy: string; draftedAt: string }
>;

export type ReportNarrativeEdited = DomainEvent<
  'ReportNarrativeEdited',
  { reportId: string; section: ReportSection; text: string; editedBy: string; editedAt: string }
>;

/** The supervisor approves the narrative as it stands; an edit after it takes the approval back. */
export type ReportApproved = DomainEvent<
  'ReportApproved',
  { reportId: string; approvedBy: string; approvedAt: string }
>;

/** Final: the figures and the document exactly as sent. Nothing is appended to the stream after it. */
export type ReportSubmitted = DomainEvent<
  'ReportSubmitted',
  {
    reportId: string;
    submittedBy: string;
    submittedAt: string;
    figures: ReportFigures;
    narrative: Readonly<Record<ReportSection, string>>;
    document: ReportDocument;
  }
>;

export type ReportEvent = ReportDrafted | ReportNarrativeEdited | ReportApproved | ReportSubmitted;
export type ReportEventType = ReportEvent['type'];
