import { newAction, newMeeting } from './meeting-fixtures.js';
import { get, post, reason, type Probe } from './access-probes.builders.js';
import { CASE_PROBES } from './access-probes.cases.js';
import { CROSS_BORDER_PROBES } from './access-probes.cross-border.js';

export type { Probe };

/**
 * One probe per route the application declares, keyed `METHOD /path` as Nest declares it. The
 * matrix fails on a route without a probe here and on a probe without a route, so a new endpoint
 * cannot skip the need-to-know check.
 */
export const PROBES: Readonly<Record<string, Probe>> = {
  ...CASE_PROBES,
  ...CROSS_BORDER_PROBES,
  'GET /api/v1/deadlines': get(() => '/deadlines'),
  'POST /api/v1/meetings': post(
    () => '/meetings',
    (r) => newMeeting(r.province, 'CN-GX-PSD'),
  ),
  'GET /api/v1/meetings': get(() => '/meetings'),
  'GET /api/v1/meetings/:id': get((r) => `/meetings/${r.meetingId}`),
  'POST /api/v1/meetings/:id/actions': post(
    (r) => `/meetings/${r.meetingId}/actions`,
    () => newAction('CN-GX-PSD', []),
  ),
  'POST /api/v1/meetings/:id/actions/:actionId/due': post(
    (r) => `/meetings/${r.meetingId}/actions/${r.actionId}/due`,
    () => ({ newDueAt: '2099-06-01T17:00:00+07:00', reason: 'Kiểm tra quyền truy cập' }),
  ),
  'POST /api/v1/meetings/:id/actions/:actionId/done': post(
    (r) => `/meetings/${r.meetingId}/actions/${r.actionId}/done`,
    (r) => ({ fulfilledBy: { kind: 'case', id: r.caseId }, doneAt: '2026-04-12T10:00:00+07:00' }),
  ),
  'POST /api/v1/meetings/:id/actions/:actionId/drop': post(
    (r) => `/meetings/${r.meetingId}/actions/${r.actionId}/drop`,
    reason,
  ),
  'POST /api/v1/campaigns': post(
    () => '/campaigns',
    (r) => ({
      name: 'Cao điểm kiểm tra quyền',
      province: r.province,
      coverage: 'province',
      counterparts: ['CN-GX-PSD'],
      from: '2026-04-01',
      to: '2026-04-30',
    }),
  ),
  'GET /api/v1/campaigns': get(() => '/campaigns'),
  'GET /api/v1/reports/meetings': get(() => '/reports/meetings?period=2026-Q2'),
  'GET /api/v1/reports/statistics': get(() => '/reports/statistics?period=2026'),
  // Reports to the steering committee (issue 11): the id names the province, so the controller
  // checks it; the matrix probes the caller's own province's report.
  'POST /api/v1/reports': post(
    () => '/reports',
    (r) => ({ province: r.province, period: '2026-H1' }),
  ),
  'GET /api/v1/reports': get(() => '/reports?year=2026'),
  'GET /api/v1/reports/status': get(() => '/reports/status?period=2026-Q1'),
  'GET /api/v1/reports/:id': get((r) => `/reports/${r.reportId}`),
  'GET /api/v1/reports/:id.xlsx': get((r) => `/reports/${r.reportId}.xlsx`),
  'GET /api/v1/reports/:id.docx': get((r) => `/reports/${r.reportId}.docx`),
  'POST /api/v1/reports/:id/narrative': post(
    (r) => `/reports/${r.reportId}/narrative`,
    () => ({ section: 'situation', text: 'Kiểm tra quyền truy cập' }),
  ),
  'POST /api/v1/reports/:id/approval': post((r) => `/reports/${r.reportId}/approval`),
  'POST /api/v1/reports/:id/submission': post(
    (r) => `/reports/${r.reportId}/submission`,
    () => ({
      number: '1/BC',
      place: 'Lạng Sơn',
      recipients: ['Lưu: VT'],
      signer: { name: 'Kiểm tra', title: 'Trưởng' },
    }),
  ),
  'GET /api/v1/audit': get(() => '/audit'),
  'GET /api/v1/integrity/checkpoints/latest': get(() => '/integrity/checkpoints/latest'),
  'POST /api/v1/integrity/checkpoints': post(() => '/integrity/checkpoints'),
  'GET /api/v1/integrity/proof': get((r) => `/integrity/proof?eventId=${r.eventId}`),
  'GET /api/v1/reference/counterparts': get(() => '/reference/counterparts'),
  'GET /api/v1/reference/gates': get(() => '/reference/gates'),
  'GET /api/v1/admin/projections': get(() => '/admin/projections'),
  // A name that is no projection: the admission is what is tested, not a rebuild in the middle of the run.
  'POST /api/v1/admin/projections/:name/rebuild': post(() => '/admin/projections/no_such_projection/rebuild'),
  'GET /metrics': { path: () => '/metrics', absolute: true },
  'GET /api/v1/me': get(() => '/me'),
  'DELETE /api/v1/session': get(() => '/session'),
  'GET /api/v1/users': get(() => '/users'),
  'GET /api/v1/users/:id/history': get(() => `/users/${PROBE_ACCOUNT.username}/history`),
  'POST /api/v1/users': post(
    () => '/users',
    () => ({ ...PROBE_ACCOUNT, username: 'matrix.second' }),
  ),
  'POST /api/v1/users/:id/roles': post(
    () => `/users/${PROBE_ACCOUNT.username}/roles`,
    () => ({ grant: ['auditor'] }),
  ),
  'PUT /api/v1/users/:id/gates': post(
    () => `/users/${PROBE_ACCOUNT.username}/gates`,
    () => ({ gates: [] }),
  ),
  'POST /api/v1/users/:id/disable': post(() => `/users/${PROBE_ACCOUNT.username}/disable`),
  'POST /api/v1/users/:id/enable': post(() => `/users/${PROBE_ACCOUNT.username}/enable`),
  'PUT /api/v1/users/:id/password': post(
    () => `/users/${PROBE_ACCOUNT.username}/password`,
    () => ({ password: 'một mật khẩu đủ dài 2026' }),
  ),
};

/** The account the user-management probes act on; the matrix creates it first, in Lạng Sơn. */
export const PROBE_ACCOUNT = {
  username: 'matrix.probe',
  name: 'Tài khoản kiểm tra',
  roles: ['liaison_officer'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
  password: 'mật khẩu kiểm tra 2026',
};
