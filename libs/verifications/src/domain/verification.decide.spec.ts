import { fold, type ZonedInstant } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { VerificationCommand } from './verification.commands.js';
import { verificationDecider } from './verification.decider.js';
import { VerificationErrors } from './verification.errors.js';
import type { VerificationEvent, VerificationRequested } from './verification.events.js';
import { isVerificationOpen, isVerificationOverdue, openVerificationDueAt } from './verification.selectors.js';
import {
  cn,
  eachNewRequest,
  lifecycleCommand as cmd,
  vn,
  type RequestLifecycle,
} from './verification.spec-fixtures.js';

const spec = deciderSpec(verificationDecider);
/** The command states a basis; the event records the decided one. */
const withoutDisclosure = ({ disclosure: _decided, ...data }: VerificationRequested['data']) => data;

/** Requesting and answering, and the deadline helpers; extending and withdrawing: verification.extension.decide.spec.ts. */
describe('VerificationRequest decider', () => {
  let personId: string;
  let requested: VerificationRequested;
  let answeredAt: ZonedInstant;
  let extended: RequestLifecycle['extended'];
  let answerData: RequestLifecycle['answerData'];
  let withdrawn: RequestLifecycle['withdrawn'];
  eachNewRequest((l) => ({ personId, requested, answeredAt, extended, answerData, withdrawn } = l));

  describe('RequestVerification', () => {
    const request = (over: Partial<Extract<VerificationCommand, { type: 'RequestVerification' }>['data']> = {}) =>
      cmd('RequestVerification', {
        ...withoutDisclosure(requested.data),
        personId,
        legalBasis: 'BLO cooperation agreement',
        disclosure: { basis: 'consent' },
        consent: 'given',
        ...over,
      });

    it('records an open request with its due time, where the unit does not hold requests for release', () => {
      const state = spec
        .given([])
        .when(request({ releasePolicy: 'off' }))
        .then([requested]);
      expect(state.status).toBe('requested');
      expect(isVerificationOpen(state)).toBe(true);
      expect(openVerificationDueAt(state)).toEqual(requested.data.dueAt);
    });

    it('records a request about no registered person, with no legal basis given', () => {
      spec
        .given([])
        .when(request({ personId: undefined, legalBasis: undefined, direction: 'incoming' }))
        .then([
          {
            ...requested,
            data: { ...withoutDisclosure(requested.data), personId: null, legalBasis: null, direction: 'incoming' },
          },
        ]);
    });

    describe('refuses a due time at or before the request, comparing instants across zones', () => {
      const occurredAt = vn('2026-03-05T01:00:00.000Z');

      it('at the same instant given in the other zone', () => {
        // 09:00 in China is 08:00 in Vietnam: the same instant, so not after the request.
        spec
          .given([])
          .when(request({ occurredAt, dueAt: cn('2026-03-05T01:00:00.000Z') }))
          .thenRefuses(VerificationErrors.DUE_BEFORE_REQUEST);
      });

      it('before the request', () => {
        spec
          .given([])
          .when(request({ occurredAt, dueAt: cn('2026-03-04T23:00:00.000Z') }))
          .thenRefuses(VerificationErrors.DUE_BEFORE_REQUEST);
      });

      it('as invalid input', () => {
        expect(() =>
          verificationDecider.decide(request({ dueAt: occurredAt, occurredAt }), { status: 'none' }),
        ).toThrow(expect.objectContaining({ kind: 'invalid' }));
      });
    });

    it('refuses an existing request id', () => {
      spec.given([requested]).when(request()).thenRefuses(VerificationErrors.ALREADY_EXISTS);
    });

    it.each([
      [{ direction: 'sideways' as never }, VerificationErrors.INVALID_DIRECTION],
      [{ subject: 'marital_status' as never }, VerificationErrors.INVALID_SUBJECT],
      [{ counterpart: ' ' }, VerificationErrors.COUNTERPART_REQUIRED],
      [{ questions: '' }, VerificationErrors.QUESTIONS_REQUIRED],
      [{ caseId: '' }, VerificationErrors.ID_REQUIRED],
      [{ dueAt: vn('soon') }, VerificationErrors.INVALID_INSTANT],
    ])('refuses inconsistent data %j', (over, code) => {
      spec.given([]).when(request(over)).thenRefuses(code);
    });
  });

  describe('AnswerVerification', () => {
    const answer = (result: string, at: ZonedInstant = answeredAt, details = 'household register found') =>
      cmd('AnswerVerification', { result: result as never, details, answeredAt: at });

    it.each([
      ['confirmed', 'VerificationAnsweredConfirmed'],
      ['not_confirmed', 'VerificationAnsweredNotConfirmed'],
      ['inconclusive', 'VerificationAnsweredInconclusive'],
    ] as const)('records a %s answer as its own event, closing the request', (result, type) => {
      const state = spec
        .given([requested])
        .when(answer(result))
        .then([{ type, data: answerData() }]);
      expect(state.status === 'answered' && state.result).toBe(result);
      expect(isVerificationOpen(state)).toBe(false);
      expect(openVerificationDueAt(state)).toBeNull();
    });

    const late = vn('2026-03-13T00:00:00.000Z');

    it('accepts a late answer and marks it late against the requested due time', () => {
      spec
        .given([requested])
        .when(answer('confirmed', late))
        .then([{ type: 'VerificationAnsweredConfirmed', data: { ...answerData(true), occurredAt: late } }]);
    });

    it('does not mark late an answer within the extended due time', () => {
      spec
        .given([requested, extended()])
        .when(answer('confirmed', late))
        .then([{ type: 'VerificationAnsweredConfirmed', data: { ...answerData(false), occurredAt: late } }]);
    });

    it('refuses an answer that predates the request', () => {
      spec
        .given([requested])
        .when(answer('confirmed', vn('2026-03-05T00:59:00.000Z')))
        .thenRefuses(VerificationErrors.ANSWER_BEFORE_REQUEST);
    });

    it('refuses an unknown result', () => {
      spec.given([requested]).when(answer('probably')).thenRefuses(VerificationErrors.INVALID_RESULT);
    });

    it('refuses empty details', () => {
      spec
        .given([requested])
        .when(answer('confirmed', answeredAt, ''))
        .thenRefuses(VerificationErrors.DETAILS_REQUIRED);
    });

    it.each<[string, () => VerificationEvent[], string]>([
      [
        'a second answer',
        () => [requested, { type: 'VerificationAnsweredInconclusive', data: answerData() }],
        VerificationErrors.ALREADY_ANSWERED,
      ],
      ['an answer to a withdrawn request', () => [requested, withdrawn()], VerificationErrors.WITHDRAWN],
      ['an answer to a missing request', () => [], VerificationErrors.NOT_FOUND],
    ])('refuses %s', (_label, given, code) => {
      spec.given(given()).when(answer('confirmed')).thenRefuses(code);
    });
  });

  describe('deadline helpers', () => {
    const due = () => Date.parse(requested.data.dueAt.at);

    it('does not count an open request as overdue at its due instant', () => {
      expect(isVerificationOverdue(fold(verificationDecider, [requested]), new Date(due()))).toBe(false);
    });

    it('counts an open request as overdue strictly after its due instant', () => {
      expect(isVerificationOverdue(fold(verificationDecider, [requested]), new Date(due() + 1))).toBe(true);
    });

    it('measures against the due time in force after an extension', () => {
      expect(isVerificationOverdue(fold(verificationDecider, [requested, extended('r')]), new Date(due() + 1))).toBe(
        false,
      );
    });

    it('never counts an answered request as overdue', () => {
      const answered = fold(verificationDecider, [
        requested,
        { type: 'VerificationAnsweredConfirmed', data: answerData() },
      ]);
      expect(isVerificationOverdue(answered, new Date(due() + 86_400_000))).toBe(false);
    });
  });
});
