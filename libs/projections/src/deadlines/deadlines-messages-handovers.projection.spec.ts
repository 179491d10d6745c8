import { newId } from '#shared-kernel';
import type { MessageLogged } from '#exchanges';
import { APPLY_MODES, useProjectionHarness, z, type GivenEvent } from '../spec-support/projection.spec-fixtures.js';
import { exchangeOpened, letterLogged, reportReceived } from '../spec-support/given-events.js';
import { boardAt, DAY, kinds, LIMITS, type BoardAsk } from './deadline-board.spec-fixtures.js';
import { deadlinesProjection } from './deadlines.projection.js';

/** The reply clocks of outgoing letters and the clocks of handovers on the deadline board. */
describe.each(APPLY_MODES)('deadlines projection (%s)', (_mode, batched) => {
  const h = useProjectionHarness(deadlinesProjection, batched);
  const board = (now: string, ask?: BoardAsk) => boardAt(h.sql, now, ask);

  describe('outgoing messages', () => {
    const caseId = newId();
    const exchangeId = newId();
    const stream = `exchange-${exchangeId}`;
    const opened = exchangeOpened(exchangeId, [caseId]);
    const logged = (messageId: string, extra: Partial<MessageLogged['data']> = {}) =>
      letterLogged(exchangeId, messageId, extra);

    it('uses responseDueAt when given, else the configured reply limit; an acknowledgement does not stop the clock', async () => {
      const withDue = newId();
      const withoutDue = newId();
      await h.given(
        reportReceived(caseId),
        opened,
        logged(withDue, { responseDueAt: z('2026-03-02T09:00:00+08:00') }),
        logged(withoutDue),
        {
          type: 'MessageAcknowledged',
          streamId: stream,
          data: { exchangeId, messageId: withDue, occurredAt: z('2026-03-01T12:00:00+08:00') },
        },
      );
      const b = await board('2026-03-07T09:00:00+07:00');
      expect(kinds(b)).toEqual({ overdue: [`message_reply:${withDue}`], dueSoon: [`message_reply:${withoutDue}`] });
      expect(b.overdue[0]).toMatchObject({
        caseId,
        parentId: exchangeId,
        owedBy: 'counterpart',
        dueAt: '2026-03-02T01:00:00.000Z',
        acknowledgedAt: '2026-03-01T04:00:00.000Z',
      });
      expect(b.dueSoon[0].dueAt).toBe('2026-03-08T02:00:00.000Z');
      const shorter = await board('2026-03-07T09:00:00+07:00', {
        limits: { ...LIMITS, messageReplyDefaultMs: 2 * DAY },
      });
      expect(kinds(shorter).overdue).toEqual([`message_reply:${withDue}`, `message_reply:${withoutDue}`]);
      await h.given({
        type: 'MessageAnswered',
        streamId: stream,
        data: { exchangeId, messageId: withDue, replyMessageId: newId(), occurredAt: z('2026-03-07T10:00:00+08:00') },
      });
      expect(kinds(await board('2026-03-07T09:00:00+07:00')).overdue).toEqual([]);
    });

    it('gives the messages of an urgent thread the urgent limit, from the moment the thread becomes urgent and back', async () => {
      const waiting = newId();
      const declared = newId();
      await h.given(
        reportReceived(caseId),
        opened,
        logged(waiting),
        logged(declared, { responseDueAt: z('2026-03-05T09:00:00+07:00') }),
      );
      const before = await board('2026-03-01T12:00:00+07:00', { within: 10 * DAY });
      expect(before.dueSoon.find((d) => d.id === waiting)).toMatchObject({
        priority: 'normal',
        dueAt: '2026-03-08T02:00:00.000Z',
      });
      const raised: GivenEvent = {
        type: 'ExchangePriorityChanged',
        streamId: stream,
        data: { exchangeId, previous: 'normal', priority: 'urgent', reason: 'r' },
      };
      const [recorded] = await h.given(raised);
      // Sent at 09:00 Vietnam time, due eight hours later; a due time the officer declared stays.
      const urgent = await board('2026-03-01T18:00:00+07:00', { within: 10 * DAY });
      expect(urgent.overdue.map((d) => [d.id, d.priority, d.dueAt])).toEqual([
        [waiting, 'urgent', '2026-03-01T10:00:00.000Z'],
      ]);
      expect(urgent.dueSoon.find((d) => d.id === declared)?.dueAt).toBe('2026-03-05T02:00:00.000Z');
      await h.given({
        type: 'ExchangePriorityChanged',
        streamId: stream,
        data: { exchangeId, previous: 'urgent', priority: 'normal', reason: 'r' },
      });
      expect(kinds(await board('2026-03-01T18:00:00+07:00', { within: 10 * DAY })).overdue).toEqual([]);
      // A replay of the older change does not bring urgency back.
      const snapshot = await h.snapshot();
      await h.apply(recorded);
      expect(await h.snapshot()).toEqual(snapshot);
    });

    it('starts a draft’s clock when it is sent, drops discarded drafts and everything of a closed thread', async () => {
      const draft = newId();
      const discarded = newId();
      await h.given(reportReceived(caseId), opened, logged(draft, { draft: true }), logged(discarded, { draft: true }));
      expect(kinds(await board('2026-04-01T09:00:00+07:00'))).toEqual({ overdue: [], dueSoon: [] });
      await h.given(
        {
          type: 'DraftSent',
          streamId: stream,
          data: { exchangeId, messageId: draft, occurredAt: z('2026-03-20T09:00:00+07:00') },
        },
        { type: 'DraftDiscarded', streamId: stream, data: { exchangeId, messageId: discarded } },
      );
      const b = await board('2026-03-26T09:00:00+07:00');
      expect(kinds(b)).toEqual({ overdue: [], dueSoon: [`message_reply:${draft}`] });
      expect(b.dueSoon[0].since).toBe('2026-03-20T02:00:00.000Z');
      await h.given({ type: 'ExchangeClosed', streamId: stream, data: { exchangeId, reason: 'r' } });
      expect(kinds(await board('2026-04-30T09:00:00+07:00'))).toEqual({ overdue: [], dueSoon: [] });
    });

    it('starts a held draft’s clock when a second officer releases it, not while it is returned', async () => {
      const held = newId();
      const release = { author: 'an.nguyen', unit: 'lang-son' };
      await h.given(reportReceived(caseId), opened, logged(held, { draft: true, release }));
      const step = (type: string, at: string, extra: object = {}): GivenEvent => ({
        type,
        streamId: stream,
        data: { exchangeId, messageId: held, occurredAt: z(at), ...extra },
      });
      await h.given(step('DraftReturned', '2026-03-19T09:00:00+07:00', { returnedBy: 'binh.tran', comment: 'x' }));
      await h.given(step('DraftResubmitted', '2026-03-19T10:00:00+07:00'));
      expect(kinds(await board('2026-03-26T09:00:00+07:00'))).toEqual({ overdue: [], dueSoon: [] });
      // The approval is the sending: DraftReleased and DraftSent at the same instant, in one append.
      await h.given(
        step('DraftReleased', '2026-03-20T09:00:00+07:00', { releasedBy: 'binh.tran' }),
        step('DraftSent', '2026-03-20T09:00:00+07:00'),
      );
      const b = await board('2026-03-26T09:00:00+07:00');
      expect(kinds(b)).toEqual({ overdue: [], dueSoon: [`message_reply:${held}`] });
      expect(b.dueSoon[0].since).toBe('2026-03-20T02:00:00.000Z');
    });
  });

  describe('handovers', () => {
    const caseId = newId();
    const handoverId = newId();
    const stream = `handover-${handoverId}`;
    const proposed: GivenEvent = {
      type: 'HandoverProposed',
      streamId: stream,
      data: {
        handoverId,
        caseId,
        gate: 'HUU-NGHI',
        counterpart: 'CN-GX-PSD',
        proposedBy: 'cn',
        personIds: [],
        occurredAt: z('2026-03-01T09:00:00+07:00'),
      },
    };
    const scheduled = (at: string): GivenEvent => ({
      type: 'HandoverScheduled',
      streamId: stream,
      data: { handoverId, gate: 'HUU-NGHI', scheduledAt: z(at) },
    });

    it('is due for confirmation the configured grace after the scheduled instant, and only while scheduled', async () => {
      await h.given(reportReceived(caseId), proposed, scheduled('2026-03-10T09:00:00+08:00'));
      const b = await board('2026-03-10T20:00:00+07:00');
      expect(kinds(b).dueSoon).toEqual([`handover_confirmation:${handoverId}`]);
      expect(b.dueSoon[0]).toMatchObject({
        caseId,
        dueAt: '2026-03-10T13:00:00.000Z',
        since: '2026-03-10T01:00:00.000Z',
      });
      expect(kinds(await board('2026-03-10T20:00:01+07:00')).overdue).toEqual([`handover_confirmation:${handoverId}`]);
      const postponed = await h.given({
        type: 'HandoverPostponed',
        streamId: stream,
        data: { handoverId, reason: 'weather', previousScheduledAt: z('2026-03-10T09:00:00+08:00') },
      });
      expect(kinds(await board('2026-03-11T09:00:00+07:00'))).toEqual({ overdue: [], dueSoon: [] });
      const [again] = await h.given(scheduled('2026-03-12T09:00:00+08:00'));
      expect((await board('2026-03-12T09:00:00+07:00')).dueSoon.map((e) => e.dueAt)).toEqual([
        '2026-03-12T13:00:00.000Z',
      ]);
      // A replay of the postponement (older than the new schedule) changes nothing.
      await h.apply(postponed[0]);
      await h.apply(again);
      expect(kinds(await board('2026-03-12T09:00:00+07:00')).dueSoon).toEqual([`handover_confirmation:${handoverId}`]);
      await h.given({
        type: 'HandoverConducted',
        streamId: stream,
        data: {
          handoverId,
          gate: 'HUU-NGHI',
          occurredAt: z('2026-03-12T09:30:00+08:00'),
          vnOfficers: [],
          cnOfficers: [],
        },
      });
      expect(kinds(await board('2026-03-14T09:00:00+07:00'))).toEqual({ overdue: [], dueSoon: [] });
    });

    it('expects the onward transfer of a received person by the end of the Vietnam calendar day of receipt', async () => {
      const late = newId();
      const early = newId();
      await h.given(
        reportReceived(caseId),
        proposed,
        // 00:30 in China on the 6th is still the 5th in Vietnam.
        {
          type: 'PersonReceived',
          streamId: stream,
          data: { handoverId, personId: late, occurredAt: z('2026-03-06T00:30:00+08:00') },
        },
        {
          type: 'PersonReceived',
          streamId: stream,
          data: { handoverId, personId: early, occurredAt: z('2026-03-05T08:00:00+07:00') },
        },
      );
      const b = await board('2026-03-05T23:59:59+07:00');
      expect(b.dueSoon.map((e) => [e.id, e.local.vn, e.parentId])).toEqual([
        [early, '2026-03-06T00:00:00+07:00', handoverId],
        [late, '2026-03-06T00:00:00+07:00', handoverId],
      ]);
      expect(kinds(await board('2026-03-06T00:00:01+07:00')).overdue).toHaveLength(2);
      const nextDay = await board('2026-03-06T00:00:01+07:00', { limits: { ...LIMITS, onwardTransferDays: 1 } });
      expect(kinds(nextDay).overdue).toEqual([]);
      await h.given({
        type: 'OnwardTransferRecorded',
        streamId: stream,
        data: {
          handoverId,
          personId: early,
          toUnit: 'u',
          toKind: 'social_protection',
          occurredAt: z('2026-03-05T15:00:00+07:00'),
        },
      });
      expect(kinds(await board('2026-03-06T00:00:01+07:00')).overdue).toEqual([`onward_transfer:${late}`]);
    });
  });
});
