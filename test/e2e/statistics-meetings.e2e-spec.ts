import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { caseAt, written, xlsxRows } from './support/boards-fixtures.js';
import { newAction, newMeeting } from './support/meeting-fixtures.js';

/**
 * The meetings with the counterpart travel in the statistics export of their period and scope
 * (issue 11), small counts suppressed like every other figure, and in the report compiled for it.
 * Lạng Sơn holds twelve meetings in April 2026 (eleven BLO meetings, one working session) and
 * agrees eleven actions at the first; one is done on time, the other ten are past due at the
 * quarter's end. Lào Cai's meeting of the same month is not Lạng Sơn's figure.
 */
describeEachStore('meeting figures in the statistics export', (kind) => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;
  let last: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer', { sub: 'ls.officer' });
    supervisor = await app.as('supervisor', { sub: 'ls.lanh.dao' });
    const laoCai = await app.as('liaison_officer', { sub: 'lc.officer', province: 'lao-cai', unit: 'VN-LC-BLO' });
    const meetings: string[] = [];
    for (let i = 0; i < 12; i++) {
      const kind = i < 11 ? 'blo_meeting' : 'working_session';
      const r = await officer.post('/meetings', newMeeting('lang-son', 'CN-GX-PSD', { kind }));
      expect(r.status).toBe(201);
      meetings.push(r.body.id as string);
    }
    await written(laoCai.post('/meetings', newMeeting('lao-cai', 'CN-YN-PSD')));
    const actions: string[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await officer.post(`/meetings/${meetings[0]}/actions`, newAction('CN-GX-PSD', []));
      expect(r.status).toBe(201);
      actions.push(r.body.actionId as string);
    }
    const fulfilling = await caseAt(officer, '2026-04-11T09:00:00+07:00');
    last = await written(
      officer.post(`/meetings/${meetings[0]}/actions/${actions[0]}/done`, {
        fulfilledBy: { kind: 'case', id: fulfilling.id },
        doneAt: '2026-04-20T10:00:00+07:00',
      }),
    );
  }, 120_000);
  afterAll(async () => app?.close());

  /** The figures before suppression, from the meetings' own report (not suppressed). */
  const raw = async () => (await supervisor.get(`/reports/meetings?period=2026-Q2&minPosition=${last}`)).body;

  it('puts the meetings and actions of the period into the JSON, CSV and XLSX export, suppressed', async () => {
    const unsuppressed = await raw();
    expect(unsuppressed).toMatchObject({
      meetings: { total: 12, byKind: { blo_meeting: 11, working_session: 1 } },
      actions: { agreed: 11, doneOnTime: 1, doneLate: 0, dropped: 0, openOverdue: 10 },
    });

    const json = await supervisor.get(`/reports/statistics?period=2026-Q2&minPosition=${last}`);
    expect(json.status).toBe(200);
    expect(json.body.meetings).toEqual({
      meetings: { total: 12, byKind: { blo_meeting: 11, working_session: '<11' } },
      actions: { agreed: 11, doneOnTime: '<11', doneLate: 0, dropped: 0, openOverdue: '<11' },
    });
    // The three suppressed meeting cells count with the others in the export's total.
    expect(json.body.suppressed).toBe(true);
    // The first quarter, before any of them: nothing held, nothing due.
    const without = await supervisor.get(`/reports/statistics?period=2026-Q1`);
    expect(without.body.meetings).toEqual({
      meetings: { total: 0, byKind: {} },
      actions: { agreed: 0, doneOnTime: 0, doneLate: 0, dropped: 0, openOverdue: 0 },
    });
    expect(json.body.suppression.cells - without.body.suppression.cells).toBeGreaterThanOrEqual(3);

    const csv = await supervisor.get('/reports/statistics?period=2026-Q2&format=csv');
    expect(csv.status).toBe(200);
    for (const line of [
      '2026-Q2,lang-son,meetings,meetings.total,count,12',
      '2026-Q2,lang-son,meetings,meetings.byKind.blo_meeting,count,11',
      '2026-Q2,lang-son,meetings,meetings.byKind.working_session,count,<11',
      '2026-Q2,lang-son,meetings,actions.agreed,count,11',
      '2026-Q2,lang-son,meetings,actions.doneOnTime,count,<11',
      '2026-Q2,lang-son,meetings,actions.doneLate,count,0',
      '2026-Q2,lang-son,meetings,actions.openOverdue,count,<11',
    ])
      expect(csv.body).toContain(`${line}\r\n`);

    const xlsx = await fetch(`${app.url}/api/v1/reports/statistics?period=2026-Q2&format=xlsx`, {
      headers: { authorization: `Bearer ${await app.token('supervisor', { sub: 'ls.lanh.dao' })}` },
    });
    expect(xlsx.status).toBe(200);
    const rows = await xlsxRows(await xlsx.arrayBuffer());
    expect(rows).toContainEqual(['meetings', 'meetings.total', 'count', 12]);
    expect(rows).toContainEqual(['meetings', 'actions.agreed', 'count', 11]);
    expect(rows).toContainEqual(['meetings', 'actions.doneOnTime', 'count', '<11']);
  });

  it('counts every province for a national reader, and only the reader’s for a province', async () => {
    const national = await app.as('supervisor', { sub: 'c02.lanh.dao', province: '*', unit: 'VN-BCA-C02' });
    const all = await national.get(`/reports/statistics?period=2026-Q2&minPosition=${last}`);
    expect(all.status).toBe(200);
    expect(all.body.meetings.meetings).toEqual({ total: 13, byKind: { blo_meeting: 12, working_session: '<11' } });
    const laoCai = await app.as('supervisor', { sub: 'lc.lanh.dao', province: 'lao-cai', unit: 'VN-LC-BLO' });
    expect((await laoCai.get('/reports/statistics?period=2026-Q2')).body.meetings.meetings).toEqual({
      total: '<11',
      byKind: { blo_meeting: '<11' },
    });
  });

  it('compiles the meeting figures into the report of the period and its workbook and document', async () => {
    const opened = await officer.post('/reports', { province: 'lang-son', period: '2026-Q2' });
    expect(opened.status).toBe(201);
    const report = await officer.get(`/reports/${opened.body.id}`);
    expect(report.status).toBe(200);
    expect(report.body.figures.statistics.meetings).toEqual({
      meetings: { total: 12, byKind: { blo_meeting: 11, working_session: '<11' } },
      actions: { agreed: 11, doneOnTime: '<11', doneLate: 0, dropped: 0, openOverdue: '<11' },
    });
    const token = await app.token('supervisor', { sub: 'ls.lanh.dao' });
    const file = await fetch(`${app.url}/api/v1/reports/${opened.body.id}.xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    const sheet: unknown[][] = [];
    wb.getWorksheet('Hội đàm, giao ban')?.eachRow((row) => sheet.push((row.values as unknown[]).slice(1)));
    expect(sheet).toContainEqual(['meetings.total', 12]);
    expect(sheet).toContainEqual(['actions.doneOnTime', '<11']);
    // The Word document's table of key figures names the meetings held.
    const docx = await fetch(`${app.url}/api/v1/reports/${opened.body.id}.docx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string');
    expect(xml).toContain('Cuộc hội đàm, giao ban với phía bạn');
  });
});
