import { deciderSpec } from '#testing';
import { handoverDecider } from './handover.decider.js';
import { HandoverErrors as E } from './handover.errors.js';
import { at, handoverFixture, refusalOf } from './handover.spec-fixtures.js';

const spec = deciderSpec(handoverDecider);
const f = handoverFixture();
const { handoverId, caseId, personIds, decided, after, propose, schedule, postpone, cancel, confirm } = f;

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
    spec.given(f.proposed).when(propose()).thenRefuses(E.ALREADY_EXISTS);
  });

  it.each([
    ['no person', { personIds: [] }, E.PERSONS_REQUIRED],
    ['a person twice', { personIds: [personIds[0], personIds[0]] }, E.DUPLICATE_PERSON],
    ['no gate', { gate: ' ' }, E.GATE_REQUIRED],
    ['no counterpart', { counterpart: '' }, E.INVALID_PROPOSAL],
    ['an unknown proposing side', { proposedBy: 'us' as never }, E.INVALID_PROPOSAL],
  ])('refuses a proposal with %s', (_label, overrides, code) => {
    const error = refusalOf(() => decided([], propose(overrides)));
    expect([error.code, error.kind]).toEqual([code, 'invalid']);
  });
});

describe('ScheduleHandover', () => {
  it('schedules a proposed handover at the agreed gate and instant', () => {
    const state = spec
      .given(f.proposed)
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
    const postponed = after(f.scheduled, postpone('typhoon'));
    const state = spec
      .given(postponed)
      .when(schedule('2026-03-07T09:00:00+08:00'))
      .then([
        {
          type: 'HandoverScheduled',
          data: { handoverId, gate: 'HUU_NGHI', scheduledAt: at('2026-03-07T09:00:00+08:00') },
        },
      ]);
    expect(state.status).toBe('scheduled');
  });

  it('refuses to schedule what is already scheduled, cancelled, conducted or missing', () => {
    spec.given(f.scheduled).when(schedule()).thenRefuses(E.INVALID_TRANSITION);
    spec
      .given(after(f.proposed, cancel('persons released')))
      .when(schedule())
      .thenRefuses(E.CANCELLED);
    spec.given(f.signed).when(schedule()).thenRefuses(E.ALREADY_CONDUCTED);
    expect(refusalOf(() => decided([], schedule())).kind).toBe('not_found');
  });

  it('refuses a blank gate and a time before the proposal', () => {
    spec.given(f.proposed).when(schedule('2026-03-05T09:00:00+08:00', '')).thenRefuses(E.GATE_REQUIRED);
    spec.given(f.proposed).when(schedule('2026-02-28T09:00:00+08:00')).thenRefuses(E.INVALID_TIME);
  });
});

describe('PostponeHandover', () => {
  it('without a new time, leaves the handover postponed until it is scheduled again', () => {
    const state = spec
      .given(f.scheduled)
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
    spec
      .given(after(f.scheduled, postpone('typhoon')))
      .when(confirm())
      .thenRefuses(E.NOT_SCHEDULED);
  });

  it('with a new time, reschedules at the same gate in the same decision', () => {
    const state = spec
      .given(f.scheduled)
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

  it('refuses a "postponement" to the same or an earlier time', () => {
    const error = refusalOf(() => decided(f.scheduled, postpone('x', '2026-03-05T08:00:00+07:00')));
    expect([error.code, error.kind]).toEqual([E.INVALID_TIME, 'invalid']);
  });

  it('refuses without a reason, and outside Scheduled', () => {
    spec.given(f.scheduled).when(postpone('  ')).thenRefuses(E.REASON_REQUIRED);
    spec.given(f.proposed).when(postpone('x')).thenRefuses(E.NOT_SCHEDULED);
    spec
      .given(after(f.scheduled, postpone('x')))
      .when(postpone('again'))
      .thenRefuses(E.NOT_SCHEDULED);
    spec.given(f.signed).when(postpone('x')).thenRefuses(E.ALREADY_CONDUCTED);
    spec
      .given(after(f.scheduled, cancel('x')))
      .when(postpone('x'))
      .thenRefuses(E.CANCELLED);
    spec.given([]).when(postpone('x')).thenRefuses(E.NOT_FOUND);
  });
});

describe('CancelHandover', () => {
  it.each([
    ['proposed', f.proposed],
    ['scheduled', f.scheduled],
    ['postponed', after(f.scheduled, postpone('x'))],
  ])('cancels a %s handover as a business outcome', (from, given) => {
    const state = spec
      .given(given)
      .when(cancel('person chose to stay'))
      .then([{ type: 'HandoverCancelled', data: { handoverId, reason: 'person chose to stay' } }]);
    expect(state).toMatchObject({ status: 'cancelled', cancelledFrom: from });
  });

  it('refuses without a reason, twice, after the handover took place, or on a missing handover', () => {
    spec.given(f.proposed).when(cancel('')).thenRefuses(E.REASON_REQUIRED);
    spec
      .given(after(f.proposed, cancel('x')))
      .when(cancel('x'))
      .thenRefuses(E.CANCELLED);
    spec.given(f.signed).when(cancel('x')).thenRefuses(E.ALREADY_CONDUCTED);
    spec.given([]).when(cancel('x')).thenRefuses(E.NOT_FOUND);
  });
});
