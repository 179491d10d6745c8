import { SQL_CLIENT, type SqlClient } from '#event-store';
import { KEY_STORE, type KeyStore } from '#security';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase } from './support/journey.js';
import { VI_SUBJECT, ZH_BODY, firstMessage, newExchange, openExchange, replyTo } from './support/exchange-fixtures.js';

describeEachStore('information exchanges over HTTP', (kind) => {
  let app: TestApp;
  let officer: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer');
  }, 60_000);
  afterAll(async () => app?.close());

  it('opens a thread for two cases, links both in the same append, and answers with the first message id', async () => {
    const [a, b] = [await openCase(officer), await openCase(officer)];
    const before = BigInt(await head(app));
    const r = await officer.post('/exchanges', newExchange([a, b]));
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      revision: '1',
      position: expect.stringMatching(/^\d+$/),
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(r.headers.get('etag')).toBe('"1"');
    // ExchangeOpened + MessageLogged + one ExchangeLinked per case, all at once.
    expect(BigInt(r.body.position)).toBe(before + 4n);
    for (const caseId of [a, b]) {
      expect((await officer.get(`/cases/${caseId}`)).body.exchangeIds).toEqual([r.body.id]);
    }
  });

  it('shows the thread folded live: register names, both local times, Vietnamese and Chinese text unchanged', async () => {
    const caseId = await openCase(officer);
    const { id, messageId } = await openExchange(officer, [caseId]);
    const got = await officer.get(`/exchanges/${id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"1"');
    expect(got.body).toMatchObject({
      id,
      counterpart: {
        code: 'CN-GX-PSD',
        name: { vi: expect.any(String), zh: expect.any(String), en: expect.any(String) },
      },
      channel: 'liaison_officer',
      caseIds: [caseId],
      status: 'open',
      overdue: false,
      revision: '1',
    });
    expect(got.body.messages).toEqual([
      expect.objectContaining({
        messageId,
        direction: 'outgoing',
        language: 'zh',
        handlingCode: 'H1',
        subject: VI_SUBJECT,
        body: ZH_BODY,
        masked: false,
        state: 'sent',
        transmittedAt: {
          at: '2026-03-05T02:00:00.000Z',
          offset: '+07:00',
          local: { vn: '2026-03-05T09:00:00+07:00', cn: '2026-03-05T10:00:00+08:00' },
        },
        acknowledgement: null,
        answered: null,
        overdue: false,
        ourReference: '123/BLO-LS',
        attachments: [{ name: 'ảnh-hộ-chiếu.jpg', sha256: 'ab'.repeat(32) }],
        evaluation: { source: 'B', information: 2 },
        carriesPersonalData: true,
        personalData: firstMessage.personalData,
      }),
    ]);
  });

  it('logs a reply, records the acknowledgement and closes the thread; a closed thread refuses more', async () => {
    const caseId = await openCase(officer);
    const { id, messageId } = await openExchange(officer, [caseId]);
    const reply = await officer.post(`/exchanges/${id}/messages`, replyTo(messageId));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      id,
      revision: '3', // MessageLogged + MessageAnswered
      position: expect.stringMatching(/^\d+$/),
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(reply.body.messageId).not.toBe(messageId);

    const second = await officer.post(`/exchanges/${id}/messages`, {
      ...firstMessage,
      subject: 'Bổ sung thông tin',
      body: 'Gửi kèm ảnh',
      occurredAt: '2026-03-07T08:00:00+07:00',
    });
    expect(second.status).toBe(200);
    const ack = await officer.post(`/exchanges/${id}/acknowledgements`, {
      at: '2026-03-07T10:15:00+08:00',
      by: '值班民警 李明',
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toEqual({ id, revision: '5', position: expect.any(String) });

    const got = (await officer.get(`/exchanges/${id}`)).body;
    const [first, incoming, later] = got.messages;
    expect(first).toMatchObject({
      state: 'answered',
      answered: { replyMessageId: reply.body.messageId, at: { local: { cn: '2026-03-06T10:00:00+08:00' } } },
    });
    expect(incoming).toMatchObject({
      messageId: reply.body.messageId,
      direction: 'incoming',
      state: 'received',
      body: 'Đã xác minh: người này cư trú tại Lạng Sơn. 已核实。',
      theirReference: '桂公(2026)45号',
      inReplyTo: messageId,
    });
    expect(later).toMatchObject({
      messageId: second.body.messageId,
      state: 'acknowledged',
      acknowledgement: {
        by: '值班民警 李明',
        at: { at: '2026-03-07T02:15:00.000Z', local: { vn: '2026-03-07T09:15:00+07:00' } },
      },
    });

    expect((await officer.post(`/exchanges/${id}/close`, { reason: 'Đã có kết quả xác minh' })).status).toBe(200);
    const closed = (await officer.get(`/exchanges/${id}`)).body;
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'Đã có kết quả xác minh' });
    const before = await head(app);
    const refused = await officer.post(`/exchanges/${id}/messages`, replyTo(messageId));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('EXCHANGE.CLOSED');
    expect(await head(app)).toBe(before);
  });

  it('derives "overdue" at read time from the response due time', async () => {
    const caseId = await openCase(officer);
    const { id, messageId } = await openExchange(officer, [caseId], {
      occurredAt: '2025-01-02T09:00:00+07:00',
      responseDueAt: '2025-01-03T09:00:00+07:00',
    });
    const got = (await officer.get(`/exchanges/${id}`)).body;
    expect(got.overdue).toBe(true);
    expect(got.messages[0].overdue).toBe(true);
    expect(got.overdueMessages).toEqual([
      {
        messageId,
        direction: 'outgoing',
        dueAt: {
          at: '2025-01-03T02:00:00.000Z',
          offset: '+07:00',
          local: { vn: '2025-01-03T09:00:00+07:00', cn: '2025-01-03T10:00:00+08:00' },
        },
      },
    ]);
    // An acknowledgement is not a reply: the clock keeps running until the counterpart answers.
    await officer.post(`/exchanges/${id}/acknowledgements`, { at: '2025-01-02T11:00:00+08:00' });
    expect((await officer.get(`/exchanges/${id}`)).body.overdue).toBe(true);
    await officer.post(`/exchanges/${id}/messages`, replyTo(messageId, { occurredAt: '2025-01-04T10:00:00+08:00' }));
    expect((await officer.get(`/exchanges/${id}`)).body.overdue).toBe(false);
  });

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

  it('sends or discards drafts; a thread with a draft cannot be closed', async () => {
    const caseId = await openCase(officer);
    const { id } = await openExchange(officer, [caseId]);
    const draft = await officer.post(`/exchanges/${id}/messages`, {
      ...firstMessage,
      draft: true,
      occurredAt: '2026-03-06T08:00:00+07:00',
    });
    expect(draft.status).toBe(200);
    const blocked = await officer.post(`/exchanges/${id}/close`, { reason: 'x' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('EXCHANGE.DRAFTS_PENDING');
    const sent = await officer.post(`/exchanges/${id}/messages/${draft.body.messageId}/send`, {
      occurredAt: '2026-03-06T08:30:00+07:00',
    });
    expect(sent.status).toBe(200);
    const discarded = await officer.post(`/exchanges/${id}/messages/${draft.body.messageId}/discard`, {});
    expect(discarded.status).toBe(409);
    expect((await officer.get(`/exchanges/${id}`)).body.messages[1].state).toBe('sent');
  });

  it('replays a retried message with the same Idempotency-Key, messageId included, and writes nothing', async () => {
    const caseId = await openCase(officer);
    const { id, messageId } = await openExchange(officer, [caseId]);
    const key = { 'idempotency-key': `msg-${kind}-1` };
    const first = await officer.post(`/exchanges/${id}/messages`, replyTo(messageId), key);
    expect(first.status).toBe(200);
    const before = await head(app);
    const again = await officer.post(`/exchanges/${id}/messages`, replyTo(messageId), key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    const reused = await officer.post(`/exchanges/${id}/messages`, replyTo(messageId, { body: 'khác' }), key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
    expect(await head(app)).toBe(before);
    expect((await officer.get(`/exchanges/${id}`)).body.messages).toHaveLength(2);
  });

  it('replays the opening of a thread too, with its first message id', async () => {
    const caseId = await openCase(officer);
    const key = { 'idempotency-key': `open-${kind}-1` };
    const first = await officer.post('/exchanges', newExchange([caseId]), key);
    const before = await head(app);
    const again = await officer.post('/exchanges', newExchange([caseId]), key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await head(app)).toBe(before);
  });

  it('refuses a stale If-Match with 412 and writes nothing', async () => {
    const caseId = await openCase(officer);
    const { id } = await openExchange(officer, [caseId]);
    const before = await head(app);
    const stale = await officer.post(`/exchanges/${id}/close`, { reason: 'x' }, { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect(await head(app)).toBe(before);
    expect((await officer.post(`/exchanges/${id}/close`, { reason: 'x' }, { 'if-match': '"1"' })).status).toBe(200);
  });

  it.each([
    ['a border guard', 'border_guard'],
    ['an auditor', 'auditor'],
    ['an administrator', 'admin'],
  ] as const)('does not let %s log an exchange', async (_label, role) => {
    const caseId = await openCase(officer);
    const before = await head(app);
    const r = await (await app.as(role)).post('/exchanges', newExchange([caseId]));
    expect(r.status).toBe(403);
    expect(await head(app)).toBe(before);
  });

  it('refuses references to things that do not exist and broken rules, writing nothing', async () => {
    const caseId = await openCase(officer);
    const { id } = await openExchange(officer, [caseId]);
    const missingCase = '01a20622-f6e9-7066-a49c-36660dc58c44';
    const closedCase = await openCase(officer);
    expect((await officer.post(`/cases/${closedCase}/close`, { reason: 'trùng' })).status).toBe(200);
    const before = await head(app);
    const refusals: [Promise<{ status: number; body: any }>, number, string][] = [
      [officer.post('/exchanges', newExchange([caseId, missingCase])), 422, 'CASE.NOT_FOUND'],
      [officer.post('/exchanges', newExchange([caseId, closedCase])), 409, 'CASE.CLOSED'],
      [officer.post('/exchanges', newExchange([caseId, caseId])), 422, 'EXCHANGE.DUPLICATE_CASE'],
      [
        officer.post('/exchanges', newExchange([caseId], { counterpart: 'CN-XX-NOPE' })),
        422,
        'EXCHANGE.UNKNOWN_COUNTERPART',
      ],
      [
        officer.post('/exchanges', newExchange([caseId], { personalData: undefined })),
        422,
        'EXCHANGE.LEGAL_BASIS_REQUIRED',
      ],
      [
        officer.post('/exchanges', newExchange([caseId], { direction: 'incoming', draft: true })),
        422,
        'EXCHANGE.INCOMING_DRAFT',
      ],
      [officer.post(`/exchanges/${missingCase}/messages`, firstMessage), 404, 'EXCHANGE.NOT_FOUND'],
      [officer.get(`/exchanges/${missingCase}`), 404, 'EXCHANGE.NOT_FOUND'],
      [officer.post(`/exchanges/${id}/messages`, replyTo(missingCase)), 422, 'EXCHANGE.INVALID_REPLY'],
      [
        officer.post(`/exchanges/${id}/acknowledgements`, { at: '2026-03-06T10:00:00+08:00', messageId: missingCase }),
        422,
        'EXCHANGE.MESSAGE_NOT_FOUND',
      ],
      [
        officer.post(`/exchanges/${id}/acknowledgements`, { at: '2026-03-01T10:00:00+08:00' }),
        422,
        'EXCHANGE.INVALID_TIME',
      ],
      [
        officer.post(`/exchanges/${id}/messages/${missingCase}/send`, { occurredAt: '2026-03-06T10:00:00+08:00' }),
        404,
        'EXCHANGE.MESSAGE_NOT_FOUND',
      ],
    ];
    for (const [request, status, code] of refusals) {
      const r = await request;
      expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
    }
    expect(await head(app)).toBe(before);
  });
});
