import { parseReportId, parseReportPeriod, ReportErrors, type ReportPeriod } from '#reports';
import { DomainError } from '#shared-kernel';
import { badRequest } from '../http/problem.js';
import { visibleProvinces } from '../auth/scope-filter.js';
import type { AuthenticatedRequest } from '../http/request-context.js';

/**
 * The report a path names, if the caller may know of it. The id carries its province, so the
 * need-to-know check needs no look-up; a report of another province answers exactly as one that
 * does not exist (404), like every record named in a path.
 */
export function reportInScope(req: AuthenticatedRequest, id: string): { province: string; period: ReportPeriod } {
  const named = parseReportId(id);
  const provinces = visibleProvinces(req);
  if (!named || (provinces !== null && !provinces.includes(named.province)))
    throw new DomainError(ReportErrors.NOT_FOUND, 'no report for this province and period', 'not_found');
  return named;
}

/** A period code from a body or query that has the right shape but names no period (31 February). */
export function periodOrRefuse(code: string, field = 'period'): ReportPeriod {
  const period = parseReportPeriod(code);
  if (!period)
    throw badRequest('REQUEST.INVALID', 'The request has invalid fields.', [
      {
        field,
        message: 'period names no reporting period (a range must be real days, first before last, within a year)',
      },
    ]);
  return period;
}
