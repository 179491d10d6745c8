import { isPossibleBirthDate } from './dto-validators.js';

describe('birth dates', () => {
  // 23:30 on 6 December in UTC: already 7 December in Vietnam (UTC+7) and China (UTC+8).
  const now = new Date('2026-12-06T23:30:00Z');

  it.each(['2004-02-29', '2004-02', '2004', '1900-01-01', '2026-12-07', '2026-12', '2026'])('accepts %s', (d) => {
    expect(isPossibleBirthDate(d, now)).toBe(true);
  });

  it.each([
    ['a day that does not exist', '2004-02-31'],
    ['29 February of a common year', '2005-02-29'],
    ['month 13', '2004-13'],
    ['month 0', '2004-00'],
    ['day 0', '2004-01-00'],
    ['before 1900', '1899-12-31'],
    ['tomorrow on the border', '2026-12-08'],
    ['a month not begun', '2027-01'],
    ['a year not begun', '2027'],
    ['another format', '17/05/2004'],
    ['a time', '2004-05-17T00:00:00Z'],
    ['a number', 2004],
  ])('refuses %s', (_name, d) => {
    expect(isPossibleBirthDate(d, now)).toBe(false);
  });
});
