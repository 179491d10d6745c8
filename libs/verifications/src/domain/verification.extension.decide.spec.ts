import type { ZonedInstant } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { verificationDecider } from './verification.decider.js';
import { VerificationErrors } from './verification.errors.js';
import type { VerificationEvent, VerificationRequested } from './verification.events.js';
import { isVerificationOpen, openVerificationDueAt } from './verification.selectors.js';
import {
  cn,
  eachNewRequest,
  lifecycleCommand as cmd,
  vn,
  type RequestLifecycle,
} from './verification.spec-fixtures.js';

const spec = deciderSpec(verificationDecider);

/** Extending and withdrawing an open request; requesting and answering: verification.decide.spec.ts. */
describe('VerificationRequest decider', () => {
  let verificationId: string;
  let caseId: string;
  let requested: VerificationRequested;
  let extended: RequestLifecycle['extended'];
  let answerData: RequestLifecycle['answerData'];
  let withdrawn: RequestLifecycle['withdrawn'];
  eachNewRequest((l) => ({ verificationId, caseId, requested, extended, answerData, withdrawn } = l));

  describe('ExtendVerification', () => {
    const extend = (newDueAt: ZonedInstant, reason = 'counterpart asked for more time') =>
      cmd('ExtendVerification', { newDueAt, reason });

    it('moves the due time later', () => {
      const state = spec
        .given([requested])
        .when(extend(vn('2026-03-15T02:00:00.000Z')))
        .then([extended()]);
      expect(state.status).toBe('extended');
      expect(openVerificationDueAt(state)).toEqual(vn('2026-03-15T02:00:00.000Z'));
    });

    it('extends again, keeping the history of extensions', () => {
      const again = spec
        .given([requested, extended()])
        .when(extend(cn('2026-03-20T02:00:00.000Z'), 'second delay'))
        .then([
          {
            type: 'VerificationExtended',
            data: {
              verificationId,
              caseId,
              previousDueAt: vn('2026-03-15T02:00:00.000Z'),
              newDueAt: cn('2026-03-20T02:00:00.000Z'),
              reason: 'second delay',
            },
          },
        ]);
      expect(again.status !== 'none' && again.extensions).toHaveLength(2);
    });

    it('refuses a due time that is not later than the requested one', () => {
      spec.given([requested]).when(extend(requested.data.dueAt)).thenRefuses(VerificationErrors.EXTENSION_NOT_LATER);
    });

    it('refuses a due time that is not later than the one already extended to', () => {
      spec
        .given([requested, extended()])
        .when(extend(vn('2026-03-13T02:00:00.000Z')))
        .thenRefuses(VerificationErrors.EXTENSION_NOT_LATER);
    });

    const later = vn('2026-04-01T00:00:00.000Z');

    it('refuses without a reason', () => {
      spec.given([requested]).when(extend(later, ' ')).thenRefuses(VerificationErrors.REASON_REQUIRED);
    });

    it.each<[string, () => VerificationEvent[], string]>([
      [
        'answered',
        () => [requested, { type: 'VerificationAnsweredConfirmed', data: answerData() }],
        VerificationErrors.ALREADY_ANSWERED,
      ],
      ['withdrawn', () => [requested, withdrawn()], VerificationErrors.WITHDRAWN],
      ['missing', () => [], VerificationErrors.NOT_FOUND],
    ])('refuses a request that is %s', (_label, given, code) => {
      spec.given(given()).when(extend(later)).thenRefuses(code);
    });
  });

  describe('WithdrawVerification', () => {
    const withdraw = (reason = 'person identified by other means') => cmd('WithdrawVerification', { reason });

    it('withdraws a requested request', () => {
      const state = spec.given([requested]).when(withdraw()).then([withdrawn()]);
      expect(state.status).toBe('withdrawn');
      expect(isVerificationOpen(state)).toBe(false);
    });

    it('withdraws an extended request', () => {
      const state = spec.given([requested, extended()]).when(withdraw()).then([withdrawn()]);
      expect(isVerificationOpen(state)).toBe(false);
    });

    it('refuses without a reason', () => {
      spec.given([requested]).when(withdraw('')).thenRefuses(VerificationErrors.REASON_REQUIRED);
    });

    it.each<[string, () => VerificationEvent[], string]>([
      ['withdrawn', () => [requested, withdrawn()], VerificationErrors.WITHDRAWN],
      [
        'answered',
        () => [requested, { type: 'VerificationAnsweredNotConfirmed', data: answerData() }],
        VerificationErrors.ALREADY_ANSWERED,
      ],
      ['missing', () => [], VerificationErrors.NOT_FOUND],
    ])('refuses a request that is %s', (_label, given, code) => {
      spec.given(given()).when(withdraw()).thenRefuses(code);
    });
  });
});
