import { EVENT_STORE, type EventStore } from '#event-store';
import { localTimes } from '#shared-kernel';
import { describeEachStore, startTestApp, type Answer, type Caller, type TestApp } from './support/test-app.js';
import { newCase, openCase, presumedVictim, registerPerson } from './support/journey.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** An instant as a Chinese officer would type it: the gate meets on Beijing time. */
const beijing = (offsetMs: number): string => localTimes(new Date(Date.now() + offsetMs).toISOString()).cn;
/** The Vietnam date `days` from today. */
const vnDay = (days: number): string => new Date(Date.now() + 7 * HOUR + days * DAY).toISOString().slice(0, 10);

interface Item {
  id: string;
  caseId?: string;
  gate: string;
  status: string;
  scheduledAt: { at: string; local: { vn: string; cn: string } } | null;
  persons: number;
  counterpart: string;
}

describeEachStore('a guard’s list of their gates’ handovers', (kind) => {
  let app: TestApp;
  let langSonOfficer: Caller;
  let laoCaiOfficer: Caller;
  let huuNghiGuard: Caller;
  let laoCaiGuard: Caller;
  let nationalAuditor: Caller;
  let admin: Caller;
  let langSonCase: string;
  let laoCaiCase: string;
  /** Handovers by name; `position` is the last write, for read-your-writes. */
  const h: Record<string, string> = {};
  let position = '0';

  async function write(officer: Caller, path: string, body: object): Promise<{ id: string; position: string }> {
    const r = await officer.post(path, body);
    if (r.status !== 201 && r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    position = r.body.position as string;
    return r.body;
  }

  /** A handover proposed two days ago (ten for one held in the past), scheduled when `at` is given. */
  async function handover(
    officer: Caller,
    caseId: string,
    personId: string,
    gate: string,
    at: number | null,
  ): Promise<string> {
    const counterpart = gate === 'LAO_CAI' ? 'CN-BIS-HEKOU' : 'CN-BIS-PINGXIANG';
    const proposedAt = beijing(at !== null && at < 0 ? -10 * DAY : -2 * DAY);
    const { id } = await write(officer, '/handovers', {
      caseId,
      gate,
      counterpart,
      proposedBy: 'cn',
      personIds: [personId],
      proposedAt,
    });
    if (at !== null) await write(officer, `/handovers/${id}/schedule`, { gate, scheduledAt: beijing(at) });
    return id;
  }

  beforeAll(async () => {
    app = await startTestApp(kind);
    langSonOfficer = await app.as('liaison_officer');
    laoCaiOfficer = await app.as('liaison_officer', { sub: 'lc.officer', unit: 'VN-LC-BLO', province: 'lao-cai' });
    huuNghiGuard = await app.as('border_guard', {
      sub: 'hn.guard',
      unit: 'VN-LS-BP-HUUNGHI',
      province: 'lang-son',
      gates: ['HUU_NGHI'],
    });
    laoCaiGuard = await app.as('border_guard', {
      sub: 'lc.guard',
      unit: 'VN-LC-BP-LAOCAI',
      province: 'lao-cai',
      gates: ['LAO_CAI'],
    });
    nationalAuditor = await app.as('auditor', { sub: 'c02.auditor', unit: 'VN-BCA-C02', province: '*' });
    admin = await app.as('admin');

    langSonCase = await openCase(langSonOfficer);
    const langSonPerson = await registerPerson(langSonOfficer, langSonCase, presumedVictim);
    laoCaiCase = await openCase(laoCaiOfficer, { ...newCase, province: 'lao-cai' });
    const laoCaiPerson = await registerPerson(laoCaiOfficer, laoCaiCase, presumedVictim);

    h.tanThanhSoon = await handover(langSonOfficer, langSonCase, langSonPerson, 'TAN_THANH', 2 * HOUR);
    h.huuNghiTomorrow = await handover(langSonOfficer, langSonCase, langSonPerson, 'HUU_NGHI', 26 * HOUR);
    h.huuNghiLater = await handover(langSonOfficer, langSonCase, langSonPerson, 'HUU_NGHI', 3 * DAY);
    h.huuNghiWaiting = await handover(langSonOfficer, langSonCase, langSonPerson, 'HUU_NGHI', null);
    h.huuNghiPast = await handover(langSonOfficer, langSonCase, langSonPerson, 'HUU_NGHI', -3 * DAY);
    h.laoCai = await handover(laoCaiOfficer, laoCaiCase, laoCaiPerson, 'LAO_CAI', 5 * HOUR);
  }, 120_000);
  afterAll(async () => app?.close());

  const journey = (name: string, fn: () => Promise<void>) => it(name, fn, 60_000);

  /** Reads its own writes: the list waits until the read models reached the last write. */
  async function list(who: Caller, query = ''): Promise<Answer<{ items: Item[]; next: string | null }>> {
    const r = await who.get(`/handovers?minPosition=${position}${query}`);
    expect(r.status).toBe(200);
    return r;
  }
  const ids = async (who: Caller, query = '') => (await list(who, query)).body.items.map((i) => i.id);

  journey(
    'shows the Hữu Nghị guard exactly the Hữu Nghị handovers, upcoming by time then waiting, no case',
    async () => {
      const r = await list(huuNghiGuard);
      expect(r.body.items.map((i) => i.id)).toEqual([h.huuNghiTomorrow, h.huuNghiLater, h.huuNghiWaiting]);
      expect(r.body.next).toBeNull();
      for (const item of r.body.items) expect(item).not.toHaveProperty('caseId');
      const [tomorrow] = r.body.items;
      expect(tomorrow).toEqual({
        id: h.huuNghiTomorrow,
        gate: 'HUU_NGHI',
        status: 'scheduled',
        scheduledAt: { at: expect.stringMatching(/Z$/), local: localTimes(tomorrow.scheduledAt!.at) },
        persons: 1,
        counterpart: 'CN-BIS-PINGXIANG',
      });
      expect(r.body.items[2]).toMatchObject({ status: 'proposed', scheduledAt: null });
      // An earlier range brings the past one, after today's and the waiting ones.
      expect(await ids(huuNghiGuard, `&from=${vnDay(-5)}`)).toEqual([
        h.huuNghiTomorrow,
        h.huuNghiLater,
        h.huuNghiWaiting,
        h.huuNghiPast,
      ]);
    },
  );

  journey('shows the Lào Cai guard only Lào Cai; a gate they do not serve is an empty list, not an error', async () => {
    expect(await ids(laoCaiGuard)).toEqual([h.laoCai]);
    expect(await ids(laoCaiGuard, '&gate=HUU_NGHI')).toEqual([]);
    expect(await ids(huuNghiGuard, '&gate=LAO_CAI')).toEqual([]);
  });

  journey('shows a Lạng Sơn officer both Lạng Sơn gates with the case, and nothing of Lào Cai', async () => {
    const r = await list(langSonOfficer);
    expect(r.body.items.map((i) => i.id)).toEqual([
      h.tanThanhSoon,
      h.huuNghiTomorrow,
      h.huuNghiLater,
      h.huuNghiWaiting,
    ]);
    expect(r.body.items.every((i) => i.caseId === langSonCase)).toBe(true);
    expect(await ids(langSonOfficer, '&gate=LAO_CAI')).toEqual([]);
    expect(await ids(langSonOfficer, '&gate=TAN_THANH')).toEqual([h.tanThanhSoon]);
    expect(await ids(langSonOfficer, '&status=proposed')).toEqual([h.huuNghiWaiting]);
    expect(await ids(laoCaiOfficer)).toEqual([h.laoCai]);
  });

  journey('shows a national auditor all of them, in one order, page by page', async () => {
    const all = [h.tanThanhSoon, h.laoCai, h.huuNghiTomorrow, h.huuNghiLater, h.huuNghiWaiting];
    const r = await list(nationalAuditor);
    expect(r.body.items.map((i) => i.id)).toEqual(all);
    expect(r.body.items.find((i) => i.id === h.laoCai)).toMatchObject({ caseId: laoCaiCase, gate: 'LAO_CAI' });
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const page = await list(nationalAuditor, `&limit=2${next ? `&cursor=${next}` : ''}`);
      seen.push(...page.body.items.map((i) => i.id));
      next = page.body.next;
    } while (next);
    expect(seen).toEqual(all);
  });

  journey('refuses callers without a token or a role that may list handovers', async () => {
    expect((await app.raw('/api/v1/handovers', {})).status).toBe(401);
    expect((await admin.get('/handovers')).status).toBe(403);
  });

  const headPosition = async (): Promise<bigint> => app.app.get<symbol, EventStore>(EVENT_STORE).headPosition();

  it.each([
    ['from not a date', '?from=today', 'from'],
    ['from with a time', `?from=${encodeURIComponent('2026-03-05T00:00:00+07:00')}`, 'from'],
    ['from not on the calendar', '?from=2026-02-30', 'from'],
    ['to not on the calendar', '?from=2026-03-01&to=2026-13-01', 'to'],
    ['from after to', '?from=2026-03-06&to=2026-03-05', 'from'],
    ['a range over 366 days', '?from=2026-01-01&to=2027-01-02', 'to'],
    ['unknown status', '?status=lost', 'status'],
    ['unknown gate', '?gate=NOWHERE', 'gate'],
    ['cursor with foreign characters', '?cursor=%21%21', 'cursor'],
    ['cursor the service never issued', '?cursor=abc', 'cursor'],
    ['limit 0', '?limit=0', 'limit'],
    ['limit above 200', '?limit=201', 'limit'],
    ['unknown query field', '?sort=asc', 'sort'],
  ])(
    '%s → 400 problem naming the field, nothing written',
    async (_name, query, field) => {
      const before = await headPosition();
      for (const who of [huuNghiGuard, langSonOfficer]) {
        const r = await who.get(`/handovers${query}`);
        expect(r.status).toBe(400);
        expect(r.headers.get('content-type')).toContain('application/problem+json');
        expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(await headPosition()).toBe(before);
    },
    60_000,
  );
});
