import type { ReportPeriod } from './report.values.js';

/** Named parts of a year a due date can be configured for. */
export const DUE_PARTS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'Y'] as const;
export type DuePart = (typeof DUE_PARTS)[number];

/** A day of the period's own year before which its report is due (configuration, REPORT_DUE_DATES). */
export interface DueDay {
  readonly month: number;
  readonly day: number;
}
export type ReportDueSchedule = Readonly<Partial<Record<DuePart, DueDay>>>;

/**
 * When a period's report is due: the start (00:00 Vietnam time) of the configured day, as the
 * plans say "before 10 March". Null for a part without a configured day and for an ad hoc range,
 * which is due when whoever asked for it says.
 */
export function reportDueAt(period: Pick<ReportPeriod, 'code' | 'kind'>, schedule: ReportDueSchedule): string | null {
  if (period.kind === 'range') return null;
  const year = Number(period.code.slice(0, 4));
  const due = schedule[period.code.slice(5) as DuePart];
  return due ? new Date(Date.UTC(year, due.month - 1, due.day, -7)).toISOString() : null;
}

/** The named periods of a year that have a due date, with it, earliest first. */
export function dueReportsOf(year: number, schedule: ReportDueSchedule): { period: string; dueAt: string }[] {
  return DUE_PARTS.flatMap((part) => {
    const period = `${year}-${part}`;
    const kind = part === 'Y' ? 'year' : part.startsWith('Q') ? 'quarter' : 'half_year';
    const dueAt = reportDueAt({ code: period, kind }, schedule);
    return dueAt ? [{ period, dueAt }] : [];
  }).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
