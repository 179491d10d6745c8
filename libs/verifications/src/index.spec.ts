import { newId, parseStreamId, parseZoned, type CommandMeta } from '#shared-kernel';
import { deciderSpec } from '#testing';
import {
  isVerificationOpen,
  VERIFICATION_RESULTS,
  VerificationErrors,
  verificationDecider,
  verificationStreamId,
  type AnswerVerification,
  type VerificationEvent,
  type VerificationResult,
} from '#verifications';

const meta: CommandMeta = {
  actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LS-BLO' },
  now: new Date('2026-03-05T02:00:00Z'),
};

const verificationId = newId();
const caseId = newId();
// An open request as the application reads it back from the log, written out rather than decided.
const requested: VerificationEvent = {
  type: 'VerificationRequested',
  data: {
    verificationId,
    caseId,
    personId: null,
    direction: 'outgoing',
    counterpart: 'CN-GX-PSD',
    subject: 'identity',
    questions: 'ciphertext:questions',
    legalBasis: null,
    dueAt: parseZoned('2026-03-10T17:00:00+07:00'),
    occurredAt: parseZoned('2026-03-03T09:00:00+07:00'),
  },
};
const answer = (result: VerificationResult): AnswerVerification => ({
  type: 'AnswerVerification',
  data: { result, details: 'ciphertext:answer', answeredAt: parseZoned('2026-03-05T10:00:00+08:00') },
  meta,
});

/** Typed as a record so that a result added to the contract without its own event fails to compile here. */
const EVENT_OF: Record<VerificationResult, VerificationEvent['type']> = {
  confirmed: 'VerificationAnsweredConfirmed',
  not_confirmed: 'VerificationAnsweredNotConfirmed',
  inconclusive: 'VerificationAnsweredInconclusive',
};

describe('#verifications public surface', () => {
  it('names the stream verification-<id> so the category parses back', () => {
    const id = newId();
    expect(parseStreamId(verificationStreamId(id))).toEqual({ category: 'verification', id });
  });

  it.each([...VERIFICATION_RESULTS])('accepts %s, an offered result, as an answer that ends the request', (result) => {
    const state = deciderSpec(verificationDecider)
      .given([requested])
      .when(answer(result))
      .then([
        {
          type: EVENT_OF[result],
          data: {
            verificationId,
            caseId,
            details: 'ciphertext:answer',
            occurredAt: parseZoned('2026-03-05T10:00:00+08:00'),
            late: false,
          },
        } as VerificationEvent,
      ]);
    expect(isVerificationOpen(state)).toBe(false);
  });

  it('refuses a result it does not offer, with the exported code', () => {
    deciderSpec(verificationDecider)
      .given([requested])
      .when(answer('probably' as VerificationResult))
      .thenRefuses(VerificationErrors.INVALID_RESULT);
  });
});
