/**
 * Calendar days as the border posts count them: a day is a Vietnam day (UTC+7, no daylight
 * saving), so "today" at Hữu Nghị starts at 17:00 UTC the evening before, whatever the server's
 * own zone is.
 */
const VN_OFFSET_MS = 7 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

// Years 2000–2999 only: the record starts in this century, and four-digit years keep every
// derived date (a default end 30 days on) in the same YYYY-MM-DD shape.
const DAY = /^2\d{3}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const parsed = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
}

/** The Vietnam date of an instant. */
export const vietnamDate = (at: Date): string => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a Vietnam day begins (00:00 +07:00). */
export const vietnamDayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS);

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`, both counted: the same day twice is one day. */
export const daysSpanned = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
