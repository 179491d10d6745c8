import { deciderSpec } from '#testing';
import { handoverDecider } from './handover.decider.js';
import { HandoverErrors as E } from './handover.errors.js';
import type { HandoverEvent } from './handover.events.js';
import { at, handoverFixture, refusalWhen } from './handover.spec-fixtures.js';

const spec = deciderSpec(handoverDecider);
const f = handoverFixture();
const { handoverId, caseId, personIds, history, propose, schedule, postpone, cancel, confirm } = f;

describe('ProposeHandover', () => {
  it('records the proposal, with the proposing side and the persons', () => {
    const state = spec
      .given([])
      .when(propose())
      .then([
        {
          type: 'HandoverProposed',
          data: {
            handoverId,
            caseId,
            gate: 'HUU_NGHI',
            counterpart: 'CN-GX-PINGXIANG-BIS',
            proposedBy: 'cn',
            personIds,
            occurredAt: at('2026-03-01T10:00:00+08:00'),
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'proposed', proposedAt: at('2026-03-01T10:00:00+08:00') });
  });

  it('refuses a second proposal on the same stream', () => {
    spec.given(history.proposed).when(propose()).thenRefuses(E.ALREADY_EXISTS);
  });

  it.each([
    ['no person', { personIds: [] }, E.PERSONS_REQUIRED],
    ['a person twice', { personIds: [personIds[0], personIds[0]] }, E.DUPLICATE_PERSON],
    ['no gate', { gate: ' ' }, E.GATE_REQUIRED],
    ['no counterpart', { counterpart: '' }, E.INVALID_PROPOSAL],
    ['an unknown proposing side', { proposedBy: 'us' as never }, E.INVALID_PROPOSAL],
  ])('refuses a proposal with %s', (_label, overrides, code) => {
    const error = refusalWhen([], propose(overrides));
    expect([error.code, error.kind]).toEqual([code, 'invalid']);
  });
});

describe('ScheduleHandover', () => {
  it('schedules a proposed handover at the agreed gate and instant', () => {
    const state = spec
      .given(history.proposed)
      .when(schedule('2026-03-05T09:00:00+08:00', 'TAN_THANH'))
      .then([
        {
          type: 'HandoverScheduled',
          data: { handoverId, gate: 'TAN_THANH', scheduledAt: at('2026-03-05T09:00:00+08:00') },
        },
      ]);
    expect(state).toMatchObject({ status: 'scheduled', gate: 'TAN_THANH' });
  });

  it('schedules again after a postponement without a new time', () => {
    const state = spec
      .given(history.postponed)
      .when(schedule('2026-03-07T09:00:00+08:00'))
      .then([
        {
          type: 'HandoverScheduled',
          data: { handoverId, gate: 'HUU_NGHI', scheduledAt: at('2026-03-07T09:00:00+08:00') },
        },
      ]);
    expect(state.status).toBe('scheduled');
  });

  it.each<[string, readonly HandoverEvent[], string]>([
    ['already scheduled', history.scheduled, E.INVALID_TRANSITION],
    ['cancelled', history.cancelled, E.CANCELLED],
    ['conducted', history.signed, E.ALREADY_CONDUCTED],
  ])('refuses to schedule what is %s', (_label, given, code) => {
    spec.given(given).when(schedule()).thenRefuses(code);
  });

  it('refuses to schedule a missing handover as not found', () => {
    const error = refusalWhen([], schedule());
    expect([error.code, error.kind]).toEqual([E.NOT_FOUND, 'not_found']);
  });

  it('refuses a blank gate', () => {
    spec.given(history.proposed).when(schedule('2026-03-05T09:00:00+08:00', '')).thenRefuses(E.GATE_REQUIRED);
  });

  it('refuses a time before the proposal', () => {
    spec.given(history.proposed).when(schedule('2026-02-28T09:00:00+08:00')).thenRefuses(E.INVALID_TIME);
  });
});

describe('PostponeHandover', () => {
  it('without a new time, leaves the handover postponed until it is scheduled again', () => {
    const state = spec
      .given(history.scheduled)
      .when(postpone('Chinese side requests more time'))
      .then([
        {
          type: 'HandoverPostponed',
          data: {
            handoverId,
            reason: 'Chinese side requests more time',
            previousScheduledAt: at('2026-03-05T09:00:00+08:00'),
          },
        },
      ]);
    expect(state.status).toBe('postponed');
  });

  it('cannot be confirmed while postponed without a new time', () => {
    spec.given(history.postponed).when(confirm()).thenRefuses(E.NOT_SCHEDULED);
  });

  it('with a new time, reschedules at the same gate in the same decision', () => {
    const state = spec
      .given(history.scheduled)
      .when(postpone('flooding on the road', '2026-03-06T09:00:00+08:00'))
      .then([
        {
          type: 'HandoverPostponed',
          data: { handoverId, reason: 'flooding on the road', previousScheduledAt: at('2026-03-05T09:00:00+08:00') },
        },
        {
          type: 'HandoverScheduled',
          data: { handoverId, gate: 'HUU_NGHI', scheduledAt: at('2026-03-06T09:00:00+08:00') },
        },
      ]);
    expect(state).toMatchObject({ status: 'scheduled', scheduledAt: at('2026-03-06T09:00:00+08:00') });
  });

  it.each([
    ['the same', '2026-03-05T09:00:00+08:00'],
    ['an earlier', '2026-03-05T08:00:00+07:00'],
  ])('refuses a "postponement" to %s time', (_label, iso) => {
    const error = refusalWhen(history.scheduled, postpone('x', iso));
    expect([error.code, error.kind]).toEqual([E.INVALID_TIME, 'invalid']);
  });

  it('refuses without a reason', () => {
    spec.given(history.scheduled).when(postpone('  ')).thenRefuses(E.REASON_REQUIRED);
  });

  it.each<[string, readonly HandoverEvent[], string]>([
    ['proposed', history.proposed, E.NOT_SCHEDULED],
    ['already postponed', history.postponed, E.NOT_SCHEDULED],
    ['conducted', history.signed, E.ALREADY_CONDUCTED],
    ['cancelled', [f.proposed(), f.scheduled(), f.cancelled()], E.CANCELLED],
    ['missing', [], E.NOT_FOUND],
  ])('refuses outside Scheduled: %s', (_label, given, code) => {
    spec.given(given).when(postpone('again')).thenRefuses(code);
  });
});

describe('CancelHandover', () => {
  it.each<[string, readonly HandoverEvent[]]>([
    ['proposed', history.proposed],
    ['scheduled', history.scheduled],
    ['postponed', history.postponed],
  ])('cancels a %s handover as a business outcome', (from, given) => {
    const state = spec
      .given(given)
      .when(cancel('person chose to stay'))
      .then([{ type: 'HandoverCancelled', data: { handoverId, reason: 'person chose to stay' } }]);
    expect(state).toMatchObject({ status: 'cancelled', cancelledFrom: from });
  });

  it('refuses without a reason', () => {
    spec.given(history.proposed).when(cancel('')).thenRefuses(E.REASON_REQUIRED);
  });

  it.each<[string, readonly HandoverEvent[], string]>([
    ['twice', history.cancelled, E.CANCELLED],
    ['after the handover took place', history.signed, E.ALREADY_CONDUCTED],
    ['on a missing handover', [], E.NOT_FOUND],
  ])('refuses %s', (_label, given, code) => {
    spec.given(given).when(cancel('x')).thenRefuses(code);
  });
});
