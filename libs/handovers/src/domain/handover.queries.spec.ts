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
const { personIds, after, postpone, cancel, confirm, transfer, close } = f;
const [first, second] = personIds;
const stateOf = (events: readonly HandoverEvent[]) => fold(handoverDecider, events);
const postponed = after(f.scheduled, postpone('x'));
const cancelled = after(f.proposed, cancel('x'));
const closed = after(after(after(f.signed, transfer(first)), transfer(second)), close());

describe('isHandoverUnconfirmed (the case-close rule)', () => {
  it('is true for proposed, scheduled and postponed handovers only', () => {
    expect([f.proposed, f.scheduled, postponed].map((h) => isHandoverUnconfirmed(stateOf(h)))).toEqual([
      true,
      true,
      true,
    ]);
    expect([[], cancelled, f.signed, closed].map((h) => isHandoverUnconfirmed(stateOf(h)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('pendingOnwardTransfers', () => {
  it('lists received persons without a transfer, with the time they were received', () => {
    const partly = after(f.scheduled, confirm({ received: [{ personId: first }, { personId: second }] }));
    expect(pendingOnwardTransfers(stateOf(partly))).toEqual([
      { personId: first, receivedAt: at('2026-03-05T09:20:00+08:00') },
      { personId: second, receivedAt: at('2026-03-05T09:20:00+08:00') },
    ]);
    expect(pendingOnwardTransfers(stateOf(after(partly, transfer(first)))).map((p) => p.personId)).toEqual([second]);
    expect(pendingOnwardTransfers(stateOf(f.scheduled))).toEqual([]);
  });

  it('ignores persons not received', () => {
    const one = after(
      f.scheduled,
      confirm({ received: [{ personId: first }], notReceived: [{ personId: second, reason: 'x' }] }),
    );
    expect(pendingOnwardTransfers(stateOf(one)).map((p) => p.personId)).toEqual([first]);
    expect(receivedPersonIds(stateOf(one))).toEqual([first]);
  });
});

describe('isConfirmationOverdue', () => {
  it('is true once the scheduled instant has passed without a confirmation', () => {
    const scheduledAt = Date.parse(at('2026-03-05T09:00:00+08:00').at);
    expect(isConfirmationOverdue(stateOf(f.scheduled), new Date(scheduledAt))).toBe(false);
    expect(isConfirmationOverdue(stateOf(f.scheduled), new Date(scheduledAt + 1))).toBe(true);
    expect(isConfirmationOverdue(stateOf(f.signed), new Date(scheduledAt + 1))).toBe(false);
  });
});

describe('isHandoverOpen', () => {
  it('is false only when missing, cancelled or closed', () => {
    expect([[], cancelled, closed].map((h) => isHandoverOpen(stateOf(h)))).toEqual([false, false, false]);
    expect([f.proposed, postponed, f.signed].map((h) => isHandoverOpen(stateOf(h)))).toEqual([true, true, true]);
  });
});
