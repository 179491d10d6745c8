import { fold } from '#shared-kernel';
import { handoverDecider } from './handover.decider.js';
import type { HandoverEvent } from './handover.events.js';
import { isHandoverUnconfirmed, pendingOnwardTransfers, receivedPersonIds } from './handover.queries.js';
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
