import { newExchange, newVerification, replyTo } from './exchange-fixtures.js';
import { confirmation } from './handover-fixtures.js';
import { get, post, reason, type Probe } from './access-probes.builders.js';

/** Probes of the cross-border routes: exchanges, verification requests, handovers (see PROBES in access-probes.ts). */
export const CROSS_BORDER_PROBES: Readonly<Record<string, Probe>> = {
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
};
