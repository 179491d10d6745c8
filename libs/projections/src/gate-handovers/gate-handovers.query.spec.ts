import { eventLog, projectionHarness, type Harness } from '../spec-support/projection-harness.js';
import { gateHandoversProjection } from './gate-handovers.projection.js';
import {
  InvalidHandoverCursorError,
  listGateHandovers,
  type GateHandoverFilter,
  type HandoverVisibility,
} from './gate-handovers.query.js';

const LANG_SON_CASE = '0b8c7d1e-2f3a-4b5c-8d6e-7f8091a2b3c4';
const LAO_CAI_CASE = '1c9d8e2f-3a4b-4c6d-9e7f-8091a2b3c4d5';
const id = (n: number) => `a1b2c3d4-0000-4000-8000-00000000000${n}`;
const [TODAY_EARLY, YESTERDAY_LATE, TOMORROW, WAITING, LAO_CAI_TODAY, NEXT_MONTH, WAITING_LATER, CANCELLED, EARLIER] = [
  1, 2, 3, 4, 5, 6, 7, 8, 9,
].map(id);

const cn = (at: string) => ({ at, offset: '+08:00', zone: 'Asia/Shanghai' });

// 03:00 on 11 March in Vietnam, still 10 March in UTC: "today" must be the Vietnam day.
const NOW = new Date('2026-03-10T20:00:00.000Z');

const NATIONAL: HandoverVisibility = { allProvinces: true, provinces: [], gates: [] };
const HUU_NGHI_GUARD: HandoverVisibility = { allProvinces: false, provinces: [], gates: ['HUU_NGHI'] };
const LANG_SON_OFFICE: HandoverVisibility = { allProvinces: false, provinces: ['lang-son'], gates: [] };

describe('gate handovers list', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await projectionHarness(gateHandoversProjection);
    const e = eventLog();
    const report = (caseId: string, province: string) =>
      e('case', caseId, 'ReportReceived', {
        caseId,
        channel: 'hotline',
        province,
        summary: 'Tin báo',
        occurredAt: cn('2026-02-20T01:00:00.000Z'),
        receivingUnit: 'VN-LS-BLO',
      });
    const propose = (handoverId: string, caseId: string, gate: string, proposedAt: string, persons = 1) =>
      e('handover', handoverId, 'HandoverProposed', {
        handoverId,
        caseId,
        gate,
        counterpart: gate === 'LAO_CAI' ? 'CN-BIS-HEKOU' : 'CN-BIS-PINGXIANG',
        proposedBy: 'cn',
        personIds: Array.from({ length: persons }, (_, i) => `e1000000-0000-4000-8000-00000000000${i}`),
        occurredAt: cn(proposedAt),
      });
    const schedule = (handoverId: string, gate: string, at: string) =>
      e('handover', handoverId, 'HandoverScheduled', { handoverId, gate, scheduledAt: cn(at) });
    await h.apply([
      report(LANG_SON_CASE, 'lang-son'),
      report(LAO_CAI_CASE, 'lao-cai'),
      propose(TODAY_EARLY, LANG_SON_CASE, 'HUU_NGHI', '2026-03-01T02:00:00.000Z', 2),
      schedule(TODAY_EARLY, 'HUU_NGHI', '2026-03-11T01:00:00.000Z'),
      // 23:30 on 10 March in Vietnam, though 11 March already in China.
      propose(YESTERDAY_LATE, LANG_SON_CASE, 'HUU_NGHI', '2026-03-01T02:00:00.000Z'),
      schedule(YESTERDAY_LATE, 'HUU_NGHI', '2026-03-10T16:30:00.000Z'),
      propose(EARLIER, LANG_SON_CASE, 'HUU_NGHI', '2026-03-01T02:00:00.000Z'),
      schedule(EARLIER, 'HUU_NGHI', '2026-03-09T02:00:00.000Z'),
      propose(TOMORROW, LANG_SON_CASE, 'TAN_THANH', '2026-03-01T02:00:00.000Z'),
      schedule(TOMORROW, 'TAN_THANH', '2026-03-12T02:00:00.000Z'),
      propose(WAITING, LANG_SON_CASE, 'HUU_NGHI', '2026-03-01T02:00:00.000Z'),
      propose(LAO_CAI_TODAY, LAO_CAI_CASE, 'LAO_CAI', '2026-03-02T02:00:00.000Z', 3),
      schedule(LAO_CAI_TODAY, 'LAO_CAI', '2026-03-11T03:00:00.000Z'),
      propose(NEXT_MONTH, LANG_SON_CASE, 'HUU_NGHI', '2026-03-01T02:00:00.000Z'),
      schedule(NEXT_MONTH, 'HUU_NGHI', '2026-04-20T02:00:00.000Z'),
      propose(WAITING_LATER, LANG_SON_CASE, 'HUU_NGHI', '2026-03-20T02:00:00.000Z'),
      propose(CANCELLED, LANG_SON_CASE, 'HUU_NGHI', '2026-03-01T02:00:00.000Z'),
      e('handover', CANCELLED, 'HandoverCancelled', { handoverId: CANCELLED, reason: 'Không còn cần thiết' }),
    ]);
  }, 60_000);
  afterAll(async () => h.close());

  const list = (over: Partial<GateHandoverFilter> = {}) =>
    listGateHandovers(h.sql, {
      range: { from: '2026-03-11', to: '2026-04-10' },
      visibility: NATIONAL,
      limit: 50,
      showsCase: () => true,
      now: NOW,
      ...over,
    });
  const ids = async (over: Partial<GateHandoverFilter> = {}) => (await list(over)).items.map((i) => i.id);

  it('puts today and upcoming first by time, then those waiting for a date, longest waiting first', async () => {
    expect(await ids()).toEqual([TODAY_EARLY, LAO_CAI_TODAY, TOMORROW, WAITING, WAITING_LATER]);
  });

  it('shows earlier days of the range last, the latest first, and leaves out what was proposed after it', async () => {
    expect(await ids({ range: { from: '2026-03-01', to: '2026-03-15' } })).toEqual([
      TODAY_EARLY,
      LAO_CAI_TODAY,
      TOMORROW,
      WAITING,
      YESTERDAY_LATE,
      EARLIER,
    ]);
    expect(await ids({ range: { from: '2026-04-20', to: '2026-04-20' } })).toEqual([
      NEXT_MONTH,
      WAITING,
      WAITING_LATER,
    ]);
  });

  it('shows a guard only their gates, without the case', async () => {
    const page = await list({ visibility: HUU_NGHI_GUARD, showsCase: () => false });
    expect(page.items.map((i) => i.id)).toEqual([TODAY_EARLY, WAITING, WAITING_LATER]);
    expect(page.items[0]).toEqual({
      id: TODAY_EARLY,
      gate: 'HUU_NGHI',
      status: 'scheduled',
      scheduledAt: {
        at: '2026-03-11T01:00:00.000Z',
        local: { vn: '2026-03-11T08:00:00+07:00', cn: '2026-03-11T09:00:00+08:00' },
      },
      persons: 2,
      counterpart: 'CN-BIS-PINGXIANG',
    });
    expect(page.items[1]).toMatchObject({ status: 'proposed', scheduledAt: null });
  });

  it('shows an office its province only; a gate of another province is an empty list', async () => {
    const showsCase = (province: string | null) => province === 'lang-son';
    const page = await list({ visibility: LANG_SON_OFFICE, showsCase });
    expect(page.items.map((i) => i.id)).toEqual([TODAY_EARLY, TOMORROW, WAITING, WAITING_LATER]);
    expect(page.items[0].caseId).toBe(LANG_SON_CASE);
    expect(await ids({ visibility: LANG_SON_OFFICE, gate: 'LAO_CAI' })).toEqual([]);
    expect(await ids({ visibility: LANG_SON_OFFICE, gate: 'TAN_THANH' })).toEqual([TOMORROW]);
    expect(await ids({ visibility: { allProvinces: false, provinces: [], gates: [] } })).toEqual([]);
  });

  it('filters by status', async () => {
    expect(await ids({ status: 'proposed' })).toEqual([WAITING, WAITING_LATER]);
    expect(await ids({ status: 'cancelled', range: { from: '2026-03-01', to: '2026-12-31' } })).toEqual([]);
  });

  it('pages with an opaque cursor that keeps its "today" across midnight', async () => {
    const range = { from: '2026-03-01', to: '2026-04-30' };
    const all = await ids({ range });
    expect(all).toHaveLength(8);
    const seen: string[] = [];
    let cursor: string | undefined;
    let now = NOW;
    do {
      const page = await list({ range, limit: 3, now, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next ?? undefined;
      expect(cursor ?? '').toMatch(/^[A-Za-z0-9_-]*$/);
      // The next pages are asked for after midnight: TODAY_EARLY is "yesterday" by then.
      now = new Date('2026-03-11T18:00:00.000Z');
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('refuses a cursor it did not issue', async () => {
    for (const cursor of ['abc', '!!', Buffer.from('h1:1:3:0:x').toString('base64url')])
      await expect(list({ cursor })).rejects.toThrow(InvalidHandoverCursorError);
  });
});
