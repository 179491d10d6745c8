import { fold, newId, parseStreamId, parseZoned, type CommandMeta } from '#shared-kernel';
import {
  handoverDecider,
  handoverStreamId,
  HandoverErrors,
  isHandoverUnconfirmed,
  pendingOnwardTransfers,
  type HandoverCommand,
  type HandoverEvent,
} from '#handovers';

const meta: CommandMeta = {
  actor: { userId: 'bg.le', role: 'border_guard', unitId: 'VN-LC-DBP-LAO-CAI' },
  now: new Date('2026-03-05T02:00:00Z'),
};

describe('#handovers public surface', () => {
  it('names the stream handover-<id> so the category parses back', () => {
    const id = newId();
    expect(handoverStreamId(id)).toBe(`handover-${id}`);
    expect(parseStreamId(handoverStreamId(id))).toEqual({ category: 'handover', id });
  });

  it('gives the application what the case-close rule and the deadline board need', () => {
    const personId = newId();
    const run = (history: HandoverEvent[], command: Omit<HandoverCommand, 'meta'>): HandoverEvent[] => [
      ...history,
      ...handoverDecider.decide({ ...command, meta } as HandoverCommand, fold(handoverDecider, history)),
    ];
    const proposed = run([], {
      type: 'ProposeHandover',
      data: {
        handoverId: newId(),
        caseId: newId(),
        gate: 'LAO_CAI',
        counterpart: 'CN-YN-HEKOU-BIS',
        proposedBy: 'cn',
        personIds: [personId],
        proposedAt: parseZoned('2026-03-01T10:00:00+08:00'),
      },
    });
    expect(isHandoverUnconfirmed(fold(handoverDecider, proposed))).toBe(true);
    const scheduled = run(proposed, {
      type: 'ScheduleHandover',
      data: { gate: 'LAO_CAI', scheduledAt: parseZoned('2026-03-05T09:00:00+08:00') },
    });
    const conducted = run(scheduled, {
      type: 'ConfirmHandover',
      data: {
        conductedAt: parseZoned('2026-03-05T09:10:00+08:00'),
        vnOfficers: ['officer-vn'],
        cnOfficers: ['officer-cn'],
        received: [{ personId }],
        minutes: { number: '07/BB', signedAt: parseZoned('2026-03-05T09:30:00+08:00'), languages: ['vi', 'zh'] },
      },
    });
    const state = fold(handoverDecider, conducted);
    expect(isHandoverUnconfirmed(state)).toBe(false);
    expect(pendingOnwardTransfers(state).map((p) => p.personId)).toEqual([personId]);
    expect(HandoverErrors.TRANSFERS_MISSING).toBe('HANDOVER.TRANSFERS_MISSING');
  });
});
