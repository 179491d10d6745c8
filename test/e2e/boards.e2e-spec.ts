import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, presumedVictim, registerPerson } from './support/journey.js';
import { newVerification } from './support/exchange-fixtures.js';
import { DAYS, HOURS, caseAt, vietnamYear, vnAt, written, xlsxRows } from './support/boards-fixtures.js';

describeEachStore('boards over HTTP', (kind) => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;
  let auditor: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer');
    supervisor = await app.as('supervisor', { sub: 'lanh.dao' });
    auditor = await app.as('auditor');
  }, 60_000);
  afterAll(async () => app?.close());

  const entries = (board: any, list: 'overdue' | 'dueSoon', caseIds: string[]) =>
    (board[list] as any[]).filter((e) => caseIds.includes(e.caseId)).map((e) => `${e.kind}:${e.caseId}`);

  it('shows the 3-day clock of a self-report as overdue or due soon until the case is classified', async () => {
    const late = await caseAt(officer, vnAt(-4 * DAYS), { channel: 'self_report' });
    const soon = await caseAt(officer, vnAt(-36 * HOURS), { channel: 'self_report' });
    const laoCai = await app.as('liaison_officer', { sub: 'lc.officer', province: 'lao-cai', unit: 'VN-LC-BLO' });
    const elsewhere = await caseAt(laoCai, vnAt(-4 * DAYS), { channel: 'self_report', province: 'lao-cai' });
    const hotline = await caseAt(officer, vnAt(-4 * DAYS));
    const ids = [late.id, soon.id, elsewhere.id, hotline.id];

    const board = await supervisor.get(`/deadlines?minPosition=${hotline.position}`);
    expect(board.status).toBe(200);
    // The Lạng Sơn supervisor's board holds Lạng Sơn's clocks only.
    expect(entries(board.body, 'overdue', ids)).toEqual([`initial_verification:${late.id}`]);
    expect(entries(board.body, 'dueSoon', ids)).toEqual([`initial_verification:${soon.id}`]);
    const entry = board.body.overdue.find((e: any) => e.caseId === late.id);
    expect(entry).toMatchObject({
      kind: 'initial_verification',
      id: late.id,
      province: 'lang-son',
      owedBy: 'us',
      dueAt: expect.stringMatching(/Z$/),
      local: { vn: expect.stringMatching(/\+07:00$/), cn: expect.stringMatching(/\+08:00$/) },
      since: expect.stringMatching(/Z$/),
    });
    expect(Date.parse(entry.dueAt) - Date.parse(entry.since)).toBe(3 * DAYS);

    const national = await app.as('supervisor', { sub: 'c02.lanh.dao', province: '*', unit: 'VN-BCA-C02' });
    const inLaoCai = await national.get(`/deadlines?province=lao-cai&minPosition=${hotline.position}`);
    expect(entries(inLaoCai.body, 'overdue', ids)).toEqual([`initial_verification:${elsewhere.id}`]);
    expect((await supervisor.get('/deadlines?province=lao-cai')).status).toBe(403);
    const narrow = await supervisor.get(`/deadlines?within=PT1H&minPosition=${hotline.position}`);
    expect(entries(narrow.body, 'dueSoon', ids)).toEqual([]);

    const classified = await written(
      officer.post(`/cases/${late.id}/classification`, { classification: 'trafficking_suspected' }),
    );
    const after = await supervisor.get(`/deadlines?minPosition=${classified}`);
    expect(entries(after.body, 'overdue', ids)).toEqual([]);
    const nationalAfter = await national.get(`/deadlines?minPosition=${classified}`);
    expect(entries(nationalAfter.body, 'overdue', ids)).toEqual([`initial_verification:${elsewhere.id}`]);
  });

  it('shows an unanswered verification request past its due time and stops the initial clock of its case', async () => {
    const c = await caseAt(officer, vnAt(-4 * DAYS), { channel: 'self_report' });
    const asked = await officer.post(
      '/verification-requests',
      newVerification(c.id, { occurredAt: vnAt(-3 * HOURS), dueAt: vnAt(-1 * HOURS) }),
    );
    expect(asked.status).toBe(201);
    const board = await supervisor.get(`/deadlines?minPosition=${asked.body.position}`);
    const mine = (board.body.overdue as any[]).filter((e) => e.caseId === c.id);
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'verification_reply', id: asked.body.id, owedBy: 'counterpart' }),
    ]);
  });

  it('exports the statistics of a quarter cut in Vietnam time, suppressed, in JSON, CSV and XLSX, each export audited', async () => {
    let last = '0';
    for (let day = 1; day <= 10; day++)
      last = (await caseAt(officer, `2025-08-${String(day).padStart(2, '0')}T09:00:00+07:00`)).position;
    // 00:30 on 1 October in China is still 30 September in Vietnam: Q3.
    last = (await caseAt(officer, '2025-10-01T00:30:00+08:00')).position;
    last = (await caseAt(officer, '2025-07-01T00:00:00+07:00')).position;
    last = (await caseAt(officer, '2025-07-01T00:00:00+07:00', { channel: 'self_report' })).position;
    last = (await caseAt(officer, '2025-09-30T23:59:59+07:00', { channel: 'self_report' })).position;
    last = (await caseAt(officer, '2025-10-01T00:00:00+07:00')).position; // Q4

    const json = await supervisor.get(`/reports/statistics?period=2025-Q3&minPosition=${last}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      period: { code: '2025-Q3', from: '2025-07-01T00:00:00+07:00', to: '2025-10-01T00:00:00+07:00' },
      reports: { received: 14, byChannel: { hotline: 12, self_report: '<11' }, classified: 0, classifiedRate: 0 },
      crackdown: { from: '2025-07-01T00:00:00+07:00', to: '2025-10-01T00:00:00+07:00', reports: { received: 14 } },
      suppressed: true,
      suppression: { threshold: 11, marker: '<11' },
    });
    expect((await supervisor.get(`/reports/statistics?period=2025-Q4`)).body.reports.received).toBe('<11');
    expect((await supervisor.get(`/reports/statistics?period=2025-H1`)).body).toMatchObject({
      reports: { received: 0 },
      crackdown: null,
    });

    const csv = await supervisor.get(
      `/reports/statistics?period=2025-Q3&format=csv&purpose=${encodeURIComponent('Báo cáo quý III gửi Công an tỉnh')}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    // A provincial supervisor's export is their province's, and says so.
    expect(csv.headers.get('content-disposition')).toContain('blo-statistics-2025-Q3-lang-son.csv');
    expect(csv.body).toContain('2025-Q3,lang-son,period,reports.received,count,14');
    expect(csv.body).toContain('2025-Q3,lang-son,period,reports.byChannel.self_report,count,<11');

    const xlsx = await fetch(`${app.url}/api/v1/reports/statistics?period=2025-Q3&format=xlsx`, {
      headers: { authorization: `Bearer ${await app.token('supervisor', { sub: 'lanh.dao' })}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await xlsxRows(await xlsx.arrayBuffer());
    expect(rows).toContainEqual(['period', 'reports.received', 'count', 14]);
    expect(rows).toContainEqual(['period', 'reports.byChannel.self_report', 'count', '<11']);

    const audit = await auditor.get(`/audit?actor=lanh.dao&minPosition=${await head(app)}`);
    expect(audit.status).toBe(200);
    const exports = (audit.body.items as any[]).filter((i) => i.type === 'StatisticsExported');
    expect(exports.map((i) => i.details.format)).toEqual(['xlsx', 'csv', 'json', 'json', 'json']);
    expect(exports[1]).toMatchObject({
      actor: { userId: 'lanh.dao', role: 'supervisor' },
      subject: { kind: 'statistics' },
      purpose: 'Báo cáo quý III gửi Công an tỉnh',
      details: { period: '2025-Q3', format: 'csv' },
    });
  });

  it('counts persons of the current year by sex opened from their sealed data, suppressed', async () => {
    const c = await caseAt(officer, vnAt(-1 * HOURS));
    await registerPerson(officer, c.id, presumedVictim);
    const last = await registerPerson(officer, c.id, { ...presumedVictim, sex: 'male', fullName: 'Trần Văn Nam' });
    expect(last).toBeTruthy();
    const year = vietnamYear();
    const r = await supervisor.get(`/reports/statistics?period=${year}&minPosition=${await head(app)}`);
    expect(r.status).toBe(200);
    expect(r.body.persons).toMatchObject({ total: '<11', bySex: { female: '<11', male: '<11' } });
  });

  it('lets an auditor see who read whose personal data, filtered by subject, paged', async () => {
    const c = await caseAt(officer, vnAt(-1 * HOURS));
    const personId = await registerPerson(officer, c.id, presumedVictim);
    for (const purpose of ['xác minh danh tính', 'chuẩn bị trao trả', '核查身份'])
      expect((await officer.get(`/persons/${personId}?purpose=${encodeURIComponent(purpose)}`)).status).toBe(200);
    const first = await auditor.get(`/audit?subjectId=${personId}&limit=2&minPosition=${await head(app)}`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: any) => i.purpose)).toEqual(['核查身份', 'chuẩn bị trao trả']);
    expect(first.body.items[0]).toMatchObject({
      type: 'PersonalDataRead',
      actor: { userId: 'liaison_officer.user', role: 'liaison_officer' },
      subject: { kind: 'person', id: personId },
      caseId: c.id,
      local: { vn: expect.stringMatching(/\+07:00$/), cn: expect.stringMatching(/\+08:00$/) },
    });
    const second = await auditor.get(`/audit?subjectId=${personId}&limit=2&cursor=${first.body.next}`);
    expect(second.body.items.map((i: any) => i.purpose)).toEqual(['xác minh danh tính']);
    expect(second.body.next).toBeNull();
  });
});
