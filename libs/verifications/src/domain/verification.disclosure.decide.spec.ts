import { newId, type CommandMeta, type ConsentStanding } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { RequestVerification, VerificationCommand } from './verification.commands.js';
import { verificationDecider } from './verification.decider.js';
import { VerificationErrors as E } from './verification.errors.js';
import type { VerificationRequested } from './verification.events.js';
import { identityQuestion, statedQuestion, vn } from './verification.spec-fixtures.js';

const actor = (role: 'liaison_officer' | 'supervisor'): CommandMeta => ({
  actor: { userId: role === 'supervisor' ? 'truong.phong' : 'can.bo', role, unitId: 'VN-LS-BLO' },
  now: new Date('2026-03-05T02:00:00Z'),
});
const spec = deciderSpec(verificationDecider);

const verificationId = newId();
const caseId = newId();
const personId = newId();
const base: RequestVerification['data'] = {
  ...identityQuestion({ verificationId, caseId, personId }),
  dueAt: vn('2026-03-12T02:00:00.000Z'),
  occurredAt: vn('2026-03-05T01:00:00.000Z'),
  // Sent at once, to see the decided basis on the sending; holding for release: verification.release.decide.spec.ts.
  releasePolicy: 'off',
};
const request = (
  over: Partial<RequestVerification['data']>,
  role: 'liaison_officer' | 'supervisor' = 'liaison_officer',
) => ({ type: 'RequestVerification', data: { ...base, ...over }, meta: actor(role) }) as VerificationCommand;
const requested = (disclosure?: VerificationRequested['data']['disclosure']): VerificationRequested => ({
  type: 'VerificationRequested',
  data: {
    ...statedQuestion({ verificationId, caseId, personId }),
    dueAt: base.dueAt,
    occurredAt: base.occurredAt,
    ...(disclosure ? { disclosure } : {}),
  },
});

describe('The basis on which a person’s data leaves with a verification request', () => {
  it('sends on the person’s standing consent', () => {
    spec
      .given([])
      .when(request({ disclosure: { basis: 'consent' }, consent: 'given' }))
      .then([requested({ personId, basis: 'consent', reference: null })]);
  });

  it('sends on a legal exception named with its reference, whatever the consent', () => {
    spec
      .given([])
      .when(request({ disclosure: { basis: 'criminal_proceedings', reference: ' QĐ 15/2026 ' }, consent: 'refused' }))
      .then([requested({ personId, basis: 'criminal_proceedings', reference: 'QĐ 15/2026' })]);
  });

  it('refuses an exception without its reference', () => {
    spec
      .given([])
      .when(request({ disclosure: { basis: 'vital_interest', reference: ' ' } }))
      .thenRefuses(E.DISCLOSURE_REFERENCE_REQUIRED);
  });

  it.each([undefined, { basis: 'because' }])('refuses a request naming a person without a basis (%j)', (disclosure) => {
    spec
      .given([])
      .when(request(disclosure ? { disclosure } : {}))
      .thenRefuses(E.DISCLOSURE_BASIS_REQUIRED);
  });

  it.each<[ConsentStanding, string]>([
    ['none', E.CONSENT_MISSING],
    ['refused', E.CONSENT_MISSING],
    ['withdrawn', E.CONSENT_WITHDRAWN],
  ])('refuses consent as the basis when it stands at %s', (consent, code) => {
    spec
      .given([])
      .when(request({ disclosure: { basis: 'consent' }, consent }))
      .thenRefuses(code);
  });

  it('lets a supervisor override a withdrawn consent with a reason, as its own event', () => {
    const state = spec
      .given([])
      .when(
        request(
          { disclosure: { basis: 'consent', overrideReason: 'Nạn nhân đang gặp nguy hiểm' }, consent: 'withdrawn' },
          'supervisor',
        ),
      )
      .then([
        requested({ personId, basis: 'consent', reference: null }),
        {
          type: 'ConsentOverridden',
          data: {
            verificationId,
            caseId,
            personId,
            counterpart: 'CN-GX-PSD',
            consent: 'withdrawn',
            reason: 'Nạn nhân đang gặp nguy hiểm',
          },
        },
      ]);
    // The request remembers it, so that a release later does not look at the consent again.
    expect(state.status !== 'none' && state.disclosure?.overridden).toBe(true);
  });

  it('refuses the override to an officer', () => {
    spec
      .given([])
      .when(request({ disclosure: { basis: 'consent', overrideReason: 'khẩn cấp' }, consent: 'none' }))
      .thenRefuses(E.CONSENT_OVERRIDE_NOT_ALLOWED);
  });

  it('asks no basis of a request that names nobody, or of one the counterpart sent us', () => {
    const { personId: _nobody, ...aboutTheCase } = base;
    spec
      .given([])
      .when({ type: 'RequestVerification', data: aboutTheCase, meta: actor('liaison_officer') })
      .then([{ ...requested(), data: { ...requested().data, personId: null } }]);
    spec
      .given([])
      .when(request({ direction: 'incoming' }))
      .then([{ ...requested(), data: { ...requested().data, direction: 'incoming' } }]);
  });
});
