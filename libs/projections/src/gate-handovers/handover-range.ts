import { addDays, daysSpanned, isCalendarDate, vietnamDate } from './vietnam-days.js';

/** Both ends are Vietnam calendar days, both included. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** A phone screen shows the coming month unless asked otherwise. */
export const DEFAULT_RANGE_DAYS = 31;
/** A year, leap or not: a longer range is a report, not a screen, and would scan without bound. */
export const MAX_RANGE_DAYS = 366;

export interface RangeFieldError {
  readonly field: 'from' | 'to';
  readonly message: string;
}

export type RangeAnswer =
  { readonly ok: true; readonly range: DayRange } | { readonly ok: false; readonly errors: RangeFieldError[] };

/**
 * The days asked for: `from` defaults to today in Vietnam, `to` to 30 days after `from`.
 * Refused: a date that is not a calendar day (both fields named at once), then `from` after
 * `to`, then more than 366 days.
 */
export function resolveDayRange(asked: { from?: string; to?: string }, now: Date): RangeAnswer {
  const errors: RangeFieldError[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = asked[field];
    if (value !== undefined && !isCalendarDate(value))
      errors.push({ field, message: `${field} must be a calendar date YYYY-MM-DD (a Vietnam day, 2000–2999)` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const from = asked.from ?? vietnamDate(now);
  const to = asked.to ?? addDays(from, DEFAULT_RANGE_DAYS - 1);
  if (to < from)
    return { ok: false, errors: [{ field: 'from', message: `from (${from}) must not be after to (${to})` }] };
  if (daysSpanned(from, to) > MAX_RANGE_DAYS)
    return { ok: false, errors: [{ field: 'to', message: `the range may cover at most ${MAX_RANGE_DAYS} days` }] };
  return { ok: true, range: { from, to } };
}
