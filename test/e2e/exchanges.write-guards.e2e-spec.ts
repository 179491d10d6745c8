import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase } from './support/journey.js';
import { firstMessage, newExchange, openExchange, replyTo } from './support/exchange-fixtures.js';

/**
 * Writes to exchanges that must change nothing, or nothing more: retries replayed by their
 * Idempotency-Key, a stale If-Match, roles that may not log an exchange, and broken references.
 */
describeEachStore('information exchanges over HTTP: write guards', (kind) => {
  let app: TestApp;
  let officer: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer');
  }, 60_000);
  afterAll(async () => app?.close());

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
