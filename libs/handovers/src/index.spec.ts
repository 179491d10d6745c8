import { DomainError, fold, newId, parseStreamId, parseZoned, type CommandMeta } from '#shared-kernel';
import {
  handoverDecider,
  handoverStreamId,
  HandoverErrors,
  isHandoverUnconfirmed,
  pendingOnwardTransfers,
  type HandoverEvent,
} from '#handovers';

const meta: CommandMeta = {
  actor: { userId: 'bg.le', role: 'border_guard', unitId: 'VN-LC-DBP-LAO-CAI' },
  now: new Date('2026-03-05T02:00:00Z'),
};

// Past events as the application reads them back from the log, written out rather than decided.
const handoverId = newId();
const personId = newId();
const proposed: HandoverEvent = {
  type: 'HandoverProposed',
  data: {
    handoverId,
    caseId: newId(),
    gate: 'LAO_CAI',
    counterpart: 'CN-YN-HEKOU-BIS',
    proposedBy: 'cn',
    personIds: [personId],
    occurredAt: parseZoned('2026-03-01T10:00:00+08:00'),
  },
};
const scheduled: HandoverEvent = {
  type: 'HandoverScheduled',
  data: { handoverId, gate: 'LAO_CAI', scheduledAt: parseZoned('2026-03-05T09:00:00+08:00') },
};
const receivedAt = parseZoned('2026-03-05T09:10:00+08:00');
const conducted: readonly HandoverEvent[] = [
  proposed,
  scheduled,
  {
    type: 'HandoverConducted',
    data: {
      handoverId,
      gate: 'LAO_CAI',
      occurredAt: receivedAt,
      vnOfficers: ['officer-vn'],
      cnOfficers: ['officer-cn'],
    },
  },
  { type: 'PersonReceived', data: { handoverId, personId, occurredAt: receivedAt } },
  {
    type: 'MinutesSigned',
    data: { handoverId, number: '07/BB', occurredAt: parseZoned('2026-03-05T09:30:00+08:00'), languages: ['vi', 'zh'] },
  },
];

describe('#handovers public surface', () => {
  it('names the stream handover-<id> so the category parses back', () => {
    const id = newId();
    expect(handoverStreamId(id)).toBe(`handover-${id}`);
    expect(parseStreamId(handoverStreamId(id))).toEqual({ category: 'handover', id });
  });

  it('tells the case-close rule that a scheduled handover is still unconfirmed', () => {
    expect(isHandoverUnconfirmed(fold(handoverDecider, [proposed, scheduled]))).toBe(true);
  });

  it('tells the case-close rule that a conducted handover is confirmed', () => {
    expect(isHandoverUnconfirmed(fold(handoverDecider, conducted))).toBe(false);
  });

  it('gives the deadline board the received person still waiting for an onward transfer', () => {
    expect(pendingOnwardTransfers(fold(handoverDecider, conducted))).toEqual([{ personId, receivedAt }]);
  });

  it('refuses to close while that person waits, with the exported code', () => {
    let caught: unknown;
    try {
      handoverDecider.decide({ type: 'CloseHandover', data: {}, meta }, fold(handoverDecider, conducted));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe(HandoverErrors.TRANSFERS_MISSING);
  });
});
