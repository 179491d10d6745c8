import { SQL_CLIENT, type SqlClient } from '#event-store';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, newCase, openCase } from './support/journey.js';

describeEachStore('cases over HTTP', (kind) => {
  let app: TestApp;
  let officer: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer');
  }, 60_000);
  afterAll(async () => app?.close());

  it('opens a case and answers with id, revision, position and an ETag; GET shows both local times', async () => {
    const r = await officer.post('/cases', newCase);
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      revision: '0',
      position: expect.stringMatching(/^\d+$/),
    });
    expect(r.headers.get('etag')).toBe('"0"');
    const got = await officer.get(`/cases/${r.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id: r.body.id,
      status: 'received',
      province: 'lang-son',
      summary: newCase.summary,
      receivingUnit: 'VN-LS-BLO',
      receivedAt: {
        at: '2026-03-05T02:00:00.000Z',
        offset: '+07:00',
        local: { vn: '2026-03-05T09:00:00+07:00', cn: '2026-03-05T10:00:00+08:00' },
      },
    });
    expect(got.headers.get('etag')).toBe('"0"');
  });

  it('moves a case through classify, open, resolve, close and reopen', async () => {
    const id = await openCase(officer);
    expect(
      (await officer.post(`/cases/${id}/classification`, { classification: 'trafficking_suspected' })).status,
    ).toBe(200);
    expect((await officer.post(`/cases/${id}/open`, {})).status).toBe(200);
    expect((await officer.post(`/cases/${id}/resolution`, { resolution: 'Nạn nhân đã được giải cứu' })).status).toBe(
      200,
    );
    const closed = await officer.post(`/cases/${id}/close`, { reason: 'Hoàn tất' });
    expect(closed.status).toBe(200);
    expect(closed.body.revision).toBe('4');
    const again = await officer.post(`/cases/${id}/close`, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, code: expect.stringMatching(/^CASE\./) });
    expect((await officer.post(`/cases/${id}/reopen`, { reason: 'Thông tin mới' })).status).toBe(200);
    expect((await officer.get(`/cases/${id}`)).body.status).toBe('reopened');
  });

  it('replays a retried submission with the same Idempotency-Key and writes nothing twice', async () => {
    const key = { 'idempotency-key': `retry-${kind}-1` };
    const first = await officer.post('/cases', newCase, key);
    const before = await head(app);
    const second = await officer.post('/cases', newCase, key);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await head(app)).toBe(before);
    const reused = await officer.post('/cases', { ...newCase, summary: 'khác' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
    expect(await head(app)).toBe(before);
  });

  it('keeps two users’ identical keys apart', async () => {
    const other = await app.as('liaison_officer', { sub: 'binh.tran' });
    const key = { 'idempotency-key': `shared-${kind}` };
    const a = await officer.post('/cases', newCase, key);
    const b = await other.post('/cases', newCase, key);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('refuses a stale If-Match with 412 and accepts the current one', async () => {
    const id = await openCase(officer);
    expect((await officer.post(`/cases/${id}/open`, {}, { 'if-match': '"0"' })).status).toBe(200);
    const before = await head(app);
    const stale = await officer.post(`/cases/${id}/resolution`, { resolution: 'x' }, { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('REQUEST.STALE_REVISION');
    expect(await head(app)).toBe(before);
    expect((await officer.post(`/cases/${id}/resolution`, { resolution: 'x' }, { 'if-match': '"1"' })).status).toBe(
      200,
    );
  });

  it('lets only one of two concurrent If-Match writers win', async () => {
    const id = await openCase(officer);
    const results = await Promise.all([
      officer.post(`/cases/${id}/open`, {}, { 'if-match': '"0"' }),
      officer.post(`/cases/${id}/classification`, { classification: 'not_trafficking' }, { 'if-match': '"0"' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });
});

describe('case integrity (pglite)', () => {
  it('verifies every stream of the case and pinpoints an event altered in storage', async () => {
    const app = await startTestApp('pglite');
    try {
      const officer = await app.as('liaison_officer');
      const id = await openCase(officer);
      await officer.post(`/cases/${id}/persons`, { role: 'victim', fullName: 'Lò Thị Mai' });
      await officer.post(`/cases/${id}/open`, {});
      const ok = await officer.get(`/cases/${id}/integrity`);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ caseId: id, valid: true, events: 4, streams: 2 });

      const sql = app.app.get<SqlClient>(SQL_CLIENT);
      await sql.query(
        `UPDATE events SET data = jsonb_set(data, '{summary}', '"đã sửa"') WHERE stream_id = $1 AND revision = 0`,
        [`case-${id}`],
      );
      const broken = await officer.get(`/cases/${id}/integrity`);
      expect(broken.body).toMatchObject({ valid: false, brokenAt: { streamId: `case-${id}`, revision: '0' } });
    } finally {
      await app.close();
    }
  }, 60_000);
});
