import { resolveDayRange } from './handover-range.js';
import { isCalendarDate, vietnamDate, vietnamDayStart } from './vietnam-days.js';

// 06:30 on 1 March in Vietnam, still 28 February in UTC.
const NOW = new Date('2026-02-28T23:30:00.000Z');

describe('Vietnam days', () => {
  it('counts the day in Vietnam, not in UTC or on the server', () => {
    expect(vietnamDate(NOW)).toBe('2026-03-01');
    expect(vietnamDate(new Date('2026-02-28T16:59:59.999Z'))).toBe('2026-02-28');
    expect(vietnamDayStart('2026-03-01').toISOString()).toBe('2026-02-28T17:00:00.000Z');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-3-1', '1999-12-31', '2026-03-01T00:00:00+07:00', ''])(
    'does not take %j for a calendar date',
    (value) => expect(isCalendarDate(value)).toBe(false),
  );

  it('takes real dates, leap days included', () => {
    expect(['2028-02-29', '2026-12-31', '2000-01-01'].every(isCalendarDate)).toBe(true);
  });
});

describe('range of days asked for', () => {
  it('defaults to today in Vietnam and the 30 days after', () => {
    expect(resolveDayRange({}, NOW)).toEqual({ ok: true, range: { from: '2026-03-01', to: '2026-03-31' } });
    expect(resolveDayRange({ from: '2026-06-10' }, NOW)).toEqual({
      ok: true,
      range: { from: '2026-06-10', to: '2026-07-10' },
    });
  });

  it('takes one day, and up to 366', () => {
    expect(resolveDayRange({ from: '2026-03-05', to: '2026-03-05' }, NOW).ok).toBe(true);
    expect(resolveDayRange({ from: '2028-01-01', to: '2028-12-31' }, NOW).ok).toBe(true);
  });

  it.each([
    ['from after to', { from: '2026-03-06', to: '2026-03-05' }, 'from'],
    ['only to, before today', { to: '2026-02-01' }, 'from'],
    ['367 days', { from: '2026-01-01', to: '2027-01-02' }, 'to'],
    ['from not a date', { from: 'today' }, 'from'],
    ['to not a day of the calendar', { from: '2026-02-01', to: '2026-02-30' }, 'to'],
  ])('refuses %s, naming the field', (_name, asked, field) => {
    const answer = resolveDayRange(asked, NOW);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.errors.map((e) => e.field)).toEqual([field]);
  });
});
