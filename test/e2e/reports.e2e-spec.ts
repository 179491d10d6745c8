import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head } from './support/journey.js';
import { caseAt, vietnamYear, written } from './support/boards-fixtures.js';
import { EVENT_STORE, type EventStore } from '#event-store';
import { localTimes } from '#shared-kernel';

const DAY = 86_400_000;
/** Yesterday in Vietnam as MM-DD and its year: the yearly report configured as due then is overdue today. */
const yesterday = new Date(Date.now() + 7 * 3_600_000 - DAY);
const DUE_MM_DD = `${String(yesterday.getUTCMonth() + 1).padStart(2, '0')}-${String(yesterday.getUTCDate()).padStart(2, '0')}`;

const document = {
  number: '15/BC-BLO',
  place: 'Lạng Sơn',
  recipients: ['Ban Chỉ đạo 138/CP', 'Công an tỉnh Lạng Sơn', 'Lưu: VT'],
  signer: { name: 'Trần Văn Thu', title: 'Trưởng Văn phòng' },
};
const NARRATIVE = {
  situation: 'Tình hình mua bán người qua biên giới diễn biến phức tạp.',
  results: 'Tiếp nhận, xác minh và trao trả theo quy định.',
  difficulties: 'Thời hạn trả lời xác minh của phía bạn còn kéo dài.',
  proposals: 'Đề nghị tăng cường trao đổi qua kênh BLO.',
};

async function download(
  app: TestApp,
  token: string,
  path: string,
): Promise<{ status: number; type: string | null; bytes: ArrayBuffer }> {
  const r = await fetch(`${app.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: r.status, type: r.headers.get('content-type'), bytes: await r.arrayBuffer() };
}

async function eventsOf(app: TestApp, streamId: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const e of app.app.get<symbol, EventStore>(EVENT_STORE).readStream(streamId)) out.push(e.data);
  return out;
}

describeEachStore('reports to the steering committee over HTTP', (kind) => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;
  let supervisorToken: string;
  const year = vietnamYear();
  const reportId = `lang-son-${year}-Y`;

  beforeAll(async () => {
    app = await startTestApp(kind, { REPORT_DUE_DATES: `Y:${DUE_MM_DD}` });
    officer = await app.as('liaison_officer', { sub: 'an.nguyen' });
    supervisorToken = await app.token('supervisor', { sub: 'thu.tran' });
    supervisor = await app.as('supervisor', { sub: 'thu.tran' });
  }, 60_000);
  afterAll(async () => app?.close());

  /** Every refusal is a problem with a code, and writes nothing. */
  async function refused(attempt: Promise<{ status: number; body: any }>, status: number, code: string): Promise<void> {
    const before = await head(app);
    const r = await attempt;
    expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
    expect(await head(app)).toBe(before);
  }

  it('compiles, writes, approves, submits and downloads a yearly report, then shows a later correction as a difference', async () => {
    // Cases received this year: one classified before submission, two not; one in Lào Cai that Lạng Sơn never sees.
    const received = localTimes(new Date(Date.now() - 60_000).toISOString()).vn;
    const first = await caseAt(officer, received);
    const second = await caseAt(officer, received);
    const third = await caseAt(officer, received);
    const laoCai = await app.as('liaison_officer', { sub: 'lc.officer', province: 'lao-cai', unit: 'VN-LC-BLO' });
    await caseAt(laoCai, received, { province: 'lao-cai' });
    await written(officer.post(`/cases/${first.id}/classification`, { classification: 'trafficking_suspected' }));

    const opened = await officer.post('/reports', { province: 'lang-son', period: String(year) });
    expect(opened.status).toBe(201);
    expect(opened.body.id).toBe(reportId);

    // The board lists the report as owed and overdue (due yesterday), before anything not overdue.
    const board = await supervisor.get(`/deadlines?minPosition=${opened.body.position}`);
    const owed = (board.body.reports as any[]).find((r) => r.reportId === `lang-son-${yesterday.getUTCFullYear()}-Y`);
    expect(owed).toMatchObject({
      province: 'lang-son',
      overdue: true,
      local: { vn: expect.stringMatching(/T00:00:00\+07:00$/) },
    });
    const flags = (board.body.reports as any[]).map((r) => r.overdue);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect((board.body.reports as any[]).every((r) => r.province === 'lang-son')).toBe(true);

    const draft = await officer.get(`/reports/${reportId}`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      id: reportId,
      status: 'draft',
      period: { code: `${year}-Y`, kind: 'year' },
      differences: null,
      figures: { province: 'lang-son', pending: { unclassified: [second.id, third.id] } },
    });
    expect(draft.body.figures.pending.unresolved).toEqual([first.id, second.id, third.id]);
    expect(draft.body.figures.statistics.reports).toMatchObject({
      received: '<11',
      classifiedRate: 0.3333,
      resolvedRate: 0,
    });

    await refused(supervisor.post(`/reports/${reportId}/approval`), 409, 'REPORT.NARRATIVE_INCOMPLETE');
    for (const [section, text] of Object.entries(NARRATIVE))
      expect((await officer.post(`/reports/${reportId}/narrative`, { section, text })).status).toBe(200);
    await refused(supervisor.post(`/reports/${reportId}/submission`, document), 409, 'REPORT.NOT_APPROVED');
    await refused(officer.post(`/reports/${reportId}/approval`), 403, 'AUTH.FORBIDDEN');
    expect((await supervisor.post(`/reports/${reportId}/approval`)).status).toBe(200);
    // Saving a section again with the same text records nothing: the approval stands.
    const again = await officer.post(`/reports/${reportId}/narrative`, { section: 'results', text: NARRATIVE.results });
    expect(again.status).toBe(200);
    expect((await supervisor.get(`/reports/${reportId}`)).body.status).toBe('approved');
    const submitted = await supervisor.post(`/reports/${reportId}/submission`, document);
    expect(submitted.status).toBe(200);

    // After submission nothing changes it.
    await refused(
      officer.post(`/reports/${reportId}/narrative`, { section: 'results', text: 'Sửa lại' }),
      409,
      'REPORT.SUBMITTED',
    );
    await refused(supervisor.post(`/reports/${reportId}/submission`, document), 409, 'REPORT.SUBMITTED');

    // The narrative may name someone: at rest it is sealed, in the edits and in the submission.
    const stored = JSON.stringify(await eventsOf(app, `report-${reportId}`));
    for (const text of Object.values(NARRATIVE)) expect(stored).not.toContain(text);
    const frozen = await supervisor.get(`/reports/${reportId}`);
    expect(frozen.body).toMatchObject({
      status: 'submitted',
      submission: { by: 'thu.tran', document },
      narrative: NARRATIVE,
      differences: { changed: false, figures: [] },
    });
    const board2 = await supervisor.get(`/deadlines?minPosition=${submitted.body.position}`);
    expect((board2.body.reports as any[]).map((r) => r.reportId)).not.toContain(reportId);

    // A correction of the record after submission: the frozen figures stay, the difference shows.
    const fixed = await written(
      officer.post(`/cases/${second.id}/classification`, { classification: 'trafficking_suspected' }),
    );
    const later = await supervisor.get(`/reports/${reportId}?minPosition=${fixed}`);
    expect(later.body.figures).toEqual(frozen.body.figures);
    expect(later.body.differences).toMatchObject({
      changed: true,
      unclassified: { added: [], removed: [second.id] },
      figures: expect.arrayContaining([{ metric: 'reports.classifiedRate', submitted: 0.3333, now: 0.6667 }]),
    });

    // The workbook: one sheet per form, the cases behind the rates, the narrative.
    const xlsx = await download(app, supervisorToken, `/reports/${reportId}.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        'Tin báo',
        'Người tiếp nhận',
        'Trao trả',
        'Xác minh',
        'Tin báo chưa xử lý',
        'Thuyết minh',
      ]),
    );
    const rowsOf = (name: string): unknown[][] => {
      const rows: unknown[][] = [];
      wb.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    expect(rowsOf('Tin báo')).toContainEqual(['classifiedRate', 0.3333]);
    expect(rowsOf('Tin báo chưa xử lý').flat()).toEqual(expect.arrayContaining([second.id, third.id, first.id]));
    expect(rowsOf('Thuyết minh')).toContainEqual(['Tình hình', NARRATIVE.situation]);

    // The Word document: motto, number, date and place, recipients, signature, the narrative.
    const docx = await download(app, supervisorToken, `/reports/${reportId}.docx`);
    expect(docx.status).toBe(200);
    expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    const submittedOn = localTimes(frozen.body.submission.at).vn;
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 15/BC-BLO',
      `Lạng Sơn, ngày ${submittedOn.slice(8, 10)} tháng ${submittedOn.slice(5, 7)} năm ${submittedOn.slice(0, 4)}`,
      'BÁO CÁO',
      `năm ${year}`,
      'Nơi nhận:',
      '- Ban Chỉ đạo 138/CP;',
      '- Lưu: VT.',
      'TRƯỞNG VĂN PHÒNG',
      'Trần Văn Thu',
      NARRATIVE.proposals,
    ])
      expect(xml).toContain(text);
    expect(xml).not.toContain('DỰ THẢO');
    // Counts the document prints are suppressed like the figures (two unclassified: "<11").
    expect(xml).toContain('Tin báo chưa phân loại: &lt;11');
  });

  it('scopes reports by province and shows a national reader every province’s status', async () => {
    const period = `${year}-Y`;
    const laoCai = await app.as('supervisor', { sub: 'lc.sup', province: 'lao-cai', unit: 'VN-LC-BLO' });
    await refused(laoCai.get(`/reports/${reportId}`), 404, 'REPORT.NOT_FOUND');
    await refused(
      laoCai.post(`/reports/${reportId}/narrative`, { section: 'results', text: 'x' }),
      404,
      'REPORT.NOT_FOUND',
    );
    await refused(laoCai.post('/reports', { province: 'lang-son', period }), 403, 'AUTH.OUT_OF_SCOPE');
    const draft = await laoCai.post('/reports', { province: 'lao-cai', period });
    expect(draft.status).toBe(201);

    // A draft downloads as a draft: marked, with number and date left blank.
    const laoCaiToken = await app.token('supervisor', { sub: 'lc.sup', province: 'lao-cai', unit: 'VN-LC-BLO' });
    const draftDoc = await download(app, laoCaiToken, `/reports/lao-cai-${year}-Y.docx`);
    expect(draftDoc.status).toBe(200);
    const draftXml = await (await JSZip.loadAsync(draftDoc.bytes)).file('word/document.xml')!.async('string');
    expect(draftXml).toContain('DỰ THẢO');
    expect(draftXml).toContain('Lào Cai, ngày … tháng … năm …');
    expect((await download(app, laoCaiToken, `/reports/${reportId}.xlsx`)).status).toBe(404);

    const national = await app.as('auditor', { sub: 'c02.thanh.tra', province: '*', unit: 'VN-BCA-C02' });
    const status = await national.get(`/reports/status?period=${period}&minPosition=${draft.body.position}`);
    expect(status.status).toBe(200);
    expect(status.body.items).toHaveLength(7);
    const byProvince = Object.fromEntries((status.body.items as any[]).map((i) => [i.province, i.status]));
    expect(byProvince).toMatchObject({ 'lang-son': 'submitted', 'lao-cai': 'draft', 'quang-ninh': 'not_opened' });
    const own = await laoCai.get(`/reports/status?period=${period}`);
    expect((own.body.items as any[]).map((i) => i.province)).toEqual(['lao-cai']);
    const nationalToken = await app.token('auditor', { sub: 'c02.thanh.tra', province: '*', unit: 'VN-BCA-C02' });
    expect((await download(app, nationalToken, `/reports/${reportId}.docx`)).status).toBe(200);
    const list = await national.get(`/reports?year=${year}`);
    expect((list.body.items as any[]).map((i) => i.reportId).sort()).toEqual([reportId, `lao-cai-${year}-Y`]);
    await refused(
      (await app.as('supervisor', { sub: 'c02.sup', province: '*', unit: 'VN-BCA-C02' })).post('/reports', {
        province: 'lang-son',
        period: `${year}-H1`,
      }),
      403,
      'AUTH.NATIONAL_READ_ONLY',
    );
  });

  it('refuses bad input with a problem and writes nothing', async () => {
    await refused(officer.post('/reports', { province: 'lang-son', period: '2026-Q5' }), 400, 'REQUEST.INVALID');
    await refused(
      officer.post('/reports', { province: 'lang-son', period: '2026-02-30_2026-03-10' }),
      400,
      'REQUEST.INVALID',
    );
    await refused(
      officer.post('/reports', { province: 'lang-son', period: `${year + 1}-Q1` }),
      422,
      'REPORT.PERIOD_NOT_STARTED',
    );
    await refused(officer.post('/reports', { province: 'lang-son', period: `${year}-Y` }), 409, 'REPORT.ALREADY_OPEN');
    await refused(officer.post('/reports', { province: 'ha-noi', period: `${year}-Y` }), 400, 'REQUEST.INVALID');
    const quarter = await officer.post('/reports', { province: 'lang-son', period: `${year}-01-01_${year}-01-31` });
    expect(quarter.status).toBe(201);
    const id = quarter.body.id as string;
    await refused(officer.post(`/reports/${id}/narrative`, { section: 'summary', text: 'x' }), 400, 'REQUEST.INVALID');
    await refused(
      officer.post(`/reports/${id}/narrative`, { section: 'results', text: '   ' }),
      400,
      'REQUEST.INVALID',
    );
    await refused(
      supervisor.post(`/reports/${id}/submission`, { ...document, recipients: [] }),
      400,
      'REQUEST.INVALID',
    );
    await refused(officer.get(`/reports/lang-son-${year}-Q9`), 404, 'REPORT.NOT_FOUND');
    await refused(officer.get(`/reports/lang-son-${year}-Q2`), 404, 'REPORT.NOT_FOUND');
    await refused(officer.get('/reports?year=abc'), 400, 'REQUEST.INVALID');
    await refused(officer.get('/reports/status?period=soon'), 400, 'REQUEST.INVALID');
  });
});
