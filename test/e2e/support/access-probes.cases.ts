import { newCase, presumedVictim } from './journey.js';
import { get, post, reason, type Probe } from './access-probes.builders.js';

/** Probes of the case and person routes (see PROBES in access-probes.ts). */
export const CASE_PROBES: Readonly<Record<string, Probe>> = {
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
};
