import { suppressCounts, type PublishedReport, type Suppressible } from './statistics.export.js';

/**
 * What the meetings with the counterpart add to a period's statistics (issue 11): meetings held
 * by kind, and how the actions agreed at them went. Computed by the meetings read side
 * (../meetings/meeting-statistics.query.ts); the type lives here so the export need not know it.
 */
export interface MeetingFigures {
  /** Meetings held in the period, by kind. */
  readonly meetings: { readonly total: number; readonly byKind: Readonly<Record<string, number>> };
  /** Actions agreed at meetings held in the period; done and dropped as closed in the period. */
  readonly actions: {
    readonly agreed: number;
    readonly doneOnTime: number;
    readonly doneLate: number;
    readonly dropped: number;
    readonly openOverdue: number;
  };
}

export type PublishedMeetingFigures = Suppressible<MeetingFigures>;

/** The published report with the meeting figures beside the others (`meetings` in JSON, CSV and XLSX). */
export type PublishedWithMeetings = PublishedReport & { readonly meetings?: PublishedMeetingFigures };

/**
 * Adds the period's meeting figures to a published report, suppressed as every other count of the
 * export is (1 to 10 shown as "<11"), and counts the cells it suppressed in the report's total.
 * Suppressing them here, rather than trusting that meetings identify nobody, keeps one rule for
 * every figure that leaves in an export: a small count of actions on one case can point at it.
 */
export function withMeetings(published: PublishedReport, figures: MeetingFigures): PublishedWithMeetings {
  const { value, cells: own } = suppressCounts(figures);
  const cells = published.suppression.cells + own;
  return {
    ...published,
    meetings: value,
    suppressed: cells > 0,
    suppression: { ...published.suppression, cells },
  };
}
