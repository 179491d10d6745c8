import { newId } from '#shared-kernel';
import { APPLY_MODES, useProjectionHarness, z, type GivenEvent } from '../spec-support/projection.spec-fixtures.js';
import { exchangeOpened, letterLogged, reportReceived, verificationRequested } from '../spec-support/given-events.js';
import { statisticsProjection } from './statistics.projection.js';
import { statisticsOf } from './statistics.spec-fixtures.js';

const HOUR = 3_600_000;

/** Reply times and overdue counts per priority, each under its own limit (issue 11). */
describe.each(APPLY_MODES)('statistics per priority (%s)', (_mode, batched) => {
  const h = useProjectionHarness(() => statisticsProjection(async () => 'unknown'), batched);

  const caseId = newId();
  const report = reportReceived(caseId, { at: '2026-03-01T08:00:00+07:00' });
  /** A thread of the given priority with one outgoing letter sent at 09:00 on 1 March, answered after `hours`. */
  const thread = (priority: 'urgent' | 'normal' | undefined, hours: number | null): GivenEvent[] => {
    const exchangeId = newId();
    const messageId = newId();
    const stream = `exchange-${exchangeId}`;
    const sent = Date.parse('2026-03-01T02:00:00Z');
    return [
      exchangeOpened(exchangeId, [caseId], { priority }),
      letterLogged(exchangeId, messageId),
      ...(hours === null
        ? []
        : [
            {
              type: 'MessageAnswered',
              streamId: stream,
              data: {
                exchangeId,
                messageId,
                replyMessageId: newId(),
                occurredAt: z(new Date(sent + hours * HOUR).toISOString()),
              },
            },
          ]),
    ];
  };
  const verification = (priority: 'urgent' | 'normal', answeredAfterHours: number): GivenEvent[] => {
    const verificationId = newId();
    const stream = `verification-${verificationId}`;
    const asked = Date.parse('2026-03-02T02:00:00Z');
    const limitHours = priority === 'urgent' ? 8 : 7 * 24;
    return [
      verificationRequested(verificationId, caseId, {
        priority,
        dueAt: z(new Date(asked + limitHours * HOUR).toISOString()),
        occurredAt: z(new Date(asked).toISOString()),
      }),
      {
        type: 'VerificationAnsweredConfirmed',
        streamId: stream,
        data: {
          verificationId,
          caseId,
          details: 'd',
          occurredAt: z(new Date(asked + answeredAfterHours * HOUR).toISOString()),
          late: answeredAfterHours > limitHours,
        },
      },
    ];
  };

  it('measures each priority against its own limit; an older thread without a priority is normal', async () => {
    await h.given(
      report,
      // Urgent: answered in 2 h and in 10 h (late against 8 h), one never answered (overdue now).
      ...thread('urgent', 2),
      ...thread('urgent', 10),
      ...thread('urgent', null),
      // Normal: answered in 10 h (in time against 7 days), and a legacy thread answered in 30 h.
      ...thread('normal', 10),
      ...thread(undefined, 30),
      ...verification('urgent', 4),
      ...verification('urgent', 12),
      ...verification('normal', 20),
    );
    const s = await statisticsOf(h.sql, '2026-Q1', 'lang-son');
    expect(s.priorities.urgent.messages).toEqual({
      sent: 3,
      answered: 2,
      replyHours: { median: 6, p90: 9.2 },
      overdue: 2,
    });
    expect(s.priorities.normal.messages).toMatchObject({ sent: 2, answered: 2, overdue: 0 });
    expect(s.priorities.normal.messages.replyHours.median).toBe(20);
    expect(s.priorities.urgent.verifications).toMatchObject({ requested: 2, answered: 2, answeredLate: 1 });
    expect(s.priorities.urgent.verifications.replyHours.median).toBe(8);
    expect(s.priorities.normal.verifications).toMatchObject({ requested: 1, answered: 1, answeredLate: 0 });
  });

  it('counts a letter under the priority its thread had when it was sent', async () => {
    const events = thread('normal', 10);
    const exchangeId = (events[0].data as { exchangeId: string }).exchangeId;
    await h.given(report, ...events, {
      type: 'ExchangePriorityChanged',
      streamId: `exchange-${exchangeId}`,
      data: { exchangeId, previous: 'normal', priority: 'urgent', reason: 'r' },
    });
    const s = await statisticsOf(h.sql, '2026-Q1', null);
    expect([s.priorities.normal.messages.sent, s.priorities.urgent.messages.sent]).toEqual([1, 0]);
  });
});
