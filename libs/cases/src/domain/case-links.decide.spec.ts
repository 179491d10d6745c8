import { newId, type CommandMeta } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { CaseCommand } from './case.commands.js';
import { caseDecider } from './case.decider.js';
import { caseClosed, caseOpened, caseResolved } from './case.spec-fixtures.js';
import { CaseErrors } from './case.errors.js';
import type { CaseEvent } from './case.events.js';

const meta = (): CommandMeta => ({
  actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LS-BLO' },
  now: new Date('2026-03-05T02:00:00Z'),
});
const spec = deciderSpec(caseDecider);

describe('Case decider: links from other records', () => {
  let caseId: string;
  let received: CaseEvent;

  beforeEach(() => {
    caseId = newId();
    received = {
      type: 'ReportReceived',
      data: {
        caseId,
        channel: 'counterpart_handover',
        province: 'cao-bang',
        summary: 'Two persons handed over at the gate',
        occurredAt: { at: '2026-03-04T01:00:00.000Z', offset: '+08:00', zone: 'Asia/Shanghai' },
        receivingUnit: 'VN-CB-BLO',
      },
    };
  });

  describe('link commands', () => {
    const cases: { name: string; command: (id: string) => CaseCommand; event: (id: string) => CaseEvent }[] = [
      {
        name: 'LinkPerson',
        command: (personId) => ({ type: 'LinkPerson', data: { personId, role: 'presumed_victim' }, meta: meta() }),
        event: (personId) => ({ type: 'PersonLinked', data: { caseId, personId, role: 'presumed_victim' } }),
      },
      {
        name: 'LinkExchange',
        command: (exchangeId) => ({ type: 'LinkExchange', data: { exchangeId }, meta: meta() }),
        event: (exchangeId) => ({ type: 'ExchangeLinked', data: { caseId, exchangeId } }),
      },
      {
        name: 'LinkVerification',
        command: (verificationId) => ({ type: 'LinkVerification', data: { verificationId }, meta: meta() }),
        event: (verificationId) => ({ type: 'VerificationLinked', data: { caseId, verificationId } }),
      },
      {
        name: 'LinkHandover',
        command: (handoverId) => ({ type: 'LinkHandover', data: { handoverId }, meta: meta() }),
        event: (handoverId) => ({ type: 'HandoverLinked', data: { caseId, handoverId } }),
      },
    ];

    describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const id = newId();

      it('links to a received signal', () => {
        spec
          .given([received])
          .when(c.command(id))
          .then([c.event(id)]);
      });

      it('links to a resolved case', () => {
        spec
          .given([received, caseOpened(caseId), caseResolved(caseId)])
          .when(c.command(id))
          .then([c.event(id)]);
      });

      it('records nothing when already linked', () => {
        spec
          .given([received, c.event(id)])
          .when(c.command(id))
          .thenNothingHappened();
      });

      it('refuses a missing case', () => {
        spec.given([]).when(c.command(id)).thenRefuses(CaseErrors.NOT_FOUND);
      });

      it('refuses a closed case', () => {
        spec
          .given([received, caseOpened(caseId), caseClosed(caseId)])
          .when(c.command(id))
          .thenRefuses(CaseErrors.CLOSED);
      });
    });

    it('keeps the linked ids in the state', () => {
      const [personId, exchangeId, verificationId, handoverId] = [newId(), newId(), newId(), newId()];
      const state = spec
        .given([received, cases[0].event(personId), cases[1].event(exchangeId), cases[2].event(verificationId)])
        .when(cases[3].command(handoverId))
        .then([cases[3].event(handoverId)]);
      expect(state.status !== 'none' && state.links).toEqual({
        persons: [{ personId, role: 'presumed_victim' }],
        exchangeIds: [exchangeId],
        verificationIds: [verificationId],
        handoverIds: [handoverId],
      });
    });

    it('refuses an unknown person role', () => {
      spec
        .given([received])
        .when({ type: 'LinkPerson', data: { personId: newId(), role: 'witness' as never }, meta: meta() })
        .thenRefuses(CaseErrors.INVALID_PERSON_ROLE);
    });
  });
});
