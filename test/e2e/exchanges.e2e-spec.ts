import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase } from './support/journey.js';
import { VI_SUBJECT, ZH_BODY, firstMessage, newExchange, openExchange, replyTo } from './support/exchange-fixtures.js';

/**
 * An exchange's life over HTTP: opened for cases, read folded live, answered, acknowledged,
 * overdue, drafted and closed. Who may see its content, and how it is stored, is in
 * exchanges.content.e2e-spec.ts; retries, stale writes and refusals are in
 * exchanges.write-guards.e2e-spec.ts.
 */
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
});
