import { loadReportDueDates } from './report-due-dates.js';

describe('REPORT_DUE_DATES', () => {
  it('defaults to the plan: Q1 before 10 March, H1 before 10 June, Q3 before 10 September, the year before 10 December', () => {
    const problems: string[] = [];
    expect(loadReportDueDates({}, problems)).toEqual({
      Q1: { month: 3, day: 10 },
      H1: { month: 6, day: 10 },
      Q3: { month: 9, day: 10 },
      Y: { month: 12, day: 10 },
    });
    expect(problems).toEqual([]);
  });
  it('reads another schedule', () => {
    const problems: string[] = [];
    expect(loadReportDueDates({ REPORT_DUE_DATES: 'Q2:07-05, H2:01-15' }, problems)).toEqual({
      Q2: { month: 7, day: 5 },
      H2: { month: 1, day: 15 },
    });
    expect(problems).toEqual([]);
  });
  it.each(['Q5:03-10', 'Q1:13-01', 'Q1:02-30', 'Q1:03-10,Q1:04-10', 'Q1 03-10', 'Q1:3-10'])(
    'reports %j as a problem',
    (value) => {
      const problems: string[] = [];
      loadReportDueDates({ REPORT_DUE_DATES: value }, problems);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('REPORT_DUE_DATES');
    },
  );
});
