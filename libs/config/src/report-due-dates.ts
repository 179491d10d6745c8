/**
 * When the reports to the steering committee are due (issue 11). The default is the plan quoted
 * in the issue: the quarterly reports before 10 March and 10 September (first and third quarter),
 * the six-month report before 10 June, the yearly one before 10 December. The second and fourth
 * quarters are covered by the six-month and yearly reports, so they have no date of their own
 * unless configured.
 *
 * REPORT_DUE_DATES is a comma-separated list of `PART:MM-DD` where PART is Q1..Q4, H1, H2 or Y and
 * the day is in the period's own year; the report is due at 00:00 Vietnam time of that day
 * ("before 10 March"). Example (the default): `Q1:03-10,H1:06-10,Q3:09-10,Y:12-10`.
 */
export interface ReportDueDay {
  readonly month: number;
  readonly day: number;
}
export type ReportDueDates = Readonly<Partial<Record<'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2' | 'Y', ReportDueDay>>>;

export const DEFAULT_REPORT_DUE_DATES = 'Q1:03-10,H1:06-10,Q3:09-10,Y:12-10';

export const REPORT_VARIABLES: Readonly<Record<string, string>> = {
  REPORT_DUE_DATES:
    'due dates of the reports to the steering committee, PART:MM-DD with PART Q1..Q4, H1, H2 or Y, due at 00:00 ' +
    `Vietnam time that day in the period's year (default ${DEFAULT_REPORT_DUE_DATES})`,
};

const ENTRY = /^(Q[1-4]|H[12]|Y):(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses REPORT_DUE_DATES; problems go to `problems` (with the default kept), as every loader does. */
export function loadReportDueDates(
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): ReportDueDates {
  const raw =
    env.REPORT_DUE_DATES === undefined || env.REPORT_DUE_DATES === '' ? DEFAULT_REPORT_DUE_DATES : env.REPORT_DUE_DATES;
  const out: Record<string, ReportDueDay> = {};
  for (const entry of raw.split(',').map((e) => e.trim())) {
    const m = ENTRY.exec(entry);
    const month = m ? Number(m[2]) : 0;
    const day = m ? Number(m[3]) : 0;
    if (!m || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] || m[1] in out) {
      problems.push(
        `REPORT_DUE_DATES must list PART:MM-DD once per part, e.g. ${DEFAULT_REPORT_DUE_DATES} (got "${raw}")`,
      );
      return loadReportDueDates({}, []);
    }
    out[m[1]] = { month, day };
  }
  return out;
}
