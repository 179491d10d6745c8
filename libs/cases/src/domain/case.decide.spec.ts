import { newId, type CommandMeta, type Role, type ZonedInstant } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { CaseCommand } from './case.commands.js';
import { caseDecider } from './case.decider.js';
import { CaseErrors } from './case.errors.js';
import type { CaseEvent, ReportReceived } from './case.events.js';

const NOW = new Date('2026-03-05T02:00:00Z');
const meta = (role: Role = 'liaison_officer'): CommandMeta => ({
  actor: { userId: 'an.nguyen', role, unitId: 'VN-LS-BLO', province: 'lang-son' },
  now: NOW,
});
const at = (iso: string, offset = '+07:00'): ZonedInstant => ({ at: iso, offset, zone: 'Asia/Ho_Chi_Minh' });

const spec = deciderSpec(caseDecider);

describe('Case decider', () => {
  let caseId: string;
  let received: ReportReceived;
  const opened = (): CaseEvent => ({ type: 'CaseOpened', data: { caseId, reason: null } });
  const resolved = (): CaseEvent => ({ type: 'CaseResolved', data: { caseId, resolution: 'victims returned' } });
  const closed = (): CaseEvent => ({
    type: 'CaseClosed',
    data: {
      caseId,
      reason: 'done',
      closedFrom: 'open',
      override: false,
      openVerificationIds: [],
      unconfirmedHandoverIds: [],
    },
  });
  const close = (
    data: Partial<Extract<CaseCommand, { type: 'CloseCase' }>['data']> = {},
    role: Role = 'liaison_officer',
  ): CaseCommand => ({
    type: 'CloseCase',
    data: { reason: 'work finished', override: false, openVerificationIds: [], unconfirmedHandoverIds: [], ...data },
    meta: meta(role),
  });

  beforeEach(() => {
    caseId = newId();
    received = {
      type: 'ReportReceived',
      data: {
        caseId,
        channel: 'hotline',
        province: 'lang-son',
        summary: 'Call to 111 about a woman taken across the border',
        occurredAt: at('2026-03-04T23:30:00.000Z'),
        receivingUnit: 'VN-LS-BLO',
      },
    };
  });

  describe('ReceiveReport', () => {
    const receive = (data: Partial<ReportReceived['data']> = {}): CaseCommand => ({
      type: 'ReceiveReport',
      data: { ...received.data, ...data },
      meta: meta(),
    });

    it('records a received signal, not an opened case', () => {
      const state = spec.given([]).when(receive()).then([received]);
      expect(state.status).toBe('received');
    });

    it('refuses a second report on the same case id', () => {
      spec.given([received]).when(receive()).thenRefuses(CaseErrors.ALREADY_EXISTS);
    });

    it.each([
      [{ channel: 'fax' as never }, CaseErrors.INVALID_CHANNEL],
      [{ province: 'ha-noi' as never }, CaseErrors.INVALID_PROVINCE],
      [{ summary: '   ' }, CaseErrors.SUMMARY_REQUIRED],
      [{ receivingUnit: '' }, CaseErrors.RECEIVING_UNIT_REQUIRED],
      [{ occurredAt: at('yesterday') }, CaseErrors.INVALID_INSTANT],
    ])('refuses inconsistent data %j', (data, code) => {
      spec.given([]).when(receive(data)).thenRefuses(code);
    });
  });

  describe('ClassifyCase', () => {
    const classify = (classification: string, note?: string): CaseCommand => ({
      type: 'ClassifyCase',
      data: { classification: classification as never, ...(note === undefined ? {} : { note }) },
      meta: meta(),
    });

    it('classifies a received signal', () => {
      const state = spec
        .given([received])
        .when(classify('trafficking_suspected', 'victim account consistent'))
        .then([
          {
            type: 'CaseClassified',
            data: {
              caseId,
              classification: 'trafficking_suspected',
              previousClassification: null,
              note: 'victim account consistent',
            },
          },
        ]);
      expect(state.status === 'received' && state.classification).toBe('trafficking_suspected');
    });

    it('reclassifies an open case and remembers the previous classification', () => {
      const first: CaseEvent = {
        type: 'CaseClassified',
        data: { caseId, classification: 'insufficient_information', previousClassification: null, note: null },
      };
      spec
        .given([received, first, opened()])
        .when(classify('trafficking_suspected'))
        .then([
          {
            type: 'CaseClassified',
            data: {
              caseId,
              classification: 'trafficking_suspected',
              previousClassification: 'insufficient_information',
              note: null,
            },
          },
        ]);
    });

    it('records nothing when the classification is unchanged', () => {
      const first: CaseEvent = {
        type: 'CaseClassified',
        data: { caseId, classification: 'not_trafficking', previousClassification: null, note: null },
      };
      spec.given([received, first]).when(classify('not_trafficking')).thenNothingHappened();
    });

    it('refuses an unknown classification', () => {
      spec.given([received]).when(classify('maybe')).thenRefuses(CaseErrors.INVALID_CLASSIFICATION);
    });

    it.each<[string, () => CaseEvent[], string]>([
      ['a missing', () => [], CaseErrors.NOT_FOUND],
      ['a resolved', () => [received, opened(), resolved()], CaseErrors.INVALID_TRANSITION],
      ['a closed', () => [received, opened(), closed()], CaseErrors.CLOSED],
    ])('refuses on %s case', (_label, given, code) => {
      spec.given(given()).when(classify('not_trafficking')).thenRefuses(code);
    });
  });

  describe('OpenCase', () => {
    const open: () => CaseCommand = () => ({ type: 'OpenCase', data: { reason: 'victim identified' }, meta: meta() });

    it('opens a received signal as a case', () => {
      const state = spec
        .given([received])
        .when(open())
        .then([{ type: 'CaseOpened', data: { caseId, reason: 'victim identified' } }]);
      expect(state.status).toBe('open');
    });

    it.each<[string, () => CaseEvent[], string]>([
      ['twice', () => [received, opened()], CaseErrors.INVALID_TRANSITION],
      ['a missing case', () => [], CaseErrors.NOT_FOUND],
      ['a closed case', () => [received, opened(), closed()], CaseErrors.CLOSED],
    ])('refuses to open %s', (_label, given, code) => {
      spec.given(given()).when(open()).thenRefuses(code);
    });
  });

  describe('ResolveCase', () => {
    const resolve = (resolution = 'victims returned'): CaseCommand => ({
      type: 'ResolveCase',
      data: { resolution },
      meta: meta(),
    });

    it('resolves an open case', () => {
      const state = spec.given([received, opened()]).when(resolve()).then([resolved()]);
      expect(state.status === 'resolved' && state.resolution).toBe('victims returned');
    });

    it.each<[string, () => CaseEvent[], string]>([
      ['a signal that was never opened', () => [received], CaseErrors.INVALID_TRANSITION],
      ['a resolved case', () => [received, opened(), resolved()], CaseErrors.INVALID_TRANSITION],
      ['a closed case', () => [received, opened(), closed()], CaseErrors.CLOSED],
      ['a missing case', () => [], CaseErrors.NOT_FOUND],
    ])('refuses %s', (_label, given, code) => {
      spec.given(given()).when(resolve()).thenRefuses(code);
    });

    it('refuses a blank resolution', () => {
      spec.given([received, opened()]).when(resolve(' ')).thenRefuses(CaseErrors.RESOLUTION_REQUIRED);
    });
  });

  describe('CloseCase', () => {
    const closedFrom = (from: 'received' | 'open' | 'resolved' | 'reopened'): CaseEvent => ({
      type: 'CaseClosed',
      data: {
        caseId,
        reason: 'work finished',
        closedFrom: from,
        override: false,
        openVerificationIds: [],
        unconfirmedHandoverIds: [],
      },
    });

    it('closes an open case', () => {
      const state = spec
        .given([received, opened()])
        .when(close())
        .then([closedFrom('open')]);
      expect(state.status).toBe('closed');
    });

    it('closes a resolved case, keeping the resolution', () => {
      const state = spec
        .given([received, opened(), resolved()])
        .when(close())
        .then([closedFrom('resolved')]);
      expect(state.status === 'closed' && state.closure.resolution).toBe('victims returned');
    });

    it('dismisses a received signal without opening a case', () => {
      const state = spec
        .given([received])
        .when(close())
        .then([closedFrom('received')]);
      expect(state.status === 'closed' && state.closure.closedFrom).toBe('received');
    });

    it('refuses with open verifications and no override', () => {
      spec
        .given([received, opened()])
        .when(close({ openVerificationIds: [newId()] }))
        .thenRefuses(CaseErrors.HAS_OPEN_ITEMS);
    });

    it('refuses with unconfirmed handovers and no override, even for a supervisor', () => {
      spec
        .given([received, opened()])
        .when(close({ unconfirmedHandoverIds: [newId()] }, 'supervisor'))
        .thenRefuses(CaseErrors.HAS_OPEN_ITEMS);
    });

    describe('with open items', () => {
      const verificationId = newId();
      const handoverId = newId();
      const withOpen = {
        override: true,
        openVerificationIds: [verificationId, verificationId],
        unconfirmedHandoverIds: [handoverId],
      };

      it('refuses an override by a liaison officer', () => {
        spec
          .given([received, opened()])
          .when(close(withOpen, 'liaison_officer'))
          .thenRefuses(CaseErrors.OVERRIDE_NOT_ALLOWED);
      });

      it('lets a supervisor override, and records the override with the open ids, once each', () => {
        const state = spec
          .given([received, opened()])
          .when(close({ ...withOpen, reason: 'counterpart will not answer' }, 'supervisor'))
          .then([
            {
              type: 'CaseClosed',
              data: {
                caseId,
                reason: 'counterpart will not answer',
                closedFrom: 'open',
                override: true,
                openVerificationIds: [verificationId],
                unconfirmedHandoverIds: [handoverId],
              },
            },
          ]);
        expect(state.status === 'closed' && state.closure.override).toBe(true);
      });
    });

    it('refuses an override requested by a non-supervisor even with nothing open', () => {
      spec
        .given([received, opened()])
        .when(close({ override: true }, 'border_guard'))
        .thenRefuses(CaseErrors.OVERRIDE_NOT_ALLOWED);
    });

    it('does not mark a supervisor close as an override when nothing was open', () => {
      spec
        .given([received, opened()])
        .when(close({ override: true }, 'supervisor'))
        .then([closedFrom('open')]);
    });

    it('refuses without a reason', () => {
      spec
        .given([received, opened()])
        .when(close({ reason: '' }))
        .thenRefuses(CaseErrors.REASON_REQUIRED);
    });

    it('refuses on a closed case', () => {
      spec.given([received, opened(), closed()]).when(close()).thenRefuses(CaseErrors.CLOSED);
    });

    it('refuses on a missing case', () => {
      spec.given([]).when(close()).thenRefuses(CaseErrors.NOT_FOUND);
    });
  });

  describe('ReopenCase', () => {
    const reopen = (reason = 'new evidence from Guangxi'): CaseCommand => ({
      type: 'ReopenCase',
      data: { reason },
      meta: meta('supervisor'),
    });
    const reopened = (): CaseEvent => ({ type: 'CaseReopened', data: { caseId, reason: 'new evidence from Guangxi' } });

    it('reopens a closed case into a reopened status', () => {
      const state = spec.given([received, opened(), closed()]).when(reopen()).then([reopened()]);
      expect(state.status).toBe('reopened');
    });

    it('lets a reopened case be resolved again', () => {
      spec
        .given([received, opened(), closed(), reopened()])
        .when({ type: 'ResolveCase', data: { resolution: 'victims returned' }, meta: meta() })
        .then([resolved()]);
    });

    it('lets a reopened case be closed again', () => {
      spec
        .given([received, opened(), closed(), reopened()])
        .when(close())
        .then([
          { ...closed(), data: { ...closed().data, reason: 'work finished', closedFrom: 'reopened' } } as CaseEvent,
        ]);
    });

    it('refuses a case that is not closed', () => {
      spec.given([received, opened()]).when(reopen()).thenRefuses(CaseErrors.INVALID_TRANSITION);
    });

    it('refuses a missing case', () => {
      spec.given([]).when(reopen()).thenRefuses(CaseErrors.NOT_FOUND);
    });

    it('refuses a blank reason', () => {
      spec.given([received, opened(), closed()]).when(reopen('')).thenRefuses(CaseErrors.REASON_REQUIRED);
    });
  });
});
