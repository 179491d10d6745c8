import { isBorderProvince } from '#shared-kernel';

/** The narrative sections of a report to the steering committee, in the order the document gives them. */
export const REPORT_SECTIONS = ['situation', 'results', 'difficulties', 'proposals'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export type ReportPeriodKind = 'quarter' | 'half_year' | 'year' | 'range';

/** A reporting period as the report records it: instants in UTC of Vietnam midnights, `to` exclusive. */
export interface ReportPeriod {
  /** Canonical code: 2026-Q1, 2026-H1, 2026-Y, or an ad hoc range 2025-12-15_2026-03-14 (inclusive days). */
  readonly code: string;
  readonly kind: ReportPeriodKind;
  readonly from: string;
  readonly to: string;
}

const VN_OFFSET_HOURS = 7;
const vnMidnight = (year: number, month: number, day = 1): Date =>
  new Date(Date.UTC(year, month - 1, day, -VN_OFFSET_HOURS));
const NAMED = /^(\d{4})(?:-(Q[1-4]|H[12]|Y))?$/;
const RANGE = /^(\d{4})-(\d{2})-(\d{2})_(\d{4})-(\d{2})-(\d{2})$/;
/** An ad hoc report covers at most a year and a day (a year reported with its cut-off days). */
const LONGEST_RANGE_DAYS = 366;

function day(y: string, m: string, d: string): Date | null {
  const date = vnMidnight(Number(y), Number(m), Number(d));
  // Rolls over on 31 February: such a date does not exist.
  const back = new Date(date.getTime() + VN_OFFSET_HOURS * 3_600_000);
  return back.getUTCMonth() + 1 === Number(m) && back.getUTCDate() === Number(d) ? date : null;
}

/**
 * The period a code names, or null when it names none. Named periods follow the calendar in
 * Vietnam time as the statistics do (`2026` is accepted for `2026-Y`); an ad hoc range names its
 * first and last day, both included, so a unit can report on the police's statistical cut-off
 * (15 December to 14 March) when it needs to.
 */
export function parseReportPeriod(code: string): ReportPeriod | null {
  const named = NAMED.exec(code);
  if (named) {
    const year = Number(named[1]);
    if (year < 2000 || year > 2100) return null;
    const part = named[2] ?? 'Y';
    const at = (from: Date, to: Date, kind: ReportPeriodKind): ReportPeriod => ({
      code: `${year}-${part}`,
      kind,
      from: from.toISOString(),
      to: to.toISOString(),
    });
    if (part === 'Y') return at(vnMidnight(year, 1), vnMidnight(year + 1, 1), 'year');
    const n = Number(part.slice(1));
    const months = part.startsWith('Q') ? 3 : 6;
    const first = (n - 1) * months + 1;
    return at(
      vnMidnight(year, first),
      vnMidnight(year, first + months),
      part.startsWith('Q') ? 'quarter' : 'half_year',
    );
  }
  const range = RANGE.exec(code);
  if (!range) return null;
  const first = day(range[1], range[2], range[3]);
  const last = day(range[4], range[5], range[6]);
  if (!first || !last || first.getUTCFullYear() < 1999 || last.getUTCFullYear() > 2100) return null;
  const to = new Date(last.getTime() + 86_400_000);
  const days = (to.getTime() - first.getTime()) / 86_400_000;
  if (days < 1 || days > LONGEST_RANGE_DAYS) return null;
  return { code, kind: 'range', from: first.toISOString(), to: to.toISOString() };
}

/** A report is one province's for one period: its id says which, so opening it twice finds the first. */
export const reportIdOf = (province: string, periodCode: string): string => `${province}-${periodCode}`;

/** The province and period of a report id, or null when it is not one. */
export function parseReportId(id: string): { province: string; period: ReportPeriod } | null {
  const m = /^([a-z]+(?:-[a-z]+)*)-(\d{4}(?:-.*)?)$/.exec(id);
  if (!m || !isBorderProvince(m[1])) return null;
  const period = parseReportPeriod(m[2]);
  return period && period.code === m[2] ? { province: m[1], period } : null;
}
