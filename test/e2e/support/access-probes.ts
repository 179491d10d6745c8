import { newExchange, newVerification, replyTo } from './exchange-fixtures.js';
import { confirmation } from './handover-fixtures.js';
import { newAction, newMeeting } from './meeting-fixtures.js';
import { newCase, presumedVictim } from './journey.js';
import type { ProvinceRecords } from './access-fixtures.js';

/** How the matrix calls one route on one province's records: the path (under /api/v1) and a valid body. */
export interface Probe {
  readonly path: (r: ProvinceRecords) => string;
  readonly body?: (r: ProvinceRecords) => object;
  /** The path is outside /api/v1 (operations). */
  readonly absolute?: boolean;
}

const get = (path: (r: ProvinceRecords) => string): Probe => ({ path });
const post = (path: (r: ProvinceRecords) => string, body: (r: ProvinceRecords) => object = () => ({})): Probe => ({
  path,
  body,
});
const reason = (): object => ({ reason: 'Kiểm tra quyền truy cập' });

/**
 * One probe per route the application declares, keyed `METHOD /path` as Nest declares it. The
 * matrix fails on a route without a probe here and on a probe without a route, so a new endpoint
 * cannot skip the need-to-know check.
 */
export const PROBES: Readonly<Record<string, Probe>> = {
  'POST /api/v1/cases': post(
    () => '/cases',
    (r) => ({ ...newCase, province: r.province }),
  ),
  'GET /api/v1/cases': get(() => '/cases?q=Nguy%E1%BB%85n'),
  'GET /api/v1/cases/:id': get((r) => `/cases/${r.caseId}`),
  'GET /api/v1/cases/:id/integrity': get((r) => `/cases/${r.caseId}/integrity`),
  'GET /api/v1/cases/:id/timeline': get((r) => `/cases/${r.caseId}/timeline`),
  'GET /api/v1/cases/:id/history': get((r) => `/cases/${r.caseId}/history?asOf=2099-01-01T00:00:00%2B07:00`),
  'POST /api/v1/cases/:id/classification': post(
    (r) => `/cases/${r.caseId}/classification`,
    () => ({ classification: 'trafficking_suspected' }),
  ),
  'POST /api/v1/cases/:id/open': post((r) => `/cases/${r.caseId}/open`),
  'POST /api/v1/cases/:id/resolution': post(
    (r) => `/cases/${r.caseId}/resolution`,
    () => ({ resolution: 'Đã tiếp nhận và chuyển giao' }),
  ),
  'POST /api/v1/cases/:id/close': post((r) => `/cases/${r.caseId}/close`, reason),
  'POST /api/v1/cases/:id/reopen': post((r) => `/cases/${r.caseId}/reopen`, reason),
  'POST /api/v1/cases/:id/persons': post(
    (r) => `/cases/${r.caseId}/persons`,
    () => presumedVictim,
  ),
  'GET /api/v1/cases/:id/possible-duplicates': get((r) => `/cases/${r.caseId}/possible-duplicates?name=Nguy%E1%BB%85n`),
  'GET /api/v1/persons/:id': get((r) => `/persons/${r.personId}`),
  'POST /api/v1/persons/:id/identification': post((r) => `/persons/${r.personId}/identification`),
  'POST /api/v1/persons/:id/identification/victim': post(
    (r) => `/persons/${r.personId}/identification/victim`,
    () => ({ evidenceBases: ['Lời khai của nạn nhân'] }),
  ),
  'POST /api/v1/persons/:id/identification/not-confirmed': post(
    (r) => `/persons/${r.personId}/identification/not-confirmed`,
    reason,
  ),
  'POST /api/v1/persons/:id/erasure': post((r) => `/persons/${r.personId}/erasure`, reason),
  'POST /api/v1/persons/:id/consents': post(
    (r) => `/persons/${r.personId}/consents`,
    () => ({
      decision: 'given',
      purpose: 'identity_verification',
      recipient: 'CN-GX-PSD',
      givenBy: 'legal_representative',
      formSha256: 'c'.repeat(64),
      occurredAt: '2026-03-05T09:30:00+07:00',
    }),
  ),
  // No such consent: an admitted caller is told so (PERSON.CONSENT_NOT_FOUND), others are refused first.
  'POST /api/v1/persons/:id/consents/:consentId/withdrawal': post(
    (r) => `/persons/${r.personId}/consents/0190f5e4-0000-7000-8000-000000000000/withdrawal`,
    () => ({ occurredAt: '2026-03-06T09:30:00+07:00' }),
  ),
  'POST /api/v1/persons/:id/legal-hold': post(
    (r) => `/persons/${r.personId}/legal-hold`,
    () => ({ proceedingsRef: 'VKS-LS 12/2026' }),
  ),
  'POST /api/v1/persons/:id/legal-hold/release': post((r) => `/persons/${r.personId}/legal-hold/release`, reason),
  'POST /api/v1/persons/:id/support': post(
    (r) => `/persons/${r.personId}/support`,
    () => ({ kind: 'food', provider: 'Đồn Biên phòng Hữu Nghị', occurredAt: '2026-03-05T09:30:00+07:00' }),
  ),
  'POST /api/v1/persons/:id/referrals': post(
    (r) => `/persons/${r.personId}/referrals`,
    () => ({
      service: 'health_facility',
      receivingUnit: 'Bệnh viện Đa khoa tỉnh',
      exemption: 'medical_emergency',
      occurredAt: '2026-03-05T09:30:00+07:00',
    }),
  ),
  // No such referral: an admitted caller is told so (PERSON.REFERRAL_NOT_FOUND), others are refused first.
  'POST /api/v1/persons/:id/referrals/:referralId/answer': post(
    (r) => `/persons/${r.personId}/referrals/0190f5e4-0000-7000-8000-000000000000/answer`,
    () => ({ answer: 'accepted', occurredAt: '2026-03-06T09:30:00+07:00' }),
  ),
  'POST /api/v1/persons/:id/referrals/:referralId/completion': post(
    (r) => `/persons/${r.personId}/referrals/0190f5e4-0000-7000-8000-000000000000/completion`,
    () => ({ occurredAt: '2026-03-07T09:30:00+07:00' }),
  ),
  'POST /api/v1/persons/:id/screenings': post(
    (r) => `/persons/${r.personId}/screenings`,
    () => ({
      group: 'online_scam_compound_returnee',
      exploitationTypes: ['forced_criminality'],
      result: 'indicators_present',
      occurredAt: '2026-03-05T09:30:00+07:00',
    }),
  ),
  'POST /api/v1/exchanges': post(
    () => '/exchanges',
    (r) => newExchange([r.caseId]),
  ),
  'GET /api/v1/exchanges/:id': get((r) => `/exchanges/${r.exchangeId}`),
  'GET /api/v1/exchanges/:id/messages/:messageId/possible-duplicates': get(
    (r) => `/exchanges/${r.exchangeId}/messages/${r.messageId}/possible-duplicates`,
  ),
  'POST /api/v1/exchanges/:id/messages': post(
    (r) => `/exchanges/${r.exchangeId}/messages`,
    (r) => replyTo(r.messageId),
  ),
  'POST /api/v1/exchanges/:id/messages/:messageId/send': post(
    (r) => `/exchanges/${r.exchangeId}/messages/${r.draftId}/send`,
    () => ({ occurredAt: '2026-03-05T09:30:00+07:00' }),
  ),
  'POST /api/v1/exchanges/:id/messages/:messageId/discard': post(
    (r) => `/exchanges/${r.exchangeId}/messages/${r.draftId}/discard`,
  ),
  // The matrix runs with release off: the draft is not held, so an admitted caller is told so (409).
  'POST /api/v1/exchanges/:id/messages/:messageId/release': post(
    (r) => `/exchanges/${r.exchangeId}/messages/${r.draftId}/release`,
  ),
  'POST /api/v1/exchanges/:id/messages/:messageId/return': post(
    (r) => `/exchanges/${r.exchangeId}/messages/${r.draftId}/return`,
    () => ({ comment: 'Kiểm tra quyền truy cập' }),
  ),
  'POST /api/v1/exchanges/:id/messages/:messageId/withdraw': post(
    (r) => `/exchanges/${r.exchangeId}/messages/${r.draftId}/withdraw`,
  ),
  'POST /api/v1/exchanges/:id/messages/:messageId/resubmit': post(
    (r) => `/exchanges/${r.exchangeId}/messages/${r.draftId}/resubmit`,
  ),
  'POST /api/v1/exchanges/:id/acknowledgements': post(
    (r) => `/exchanges/${r.exchangeId}/acknowledgements`,
    () => ({ at: '2026-03-05T11:30:00+08:00' }),
  ),
  'POST /api/v1/exchanges/:id/close': post((r) => `/exchanges/${r.exchangeId}/close`, reason),
  'POST /api/v1/exchanges/:id/priority': post(
    (r) => `/exchanges/${r.exchangeId}/priority`,
    () => ({ priority: 'urgent', reason: 'Kiểm tra quyền truy cập' }),
  ),
  'POST /api/v1/verification-requests/:id/priority': post(
    (r) => `/verification-requests/${r.verificationId}/priority`,
    () => ({ priority: 'urgent', reason: 'Kiểm tra quyền truy cập' }),
  ),
  'POST /api/v1/verification-requests': post(
    () => '/verification-requests',
    (r) => newVerification(r.caseId),
  ),
  'GET /api/v1/verification-requests/:id': get((r) => `/verification-requests/${r.verificationId}`),
  'POST /api/v1/verification-requests/:id/extensions': post(
    (r) => `/verification-requests/${r.verificationId}/extensions`,
    () => ({ newDueAt: '2099-04-12T17:00:00+07:00', reason: 'Chờ phía Trung Quốc' }),
  ),
  'POST /api/v1/verification-requests/:id/answers': post(
    (r) => `/verification-requests/${r.verificationId}/answers`,
    () => ({ result: 'confirmed', details: 'Đã xác minh', answeredAt: '2026-03-10T15:00:00+08:00' }),
  ),
  'POST /api/v1/verification-requests/:id/withdrawal': post(
    (r) => `/verification-requests/${r.verificationId}/withdrawal`,
    reason,
  ),
  // Release is on for verification requests about a person in the matrix only where a record is
  // held; the matrix's request names nobody, so an admitted caller is told it is not held (409).
  'POST /api/v1/verification-requests/:id/release': post((r) => `/verification-requests/${r.verificationId}/release`),
  'POST /api/v1/verification-requests/:id/return': post(
    (r) => `/verification-requests/${r.verificationId}/return`,
    () => ({ comment: 'Kiểm tra quyền truy cập' }),
  ),
  'POST /api/v1/verification-requests/:id/recall': post((r) => `/verification-requests/${r.verificationId}/recall`),
  'POST /api/v1/verification-requests/:id/resubmit': post((r) => `/verification-requests/${r.verificationId}/resubmit`),
  'POST /api/v1/handovers': post(
    () => '/handovers',
    (r) => ({
      caseId: r.caseId,
      gate: r.gate,
      counterpart: 'CN-GX-PSD',
      proposedBy: 'vn',
      personIds: [r.personId],
      proposedAt: '2026-03-01T10:00:00+08:00',
    }),
  ),
  'GET /api/v1/handovers': get(() => '/handovers'),
  'GET /api/v1/handovers/:id': get((r) => `/handovers/${r.handoverId}`),
  'POST /api/v1/handovers/:id/schedule': post(
    (r) => `/handovers/${r.handoverId}/schedule`,
    (r) => ({ gate: r.gate, scheduledAt: '2026-03-05T09:00:00+08:00' }),
  ),
  'POST /api/v1/handovers/:id/postponement': post((r) => `/handovers/${r.handoverId}/postponement`, reason),
  'POST /api/v1/handovers/:id/cancellation': post((r) => `/handovers/${r.handoverId}/cancellation`, reason),
  'POST /api/v1/handovers/:id/confirmation': post(
    (r) => `/handovers/${r.handoverId}/confirmation`,
    (r) => confirmation([r.personId]),
  ),
  'POST /api/v1/handovers/:id/onward-transfers': post(
    (r) => `/handovers/${r.handoverId}/onward-transfers`,
    (r) => ({ personId: r.personId, toUnit: 'Trung tâm Công tác xã hội', at: '2026-03-05T15:00:00+07:00' }),
  ),
  'POST /api/v1/handovers/:id/close': post((r) => `/handovers/${r.handoverId}/close`),
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
