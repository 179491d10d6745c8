import { fold } from '#shared-kernel';
import { handoverDecider } from './handover.decider.js';
import type { HandoverEvent } from './handover.events.js';
import {
  isConfirmationOverdue,
  isHandoverOpen,
  isHandoverUnconfirmed,
  pendingOnwardTransfers,
  receivedPersonIds,
} from './handover.queries.js';
import { at, handoverFixture } from './handover.spec-fixtures.js';

const f = handoverFixture();
const { personIds, history, received, notReceived, transferred } = f;
const [first, second] = personIds;
const stateOf = (events: readonly HandoverEvent[]) => fold(handoverDecider, events);
const conductedAt = at('2026-03-05T09:20:00+08:00');

describe('isHandoverUnconfirmed (the case-close rule)', () => {
  it.each(['proposed', 'scheduled', 'postponed'] as const)('is true for a %s handover', (status) => {
    expect(isHandoverUnconfirmed(stateOf(history[status]))).toBe(true);
  });

  it.each(['cancelled', 'conducted', 'signed', 'closed'] as const)('is false for a %s handover', (status) => {
    expect(isHandoverUnconfirmed(stateOf(history[status]))).toBe(false);
  });

  it('is false for a missing handover', () => {
    expect(isHandoverUnconfirmed(stateOf([]))).toBe(false);
  });
});

describe('pendingOnwardTransfers', () => {
  it('lists received persons without a transfer, with the time they were received', () => {
    expect(pendingOnwardTransfers(stateOf(history.conducted))).toEqual([
      { personId: first, receivedAt: conductedAt },
      { personId: second, receivedAt: conductedAt },
    ]);
  });

  it('drops a person once transferred', () => {
    expect(pendingOnwardTransfers(stateOf([...history.signed, transferred(first)]))).toEqual([
      { personId: second, receivedAt: conductedAt },
    ]);
  });

  it('has nothing pending before the handover took place', () => {
    expect(pendingOnwardTransfers(stateOf(history.scheduled))).toEqual([]);
  });

  it('ignores persons not received', () => {
    const one = [f.proposed(), f.scheduled(), f.conducted(), received(first), notReceived(second, 'x')];
    expect(pendingOnwardTransfers(stateOf(one)).map((p) => p.personId)).toEqual([first]);
    expect(receivedPersonIds(stateOf(one))).toEqual([first]);
  });
});

describe('isConfirmationOverdue', () => {
  const scheduledAt = Date.parse(at('2026-03-05T09:00:00+08:00').at);

  it('is false at the scheduled instant itself', () => {
    expect(isConfirmationOverdue(stateOf(history.scheduled), new Date(scheduledAt))).toBe(false);
  });

  it('is true once the scheduled instant has passed without a confirmation', () => {
    expect(isConfirmationOverdue(stateOf(history.scheduled), new Date(scheduledAt + 1))).toBe(true);
  });

  it('is false once confirmed', () => {
    expect(isConfirmationOverdue(stateOf(history.signed), new Date(scheduledAt + 1))).toBe(false);
  });
});

describe('isHandoverOpen', () => {
  it.each(['cancelled', 'closed'] as const)('is false when %s', (status) => {
    expect(isHandoverOpen(stateOf(history[status]))).toBe(false);
  });

  it('is false when missing', () => {
    expect(isHandoverOpen(stateOf([]))).toBe(false);
  });

  it.each(['proposed', 'postponed', 'conducted', 'signed'] as const)('is true when %s', (status) => {
    expect(isHandoverOpen(stateOf(history[status]))).toBe(true);
  });
});
