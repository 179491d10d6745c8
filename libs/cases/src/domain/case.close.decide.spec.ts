import { newId } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { CaseCommand } from './case.commands.js';
import { caseDecider } from './case.decider.js';
import { CaseErrors } from './case.errors.js';
import type { CaseEvent, ReportReceived } from './case.events.js';
import { caseClosed, caseOpened, caseResolved, closeCase, eachNewHotlineCase, officer } from './case.spec-fixtures.js';

const spec = deciderSpec(caseDecider);

/** Closing a case, with or without a supervisor's override, and reopening it. */
describe('Case decider', () => {
  let caseId: string;
  let received: ReportReceived;
  eachNewHotlineCase((id, report) => ([caseId, received] = [id, report]));

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
        .given([received, caseOpened(caseId)])
        .when(closeCase())
        .then([closedFrom('open')]);
      expect(state.status).toBe('closed');
    });

    it('closes a resolved case, keeping the resolution', () => {
      const state = spec
        .given([received, caseOpened(caseId), caseResolved(caseId)])
        .when(closeCase())
        .then([closedFrom('resolved')]);
      expect(state.status === 'closed' && state.closure.resolution).toBe('victims returned');
    });

    it('dismisses a received signal without opening a case', () => {
      const state = spec
        .given([received])
        .when(closeCase())
        .then([closedFrom('received')]);
      expect(state.status === 'closed' && state.closure.closedFrom).toBe('received');
    });

    it('refuses with open verifications and no override', () => {
      spec
        .given([received, caseOpened(caseId)])
        .when(closeCase({ openVerificationIds: [newId()] }))
        .thenRefuses(CaseErrors.HAS_OPEN_ITEMS);
    });

    it('refuses with unconfirmed handovers and no override, even for a supervisor', () => {
      spec
        .given([received, caseOpened(caseId)])
        .when(closeCase({ unconfirmedHandoverIds: [newId()] }, 'supervisor'))
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
          .given([received, caseOpened(caseId)])
          .when(closeCase(withOpen, 'liaison_officer'))
          .thenRefuses(CaseErrors.OVERRIDE_NOT_ALLOWED);
      });

      it('lets a supervisor override, and records the override with the open ids, once each', () => {
        const state = spec
          .given([received, caseOpened(caseId)])
          .when(closeCase({ ...withOpen, reason: 'counterpart will not answer' }, 'supervisor'))
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
        .given([received, caseOpened(caseId)])
        .when(closeCase({ override: true }, 'border_guard'))
        .thenRefuses(CaseErrors.OVERRIDE_NOT_ALLOWED);
    });

    it('does not mark a supervisor close as an override when nothing was open', () => {
      spec
        .given([received, caseOpened(caseId)])
        .when(closeCase({ override: true }, 'supervisor'))
        .then([closedFrom('open')]);
    });

    it('refuses without a reason', () => {
      spec
        .given([received, caseOpened(caseId)])
        .when(closeCase({ reason: '' }))
        .thenRefuses(CaseErrors.REASON_REQUIRED);
    });

    it('refuses on a closed case', () => {
      spec
        .given([received, caseOpened(caseId), caseClosed(caseId)])
        .when(closeCase())
        .thenRefuses(CaseErrors.CLOSED);
    });

    it('refuses on a missing case', () => {
      spec.given([]).when(closeCase()).thenRefuses(CaseErrors.NOT_FOUND);
    });
  });

  describe('ReopenCase', () => {
    const reopen = (reason = 'new evidence from Guangxi'): CaseCommand => ({
      type: 'ReopenCase',
      data: { reason },
      meta: officer('supervisor'),
    });
    const reopened = (): CaseEvent => ({ type: 'CaseReopened', data: { caseId, reason: 'new evidence from Guangxi' } });

    it('reopens a closed case into a reopened status', () => {
      const state = spec
        .given([received, caseOpened(caseId), caseClosed(caseId)])
        .when(reopen())
        .then([reopened()]);
      expect(state.status).toBe('reopened');
    });

    it('lets a reopened case be resolved again', () => {
      spec
        .given([received, caseOpened(caseId), caseClosed(caseId), reopened()])
        .when({ type: 'ResolveCase', data: { resolution: 'victims returned' }, meta: officer() })
        .then([caseResolved(caseId)]);
    });

    it('lets a reopened case be closed again', () => {
      spec
        .given([received, caseOpened(caseId), caseClosed(caseId), reopened()])
        .when(closeCase())
        .then([
          {
            ...caseClosed(caseId),
            data: { ...caseClosed(caseId).data, reason: 'work finished', closedFrom: 'reopened' },
          } as CaseEvent,
        ]);
    });

    it('refuses a case that is not closed', () => {
      spec
        .given([received, caseOpened(caseId)])
        .when(reopen())
        .thenRefuses(CaseErrors.INVALID_TRANSITION);
    });

    it('refuses a missing case', () => {
      spec.given([]).when(reopen()).thenRefuses(CaseErrors.NOT_FOUND);
    });

    it('refuses a blank reason', () => {
      spec
        .given([received, caseOpened(caseId), caseClosed(caseId)])
        .when(reopen(''))
        .thenRefuses(CaseErrors.REASON_REQUIRED);
    });
  });
});
