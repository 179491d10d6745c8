import { parseReportId, parseReportPeriod, reportIdOf } from './report.values.js';
import { dueReportsOf, reportDueAt } from './report.due.js';
import { compareFigures } from './report.differences.js';
import type { ReportFigures } from './report.events.js';

describe('reporting periods', () => {
  it.each([
    ['2026-Q1', 'quarter', '2025-12-31T17:00:00.000Z', '2026-03-31T17:00:00.000Z', '2026-Q1'],
    ['2026-H2', 'half_year', '2026-06-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z', '2026-H2'],
    ['2026', 'year', '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z', '2026-Y'],
    ['2026-Y', 'year', '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z', '2026-Y'],
    ['2025-12-15_2026-03-14', 'range', '2025-12-14T17:00:00.000Z', '2026-03-14T17:00:00.000Z', '2025-12-15_2026-03-14'],
  ])('%s cuts off at Vietnam midnights', (code, kind, from, to, canonical) => {
    expect(parseReportPeriod(code)).toEqual({ code: canonical, kind, from, to });
  });
  it.each(['2026-Q5', '1999', '2026-02-30_2026-03-01', '2026-03-02_2026-03-01', '2025-01-01_2026-03-01', 'Q1', ''])(
    'names no period with %j',
    (code) => expect(parseReportPeriod(code)).toBeNull(),
  );
  it('names a report by province and canonical period, and reads it back', () => {
    expect(reportIdOf('lang-son', '2026-Q1')).toBe('lang-son-2026-Q1');
    expect(parseReportId('lang-son-2026-Q1')).toMatchObject({ province: 'lang-son', period: { code: '2026-Q1' } });
    expect(parseReportId('lao-cai-2025-12-15_2026-03-14')?.period.kind).toBe('range');
    expect(parseReportId('ha-noi-2026-Q1')).toBeNull();
    expect(parseReportId('lang-son-2026')).toBeNull();
  });
});

describe('report due dates', () => {
  const schedule = { Q1: { month: 3, day: 10 }, H1: { month: 6, day: 10 }, Y: { month: 12, day: 10 } };
  it('is the start of the configured day in Vietnam', () => {
    expect(reportDueAt({ code: '2026-Q1', kind: 'quarter' }, schedule)).toBe('2026-03-09T17:00:00.000Z');
    expect(reportDueAt({ code: '2026-Q2', kind: 'quarter' }, schedule)).toBeNull();
    expect(reportDueAt({ code: '2026-01-01_2026-01-31', kind: 'range' }, schedule)).toBeNull();
  });
  it('lists a year’s due reports, earliest first', () => {
    expect(dueReportsOf(2026, { Y: { month: 12, day: 10 }, Q1: { month: 3, day: 10 } }).map((d) => d.period)).toEqual([
      '2026-Q1',
      '2026-Y',
    ]);
  });
});

describe('differences from the submitted figures', () => {
  const figures = (statistics: object, unclassified: string[]): ReportFigures => ({
    compiledAt: '2026-03-04T00:00:00.000Z',
    period: '2026-Q1',
    province: 'lang-son',
    statistics: { generatedAt: 'whenever', ...statistics },
    pending: { unclassified, unresolved: [] },
  });
  it('lists every figure and case that reads differently now', () => {
    const before = figures({ reports: { received: 12, classified: 11, classifiedRate: 0.9167 } }, ['c-1']);
    const after = figures({ reports: { received: 12, classified: 12, classifiedRate: 1 } }, []);
    expect(compareFigures(before, { ...after, compiledAt: 'later' })).toEqual({
      figures: [
        { metric: 'reports.classified', submitted: 11, now: 12 },
        { metric: 'reports.classifiedRate', submitted: 0.9167, now: 1 },
      ],
      unclassified: { added: [], removed: ['c-1'] },
      unresolved: { added: [], removed: [] },
      changed: true,
    });
  });
  it('does not count as a difference a part compiled now that the submission never carried', () => {
    const sent = figures({ reports: { received: 12 } }, []);
    const now = figures({ reports: { received: 12 }, meetings: { meetings: { total: 3 } } }, []);
    expect(compareFigures(sent, now)).toMatchObject({ figures: [], changed: false });
    // A part that was sent and is gone now still shows.
    expect(compareFigures(now, sent).figures).toEqual([{ metric: 'meetings.meetings.total', submitted: 3, now: null }]);
  });
  it('finds none when only the compilation time differs', () => {
    const same = figures({ reports: { received: 12 } }, ['c-1']);
    expect(compareFigures(same, { ...same, statistics: { ...same.statistics, generatedAt: 'now' } }).changed).toBe(
      false,
    );
  });
});
