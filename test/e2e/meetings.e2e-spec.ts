import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, newCase, openCase, registerPerson } from './support/journey.js';
import { newAction, newMeeting } from './support/meeting-fixtures.js';

/** The liaison office follows what was agreed with the counterpart to done or dropped (issue 11). */
describeEachStore('meetings and agreed actions over HTTP', (kind) => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;
  let laoCai: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer', { sub: 'ls.officer' });
    supervisor = await app.as('supervisor', { sub: 'ls.lanh.dao' });
    laoCai = await app.as('liaison_officer', { sub: 'lc.officer', province: 'lao-cai', unit: 'VN-LC-BLO' });
  }, 60_000);
  afterAll(async () => app?.close());

  /** A new resource answers 201, a change of an existing one 200. */
  const written = async (answer: Promise<{ status: number; body: any }>, status = 200) => {
    const r = await answer;
    expect({ status: r.status, code: r.body?.code }).toEqual({ status, code: undefined });
    return r.body;
  };
  const created = (answer: Promise<{ status: number; body: any }>) => written(answer, 201);

  it('records a meeting, follows its actions to done and dropped, and shows the overdue one on the board', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId);
    const meeting = await created(officer.post('/meetings', newMeeting('lang-son', 'CN-BIS-PINGXIANG')));
    const ontime = await created(
      officer.post(`/meetings/${meeting.id}/actions`, {
        ...newAction('CN-BIS-PINGXIANG', [caseId]),
        links: { caseIds: [caseId], personIds: [personId] },
      }),
    );
    // Due before now and never done: overdue on the board until someone closes it.
    const overdue = await created(
      officer.post(
        `/meetings/${meeting.id}/actions`,
        newAction('CN-GX-PSD', [], { dueAt: '2026-04-20T17:00:00+07:00' }),
      ),
    );
    const dropped = await created(officer.post(`/meetings/${meeting.id}/actions`, newAction('CN-GX-PSD', [])));

    await written(
      officer.post(`/meetings/${meeting.id}/actions/${ontime.actionId}/done`, {
        fulfilledBy: { kind: 'person', id: personId },
        doneAt: '2026-04-25T10:00:00+08:00',
      }),
    );
    const last = await written(
      officer.post(`/meetings/${meeting.id}/actions/${dropped.actionId}/drop`, { reason: 'Phía bạn rút đề nghị' }),
    );

    const page = await officer.get(`/meetings/${meeting.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      id: meeting.id,
      kind: 'blo_meeting',
      province: 'lang-son',
      heldAt: { local: { vn: '2026-04-10T09:00:00+07:00', cn: '2026-04-10T10:00:00+08:00' } },
      progress: { agreed: 3, open: 1, overdue: 1, doneOnTime: 1, doneLate: 0, dropped: 1 },
    });
    const byId = new Map((page.body.actions as any[]).map((a) => [a.id, a]));
    expect(byId.get(ontime.actionId)).toMatchObject({
      status: 'done',
      done: { fulfilledBy: { kind: 'person', id: personId }, late: false },
      links: { caseIds: [caseId], personIds: [personId] },
    });
    expect(byId.get(overdue.actionId)).toMatchObject({ status: 'open', overdue: true });
    expect(byId.get(dropped.actionId)).toMatchObject({
      status: 'dropped',
      dropped: { reason: 'Phía bạn rút đề nghị' },
    });

    const board = await supervisor.get(`/deadlines?minPosition=${last.position}`);
    expect(board.status).toBe(200);
    const mine = (list: any[]) => list.filter((e) => e.meetingId === meeting.id).map((e) => e.actionId);
    expect(mine(board.body.agreedActions.overdue)).toEqual([overdue.actionId]);
    expect(mine(board.body.agreedActions.dueSoon)).toEqual([]);
    // Lào Cai's board does not hold Lạng Sơn's actions, nor can it open the meeting.
    const elsewhere = await laoCai.get(`/deadlines?minPosition=${last.position}`);
    expect(mine(elsewhere.body.agreedActions.overdue)).toEqual([]);
    expect((await laoCai.get(`/meetings/${meeting.id}`)).status).toBe(404);

    const list = await officer.get(`/meetings?minPosition=${last.position}`);
    expect((list.body.items as any[]).find((m) => m.meetingId === meeting.id)).toMatchObject({
      actions: { agreed: 3, open: 1, overdue: 1, done: 1, dropped: 1 },
    });
    expect((await laoCai.get(`/meetings?minPosition=${last.position}`)).body.items).not.toContainEqual(
      expect.objectContaining({ meetingId: meeting.id }),
    );
  });

  it('counts meetings and actions of the period, and gives each joint campaign its subtotals cut in Vietnam time', async () => {
    // Cao Bằng's own record, so that the first journey's Lạng Sơn actions do not count here.
    const officer = await app.as('liaison_officer', { sub: 'cb.officer', province: 'cao-bang', unit: 'VN-CB-BLO' });
    const supervisor = await app.as('supervisor', { sub: 'cb.lanh.dao', province: 'cao-bang', unit: 'VN-CB-BLO' });
    const campaign = (name: string, from: string, to: string) =>
      created(
        supervisor.post('/campaigns', {
          name,
          province: 'cao-bang',
          coverage: 'province',
          counterparts: ['CN-GX-PSD'],
          from,
          to,
        }),
      );
    const august = await campaign('Cao điểm tháng 8', '2026-08-01', '2026-08-31');
    const september = await campaign('Cao điểm tháng 9', '2026-09-01', '2026-09-15');
    // 00:30 on 1 September in China is 23:30 on 31 August in Vietnam: August's campaign, not September's.
    await openCase(officer, { ...newCase, province: 'cao-bang', occurredAt: '2026-09-01T00:30:00+08:00' });
    const meeting = await created(
      officer.post(
        '/meetings',
        newMeeting('cao-bang', 'CN-GX-PSD', { kind: 'campaign_briefing', heldAt: '2026-08-02T09:00:00+07:00' }),
      ),
    );
    const late = await created(
      officer.post(
        `/meetings/${meeting.id}/actions`,
        newAction('CN-GX-PSD', [], { dueAt: '2026-08-05T17:00:00+07:00' }),
      ),
    );
    const caseId = await openCase(officer, { ...newCase, province: 'cao-bang' });
    const done = await written(
      officer.post(`/meetings/${meeting.id}/actions/${late.actionId}/done`, {
        fulfilledBy: { kind: 'case', id: caseId },
        doneAt: '2026-08-06T09:00:00+07:00',
      }),
    );
    const stats = await supervisor.get(`/reports/meetings?period=2026-Q3&minPosition=${done.position}`);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      province: 'cao-bang',
      meetings: { total: 1, byKind: { campaign_briefing: 1 } },
      actions: { agreed: 1, doneOnTime: 0, doneLate: 1, dropped: 0, openOverdue: 0 },
    });
    const subtotal = (id: string) => (stats.body.campaigns as any[]).find((c) => c.campaignId === id);
    expect(subtotal(august.id)).toMatchObject({
      name: 'Cao điểm tháng 8',
      window: { from: '2026-08-01T00:00:00+07:00', to: '2026-09-01T00:00:00+07:00' },
      statistics: { reports: { received: '<11' } },
    });
    expect(subtotal(september.id)).toMatchObject({ statistics: { reports: { received: 0 } } });
    // Outside the period, no subtotal.
    const q2 = await supervisor.get('/reports/meetings?period=2026-Q2');
    expect((q2.body.campaigns as any[]).map((c) => c.campaignId)).not.toContain(august.id);
    const listed = await officer.get('/campaigns');
    expect((listed.body.items as any[]).map((c) => c.campaignId)).toEqual(
      expect.arrayContaining([august.id, september.id]),
    );
    // An officer does not record campaigns: the unit's leadership does.
    const before = await head(app);
    const refused = await officer.post('/campaigns', {
      name: 'x',
      province: 'cao-bang',
      coverage: 'province',
      counterparts: ['CN-GX-PSD'],
      from: '2026-05-01',
      to: '2026-05-02',
    });
    expect(refused.status).toBe(403);
    expect(await head(app)).toBe(before);
  });
});
