/**
 * Reporting periods of the provincial police (quarter, half-year, year). They cut off at
 * midnight in Vietnam (UTC+7, no daylight saving; docs/domain.md, Time), whatever offset a fact was
 * declared in, so a handover at 00:30 China time on 1 April (23:30 in Vietnam) belongs to Q1.
 */
export interface ReportingWindow {
  /** Inclusive start (UTC instant of a Vietnam midnight). */
  readonly from: Date;
  /** Exclusive end. */
  readonly to: Date;
}

export interface ReportingPeriod extends ReportingWindow {
  /** As requested: 2026-Q1, 2026-H2, 2026. */
  readonly code: string;
  /** `range`: an ad hoc range of days, as a report to the steering committee may cover (libs/reports). */
  readonly kind: 'quarter' | 'half_year' | 'year' | 'range';
}

const PERIOD = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;
const VN_OFFSET_HOURS = 7;

/** The UTC instant of 00:00 in Vietnam on the given day (month 1-based; month 13 rolls over). */
export const vietnamMidnight = (year: number, month: number, day = 1): Date =>
  new Date(Date.UTC(year, month - 1, day, -VN_OFFSET_HOURS));

/** null when the text is not a period this service reports on. */
export function parsePeriod(code: string): ReportingPeriod | null {
  const m = PERIOD.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const part = m[2];
  if (part === undefined)
    return { code, kind: 'year', from: vietnamMidnight(year, 1), to: vietnamMidnight(year + 1, 1) };
  const n = Number(part.slice(1));
  if (part.startsWith('Q')) {
    const first = (n - 1) * 3 + 1;
    return { code, kind: 'quarter', from: vietnamMidnight(year, first), to: vietnamMidnight(year, first + 3) };
  }
  const first = (n - 1) * 6 + 1;
  return { code, kind: 'half_year', from: vietnamMidnight(year, first), to: vietnamMidnight(year, first + 6) };
}

/**
 * The yearly crackdown window (1 July – 30 September, Vietnam time) inside the period, or null
 * when the period does not touch it (Q1, Q2, H1).
 */
export function crackdownWindow(period: ReportingWindow): ReportingWindow | null {
  const year = new Date(period.from.getTime() + VN_OFFSET_HOURS * 3_600_000).getUTCFullYear();
  const from = Math.max(period.from.getTime(), vietnamMidnight(year, 7).getTime());
  const to = Math.min(period.to.getTime(), vietnamMidnight(year, 10).getTime());
  return from < to ? { from: new Date(from), to: new Date(to) } : null;
}

/** An instant as Vietnam wall-clock time with its offset, for report headers. */
export function vietnamTime(at: Date): string {
  return `${new Date(at.getTime() + VN_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}
