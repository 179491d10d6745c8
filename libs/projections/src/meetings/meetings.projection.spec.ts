import { newId } from '#shared-kernel';
import { useProjectionHarness, viewNamer, z, type GivenEvent } from '../spec-support/projection.spec-fixtures.js';
import { parsePeriod } from '../statistics/statistics.period.js';
import { meetingStatistics } from './meeting-statistics.query.js';
import { meetingsProjection } from './meetings.projection.js';
import { agreedActionsBoard, campaignList, meetingList } from './meetings.query.js';

const HOUR = 3_600_000;
// Only read for campaign subtotals, which these specs do not reach (the e2e journey does).
const LIMITS = { messageReplyDefaultMs: 7 * 24 * HOUR, urgentReplyMs: 8 * HOUR };

describe('meetings read model: agreed actions on the board, meeting list, statistics', () => {
  const h = useProjectionHarness(meetingsProjection);

  const recorded = (meetingId: string, province: string, heldAt: string, kind = 'blo_meeting'): GivenEvent => ({
    type: 'MeetingRecorded',
    streamId: `meeting-${meetingId}`,
    data: {
      meetingId,
      kind,
      province,
      counterparts: ['CN-GX-PSD'],
      place: 'Hữu Nghị',
      heldAt: z(heldAt),
      participants: [],
      languages: ['vi', 'zh'],
      minutes: null,
    },
  });
  const agreed = (meetingId: string, actionId: string, province: string, dueAt: string): GivenEvent => ({
    type: 'ActionAgreed',
    streamId: `meeting-${meetingId}`,
    data: {
      meetingId,
      actionId,
      province,
      what: 'x',
      owner: { kind: 'unit', id: 'VN-LS-BLO' },
      counterpart: 'CN-GX-PSD',
      dueAt: z(dueAt),
      links: { caseIds: [], personIds: [], handoverIds: [], verificationIds: [] },
    },
  });
  const done = (meetingId: string, actionId: string, doneAt: string, late: boolean): GivenEvent => ({
    type: 'ActionDone',
    streamId: `meeting-${meetingId}`,
    data: { meetingId, actionId, fulfilledBy: { kind: 'case', id: 'c' }, doneAt: z(doneAt), late },
  });
  const dropped = (meetingId: string, actionId: string, at: string): GivenEvent => ({
    type: 'ActionDropped',
    streamId: `meeting-${meetingId}`,
    data: { meetingId, actionId, reason: 'r', droppedAt: z(at) },
  });
  const moved = (meetingId: string, actionId: string, from: string, to: string): GivenEvent => ({
    type: 'ActionDueChanged',
    streamId: `meeting-${meetingId}`,
    data: { meetingId, actionId, previousDueAt: z(from), newDueAt: z(to), reason: 'r' },
  });

  const NOW = new Date('2026-05-01T03:00:00Z');
  const board = (province: string | null = 'lang-son', withinMs = 48 * HOUR) =>
    agreedActionsBoard(h.sql, viewNamer, { now: NOW, withinMs, province, limit: 50 }).then((b) => ({
      overdue: b.overdue.map((e) => e.actionId),
      dueSoon: b.dueSoon.map((e) => e.actionId),
    }));

  it('puts open actions past due on the board, most overdue first, and those due soon, by province', async () => {
    const [m, other] = [newId(), newId()];
    const [a1, a2, a3, a4, lc] = [newId(), newId(), newId(), newId(), newId()];
    await h.given(
      recorded(m, 'lang-son', '2026-04-10T09:00:00+07:00'),
      recorded(other, 'lao-cai', '2026-04-10T09:00:00+07:00'),
      agreed(m, a1, 'lang-son', '2026-04-28T17:00:00+07:00'),
      agreed(m, a2, 'lang-son', '2026-04-20T17:00:00+07:00'),
      agreed(m, a3, 'lang-son', '2026-05-02T17:00:00+07:00'),
      agreed(m, a4, 'lang-son', '2026-04-15T17:00:00+07:00'),
      agreed(other, lc, 'lao-cai', '2026-04-15T17:00:00+07:00'),
      done(m, a4, '2026-04-16T09:00:00+07:00', true),
    );
    expect(await board()).toEqual({ overdue: [a2, a1], dueSoon: [a3] });
    expect(await board('lao-cai')).toEqual({ overdue: [lc], dueSoon: [] });
    expect((await board(null)).overdue).toEqual([lc, a2, a1]);
    // A due time moved later takes the action off the overdue list; dropping it ends it.
    await h.given(
      moved(m, a2, '2026-04-20T17:00:00+07:00', '2026-05-02T10:00:00+08:00'),
      dropped(m, a1, '2026-05-01T08:00:00+07:00'),
    );
    expect(await board()).toEqual({ overdue: [], dueSoon: [a2, a3] });

    const [listed] = await meetingList(h.sql, viewNamer, { now: NOW, province: 'lang-son', limit: 10 });
    expect(listed).toMatchObject({
      meetingId: m,
      counterparts: ['CN-GX-PSD'],
      heldAt: { local: { vn: '2026-04-10T09:00:00+07:00', cn: '2026-04-10T10:00:00+08:00' } },
      actions: { agreed: 4, open: 2, overdue: 0, done: 1, dropped: 1 },
    });
  });

  it('ignores a replayed older event', async () => {
    const [m, a] = [newId(), newId()];
    const [, , closed] = await h.given(
      recorded(m, 'lang-son', '2026-04-10T09:00:00+07:00'),
      agreed(m, a, 'lang-son', '2026-04-20T17:00:00+07:00'),
      done(m, a, '2026-04-19T09:00:00+07:00', false),
    );
    const [moveEvent] = await h.given(moved(m, a, '2026-04-20T17:00:00+07:00', '2026-04-25T17:00:00+07:00'));
    const before = await h.snapshot();
    await h.apply(closed);
    await h.apply(moveEvent);
    expect(await h.snapshot()).toEqual(before);
  });

  it('counts meetings held and actions closed in the period, in Vietnam time', async () => {
    const [m, late, q1] = [newId(), newId(), newId()];
    const [onTime, lateOne, droppedOne, open] = [newId(), newId(), newId(), newId()];
    await h.given(
      // 23:30 on 31 March in Vietnam (00:30 on 1 April in China): Q1.
      recorded(q1, 'lang-son', '2026-04-01T00:30:00+08:00', 'annual_talks'),
      recorded(m, 'lang-son', '2026-04-10T09:00:00+07:00'),
      recorded(late, 'lang-son', '2026-05-10T09:00:00+07:00', 'working_session'),
      agreed(m, onTime, 'lang-son', '2026-04-20T17:00:00+07:00'),
      agreed(m, lateOne, 'lang-son', '2026-04-20T17:00:00+07:00'),
      agreed(m, droppedOne, 'lang-son', '2026-04-20T17:00:00+07:00'),
      agreed(late, open, 'lang-son', '2026-06-01T17:00:00+07:00'),
      done(m, onTime, '2026-04-19T09:00:00+07:00', false),
      done(m, lateOne, '2026-04-22T09:00:00+07:00', true),
      dropped(m, droppedOne, '2026-07-02T09:00:00+07:00'),
    );
    const stats = await meetingStatistics(
      h.sql,
      viewNamer,
      { period: parsePeriod('2026-Q2')!, province: 'lang-son', now: new Date('2026-12-01T00:00:00Z') },
      LIMITS,
    );
    expect(stats.meetings).toEqual({ total: 2, byKind: { blo_meeting: 1, working_session: 1 } });
    // The dropped one was still open past its due time when the quarter ended; so was `open`.
    expect(stats.actions).toEqual({ agreed: 4, doneOnTime: 1, doneLate: 1, dropped: 0, openOverdue: 2 });
    expect(stats.campaigns).toEqual([]);
  });

  it('lists a province’s campaigns with the national ones', async () => {
    const campaign = (id: string, province: string, coverage: string, from: string): GivenEvent => ({
      type: 'CampaignRecorded',
      streamId: `campaign-${id}`,
      data: { campaignId: id, name: id, province, coverage, counterparts: ['CN-GX-PSD'], from, to: '2026-12-31' },
    });
    const [own, national, elsewhere] = [newId(), newId(), newId()];
    await h.given(
      campaign(own, 'lang-son', 'province', '2026-05-01'),
      campaign(national, 'lao-cai', 'national', '2026-04-01'),
      campaign(elsewhere, 'lao-cai', 'province', '2026-03-01'),
    );
    const ids = async (province: string | null) =>
      (await campaignList(h.sql, viewNamer, { province })).map((c) => c.campaignId);
    expect(await ids('lang-son')).toEqual([national, own]);
    expect(await ids(null)).toEqual([elsewhere, national, own]);
  });
});
