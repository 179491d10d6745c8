import { SQL_CLIENT, type SqlClient } from '#event-store';
import { KEY_STORE, type KeyStore } from '#security';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase, presumedVictim, registerPerson } from './support/journey.js';

describeEachStore('persons and their personal data', (kind) => {
  let app: TestApp;
  let officer: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer');
  }, 60_000);
  afterAll(async () => app?.close());

  it('stores no name, document number or date of birth in plaintext anywhere in the database', async () => {
    const caseId = await openCase(officer);
    await registerPerson(officer, caseId);
    const sql = app.app.get<SqlClient>(SQL_CLIENT);
    const tables = await sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.rows.map((t) => t.table_name)).toEqual(expect.arrayContaining(['events', 'subject_keys']));
    const secrets = [
      presumedVictim.fullName,
      presumedVictim.fullName.normalize('NFD'),
      'Nguyen Thi Hoa',
      '阮氏花',
      'Ruan Shi Hua',
      presumedVictim.documents[0].number,
      presumedVictim.dateOfBirth,
    ];
    for (const { table_name } of tables.rows) {
      const dump = await sql.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
      const text = dump.rows.map((r) => r.row).join('\n');
      for (const secret of secrets)
        expect({ table: table_name, leaked: text.includes(secret) ? secret : null }).toEqual({
          table: table_name,
          leaked: null,
        });
    }
  });

  it('shows personal data to an officer, records the read, and refuses an administrator', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId);
    const before = BigInt(await head(app!));
    const got = await officer.get(`/persons/${personId}?purpose=verification`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id: personId,
      caseId,
      role: 'presumed_victim',
      status: 'presumed',
      ageBand: 'under_18', // born 2009: a minor when registered in 2026
      erased: false,
      personal: {
        fullName: 'Nguyễn Thị Hoa',
        nameVariants: presumedVictim.nameVariants,
        documents: presumedVictim.documents,
      },
    });
    expect(BigInt(await head(app!))).toBe(before + 1n); // the audit event of this read
    const audit = await readAudit(app!, personId);
    expect(audit).toEqual([
      expect.objectContaining({ type: 'PersonalDataRead', actor: 'liaison_officer.user', purpose: 'verification' }),
    ]);

    const admin = await app.as('admin');
    expect((await admin.get(`/persons/${personId}`)).status).toBe(403);
  });

  it('shows names in the case view to the officer and no case contents at all to an administrator', async () => {
    const caseId = await openCase(officer);
    await registerPerson(officer, caseId);
    const admin = await app.as('admin');
    const view = await admin.get(`/cases/${caseId}`);
    expect(view.status).toBe(403);
    expect(JSON.stringify(view.body)).not.toContain('Nguyễn');
    const shown = await officer.get(`/cases/${caseId}`);
    expect(shown.body.persons).toEqual([expect.objectContaining({ fullName: 'Nguyễn Thị Hoa', masked: false })]);
  });

  it('keeps Vietnamese and Chinese text byte for byte', async () => {
    const caseId = await openCase(officer);
    const name = 'Hoàng Thị Ngọc Ánh 黄氏玉映';
    const personId = await registerPerson(officer, caseId, {
      role: 'victim',
      fullName: name,
      nameVariants: [{ script: 'zh-Hans', value: '黄氏玉映' }],
    });
    expect((await officer.get(`/persons/${personId}`)).body.personal.fullName).toBe(name);
  });

  it('refuses a person with an unknown role or a malformed birth date, writing nothing', async () => {
    const caseId = await openCase(officer);
    const before = await head(app!);
    expect((await officer.post(`/cases/${caseId}/persons`, { ...presumedVictim, role: 'witness' })).status).toBe(400);
    expect(
      (await officer.post(`/cases/${caseId}/persons`, { ...presumedVictim, dateOfBirth: '17/05/2009' })).status,
    ).toBe(400);
    expect(
      (await officer.post(`/cases/${caseId}/persons`, { ...presumedVictim, documents: [{ kind: 'cccd' }] })).status,
    ).toBe(400);
    expect(await head(app!)).toBe(before);
  });
});

async function readAudit(app: TestApp, personId: string) {
  const sql = app.app.get<SqlClient>(SQL_CLIENT);
  const rows = await sql.query<{ type: string; actor: string; purpose: string }>(
    `SELECT type, metadata->'actor'->>'userId' AS actor, data->>'purpose' AS purpose FROM events WHERE stream_id = $1 ORDER BY revision`,
    [`audit-${personId}`],
  );
  return rows.rows;
}

describe('erasure by crypto-shredding (pglite)', () => {
  it('makes the person unreadable everywhere, records who ordered it, and keeps the case verifiable', async () => {
    const app = await startTestApp('pglite');
    try {
      const officer = await app.as('liaison_officer');
      const supervisor = await app.as('supervisor');
      const caseId = await openCase(officer);
      const personId = await registerPerson(officer, caseId);

      const before = await head(app);
      expect(
        (await officer.post(`/persons/${personId}/erasure`, { reason: 'yêu cầu của người có dữ liệu' })).status,
      ).toBe(403);
      expect(await head(app)).toBe(before);

      const erased = await supervisor.post(`/persons/${personId}/erasure`, { reason: 'yêu cầu của người có dữ liệu' });
      expect(erased.status).toBe(200);
      const got = await officer.get(`/persons/${personId}`);
      expect(got.body).toMatchObject({ id: personId, erased: true, personal: null, role: 'presumed_victim' });
      const view = await officer.get(`/cases/${caseId}`);
      expect(view.body.persons).toEqual([expect.objectContaining({ id: personId, fullName: null, erased: true })]);
      expect((await officer.get(`/cases/${caseId}/integrity`)).body).toMatchObject({ valid: true });

      const sql = app.app.get<SqlClient>(SQL_CLIENT);
      const rows = await sql.query<{ type: string; actor: string }>(
        `SELECT type, metadata->'actor'->>'role' AS actor FROM events WHERE stream_id = $1 ORDER BY revision`,
        [`person-${personId}`],
      );
      expect(rows.rows.at(-1)).toEqual({ type: 'PersonalDataErased', actor: 'supervisor' });

      const again = await supervisor.post(`/persons/${personId}/erasure`, { reason: 'lần nữa' });
      expect(again.status).toBe(200);
      expect(again.body.revision).toBe(erased.body.revision); // recorded once
    } finally {
      await app.close();
    }
  });

  it('refuses erasure while a legal hold protects the evidence, writing nothing', async () => {
    const app = await startTestApp('pglite');
    try {
      const officer = await app.as('liaison_officer');
      const caseId = await openCase(officer);
      const personId = await registerPerson(officer, caseId);
      await app.app.get<KeyStore>(KEY_STORE).setLegalHold(personId, 'vụ án đang điều tra');
      const before = await head(app);
      const r = await (await app.as('supervisor')).post(`/persons/${personId}/erasure`, { reason: 'yêu cầu' });
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('KEY.LEGAL_HOLD');
      expect(await head(app)).toBe(before);
      expect((await officer.get(`/persons/${personId}`)).body.erased).toBe(false);
    } finally {
      await app.close();
    }
  });
});
