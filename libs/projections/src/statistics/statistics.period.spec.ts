import { crackdownWindow, parsePeriod, vietnamTime } from './statistics.period.js';

describe('reporting periods in Vietnam time', () => {
  it.each([
    ['2026-Q1', '2025-12-31T17:00:00.000Z', '2026-03-31T17:00:00.000Z', 'quarter'],
    ['2026-Q4', '2026-09-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 'quarter'],
    ['2026-H1', '2025-12-31T17:00:00.000Z', '2026-06-30T17:00:00.000Z', 'half_year'],
    ['2026-H2', '2026-06-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 'half_year'],
    ['2026', '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 'year'],
  ])('%s runs from Vietnam midnight to Vietnam midnight', (code, from, to, kind) => {
    const p = parsePeriod(code);
    expect(p).toEqual({ code, kind, from: new Date(from), to: new Date(to) });
    expect(vietnamTime(p!.from)).toMatch(/T00:00:00\+07:00$/);
  });

  it.each(['2026-Q5', '2026-H3', '2026Q1', '26-Q1', '2026-q1', '1999', '2026-01', ''])('refuses %j', (code) =>
    expect(parsePeriod(code)).toBeNull(),
  );

  it('puts the crackdown window (1 July – 30 September) inside the periods that touch it', () => {
    const window = (code: string) => {
      const w = crackdownWindow(parsePeriod(code)!);
      return w && [vietnamTime(w.from), vietnamTime(w.to)];
    };
    const full = ['2026-07-01T00:00:00+07:00', '2026-10-01T00:00:00+07:00'];
    expect(window('2026')).toEqual(full);
    expect(window('2026-H2')).toEqual(full);
    expect(window('2026-Q3')).toEqual(full);
    expect(window('2026-Q2')).toBeNull();
    expect(window('2026-H1')).toBeNull();
    expect(window('2026-Q4')).toBeNull();
  });
});
