import { fold, newId, type CommandMeta, type ZonedInstant } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { VerificationCommand } from './verification.commands.js';
import { verificationDecider } from './verification.decider.js';
import { VerificationErrors } from './verification.errors.js';
import type { VerificationEvent, VerificationRequested } from './verification.events.js';
import { isVerificationOpen, isVerificationOverdue, openVerificationDueAt } from './verification.selectors.js';
import { vn } from './verification.spec-fixtures.js';

const NOW = new Date('2026-03-05T02:00:00Z');
const meta: CommandMeta = { actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LS-BLO' }, now: NOW };
const cn = (iso: string): ZonedInstant => ({ at: iso, offset: '+08:00', zone: 'Asia/Shanghai' });

const spec = deciderSpec(verificationDecider);
/** The command states a basis; the event records the decided one. */
const withoutDisclosure = ({ disclosure: _decided, ...data }: VerificationRequested['data']) => data;
const cmd = <T extends VerificationCommand['type']>(
  type: T,
  data: Extract<VerificationCommand, { type: T }>['data'],
): VerificationCommand => ({ type, data, meta }) as VerificationCommand;

describe('VerificationRequest decider', () => {
  let verificationId: string;
  let caseId: string;
  let personId: string;
  let requested: VerificationRequested;
  const extended = (reason = 'counterpart asked for more time'): VerificationEvent => ({
    type: 'VerificationExtended',
    data: {
      verificationId,
      caseId,
      previousDueAt: requested.data.dueAt,
      newDueAt: vn('2026-03-15T02:00:00.000Z'),
      reason,
    },
  });
  const answeredAt = vn('2026-03-10T03:00:00.000Z');
  const answerData = (late = false) => ({
    verificationId,
    caseId,
    details: 'household register found',
    occurredAt: answeredAt,
    late,
  });
  const withdrawn = (): VerificationEvent => ({
    type: 'VerificationWithdrawn',
    data: { verificationId, caseId, reason: 'person identified by other means' },
  });

  beforeEach(() => {
    verificationId = newId();
    caseId = newId();
    personId = newId();
    requested = {
      type: 'VerificationRequested',
      data: {
        verificationId,
        caseId,
        personId,
        direction: 'outgoing',
        counterpart: 'CN-GX-PSD',
        subject: 'identity',
        questions: 'Please confirm identity against household registration',
        legalBasis: 'BLO cooperation agreement',
        priority: 'normal',
        dueAt: vn('2026-03-12T02:00:00.000Z'),
        occurredAt: vn('2026-03-05T01:00:00.000Z'),
        disclosure: { personId, basis: 'consent', reference: null },
      },
    };
  });

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
