import { randomUUID } from 'node:crypto';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { LANG_SON, LAO_CAI, recordsOf, type ProvinceRecords } from './support/access-fixtures.js';

/**
 * What the matrix cannot see cell by cell: that an out-of-scope record is indistinguishable from
 * a missing one, and that lists, search, boards, reports and the audit log of one province hold
 * nothing of another.
 */
describeEachStore('need-to-know across provinces', (kind) => {
  let app: TestApp;
  let ls: ProvinceRecords;
  let lc: ProvinceRecords;
  let lsOfficer: Caller;
  let lcOfficer: Caller;
  let lsAuditor: Caller;
  let lcAuditor: Caller;
  let national: Caller;
  let head: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    ls = await recordsOf(app, LANG_SON);
    lc = await recordsOf(app, LAO_CAI);
    lsOfficer = await app.as('liaison_officer', { sub: 'hoa.ls', province: 'lang-son' });
    lcOfficer = await app.as('liaison_officer', { sub: 'minh.lc', province: 'lao-cai', unit: 'VN-LC-BLO' });
    lsAuditor = await app.as('auditor', { sub: 'thanh.ls', province: 'lang-son' });
    lcAuditor = await app.as('auditor', { sub: 'thanh.lc', province: 'lao-cai', unit: 'VN-LC-BLO' });
    national = await app.as('auditor', { sub: 'bo.c02', province: '*', unit: 'VN-BCA-C02' });
    // Each province reads its own person once, so the audit log has an entry on both sides.
    expect((await lsOfficer.get(`/persons/${ls.personId}?purpose=matrix`)).status).toBe(200);
    const read = await lcOfficer.get(`/persons/${lc.personId}?purpose=matrix`);
    expect(read.status).toBe(200);
    head = (await lcOfficer.post(`/cases/${lc.caseId}/classification`, { classification: 'trafficking_suspected' }))
      .body.position as string;
  }, 120_000);
  afterAll(async () => app?.close());

  it('answers an out-of-province record exactly as one that does not exist', async () => {
    const pairs: [string, string][] = [
      [`/cases/${ls.caseId}`, `/cases/${randomUUID()}`],
      [`/persons/${ls.personId}`, `/persons/${randomUUID()}`],
      [`/exchanges/${ls.exchangeId}`, `/exchanges/${randomUUID()}`],
      [`/verification-requests/${ls.verificationId}`, `/verification-requests/${randomUUID()}`],
      [`/handovers/${ls.handoverId}`, `/handovers/${randomUUID()}`],
      [`/cases/${ls.caseId}/timeline`, `/cases/${randomUUID()}/timeline`],
    ];
    for (const [hidden, missing] of pairs) {
      const a = await lcOfficer.get(hidden);
      const b = await lcOfficer.get(missing);
      expect({ path: hidden, status: a.status, body: a.body }).toEqual({ path: hidden, status: 404, body: b.body });
    }
    const write = await lcOfficer.post(`/cases/${ls.caseId}/close`, { reason: 'thử' });
    const writeMissing = await lcOfficer.post(`/cases/${randomUUID()}/close`, { reason: 'thử' });
    expect(write.body).toEqual(writeMissing.body);
  });

  it('finds a name only in the province that registered it', async () => {
    const q = encodeURIComponent('Nguyễn Thị Hoa');
    const fromLs = await lsOfficer.get(`/cases?q=${q}&minPosition=${head}`);
    const fromLc = await lcOfficer.get(`/cases?q=${q}&minPosition=${head}`);
    expect(fromLs.body.items.map((c: { id: string }) => c.id)).toEqual([ls.caseId]);
    expect(fromLc.body.items.map((c: { id: string }) => c.id)).toEqual([lc.caseId]);
    const all = await national.get(`/cases?q=${q}&minPosition=${head}`);
    expect(all.body.items.map((c: { id: string }) => c.id).sort()).toEqual([ls.caseId, lc.caseId].sort());
    expect((await lcOfficer.get('/cases?province=lang-son')).status).toBe(403);
  });

  it('keeps deadline boards and statistics to the province; a national unit sees all, by province', async () => {
    const board = await lcOfficer.get(`/deadlines?minPosition=${head}`);
    const cases = JSON.stringify(board.body);
    expect(cases).toContain(lc.caseId);
    expect(cases).not.toContain(ls.caseId);
    const nationalBoard = JSON.stringify((await national.get(`/deadlines?minPosition=${head}`)).body);
    expect(nationalBoard).toContain(ls.caseId);
    expect(nationalBoard).toContain(lc.caseId);

    const mine = await lcOfficer.get(`/reports/statistics?period=2026&minPosition=${head}`);
    expect(mine.status).toBe(200);
    expect(mine.body.province).toBe('lao-cai');
    expect((await lcOfficer.get('/reports/statistics?period=2026&province=lang-son')).status).toBe(403);
    const all = await national.get(`/reports/statistics?period=2026&minPosition=${head}`);
    expect(all.body.province).toBeNull();
    expect(Object.keys(all.body.persons.byProvince).sort()).toEqual(['lang-son', 'lao-cai']);
  });

  it("shows each province's auditor only the reads of their own province", async () => {
    const subjects = async (auditor: Caller): Promise<string[]> =>
      (await auditor.get(`/audit?limit=200&minPosition=${head}`)).body.items.map(
        (e: { subject: { id: string } }) => e.subject.id,
      );
    expect(await subjects(lsAuditor)).toContain(ls.personId);
    expect(await subjects(lsAuditor)).not.toContain(lc.personId);
    expect(await subjects(lcAuditor)).toContain(lc.personId);
    expect(await subjects(lcAuditor)).not.toContain(ls.personId);
    expect(await subjects(national)).toEqual(expect.arrayContaining([ls.personId, lc.personId]));
  });

  it('lets a guard see, of a person at their gate, only what checks identity', async () => {
    const guard = await app.as('border_guard', { sub: 'duc.bp', province: 'lang-son', gates: ['HUU_NGHI'] });
    const seen = await guard.get(`/persons/${ls.personId}`);
    expect(seen.status).toBe(200);
    expect(Object.keys(seen.body).sort()).toEqual(['erased', 'id', 'identity', 'revision']);
    expect(Object.keys(seen.body.identity).sort()).toEqual([
      'dateOfBirth',
      'documents',
      'fullName',
      'nameVariants',
      'sex',
    ]);
    expect(JSON.stringify(seen.body)).not.toContain(ls.caseId);
    expect((await guard.get(`/persons/${lc.personId}`)).status).toBe(404);
    expect((await guard.get(`/cases/${ls.caseId}`)).status).toBe(403);
  });
});
