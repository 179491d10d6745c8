import { SQL_CLIENT, type SqlClient } from '#event-store';
import { KEY_STORE, type KeyStore } from '#security';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { openCase } from './support/journey.js';
import { ZH_BODY, openExchange } from './support/exchange-fixtures.js';

/**
 * What an exchange's messages reveal, and to whom: sealed at rest, readable by the auditor but not
 * an administrator, left closed with ?content=none, and gone once the exchange key is destroyed.
 */
describeEachStore('information exchanges over HTTP: content', (kind) => {
  let app: TestApp;
  let officer: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer');
  }, 60_000);
  afterAll(async () => app?.close());

  it('stores subject and body sealed: the raw event rows hold no plaintext', async () => {
    const caseId = await openCase(officer);
    const { id } = await openExchange(officer, [caseId]);
    const sql = app.app.get<symbol, SqlClient>(SQL_CLIENT);
    const rows = (
      await sql.query<{ type: string; data: string }>(
        'SELECT type, data::text AS data FROM events WHERE stream_id = $1 ORDER BY revision',
        [`exchange-${id}`],
      )
    ).rows;
    expect(rows.map((r) => r.type)).toEqual(['ExchangeOpened', 'MessageLogged']);
    const all = rows.map((r) => r.data).join('\n');
    for (const fragment of ['Nguyễn Thị Hoa', 'Đề nghị', '阮氏花', '凭祥', 'Nguy\\u1ec5n'])
      expect(all).not.toContain(fragment);
    const logged = JSON.parse(rows[1].data) as { subject: string; body: string; handlingCode: string };
    expect(logged.body).toMatch(/^v1\.\d+\./);
    expect(logged.handlingCode).toBe('H1'); // metadata stays readable for statistics
  });

  it('shows subjects and bodies to the auditor and nothing of the exchange to an administrator', async () => {
    const caseId = await openCase(officer);
    const { id } = await openExchange(officer, [caseId]);
    const admin = await app.as('admin');
    const refused = await admin.get(`/exchanges/${id}`);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(ZH_BODY.slice(0, 6));
    const auditor = await app.as('auditor');
    expect((await auditor.get(`/exchanges/${id}`)).body.messages[0]).toMatchObject({ body: ZH_BODY, masked: false });
  });

  it('with ?content=none answers the thread without opening a message or recording a read', async () => {
    const caseId = await openCase(officer);
    const { id } = await openExchange(officer, [caseId]);
    const sql = app.app.get<symbol, SqlClient>(SQL_CLIENT);
    const reads = async () =>
      Number(
        (
          await sql.query<{ n: string }>(
            "SELECT count(*) AS n FROM events WHERE stream_id = $1 AND type = 'PersonalDataRead'",
            [`audit-${id}`],
          )
        ).rows[0]?.n,
      );
    const summary = await officer.get(`/exchanges/${id}?content=none`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ status: 'open', messages: [{ masked: true, subject: null, body: null }] });
    expect(summary.body.revision).toBe('1');
    expect(await reads()).toBe(0);
    // The full read opens the message and is recorded, as before.
    expect((await officer.get(`/exchanges/${id}`)).body.messages[0]).toMatchObject({ body: ZH_BODY });
    expect(await reads()).toBe(1);
    const bad = await officer.get(`/exchanges/${id}?content=some`);
    expect(bad.status).toBe(400);
    expect(await reads()).toBe(1);
  });

  it('shows erased content as null once the exchange key is destroyed, and keeps every other fact', async () => {
    const caseId = await openCase(officer);
    const { id, messageId } = await openExchange(officer, [caseId]);
    await app.app.get<symbol, KeyStore>(KEY_STORE).shred(id);
    const got = await officer.get(`/exchanges/${id}`);
    expect(got.status).toBe(200);
    expect(got.body.messages[0]).toMatchObject({
      messageId,
      subject: null,
      body: null,
      erased: true,
      masked: false,
      handlingCode: 'H1',
      state: 'sent',
    });
  });
});
