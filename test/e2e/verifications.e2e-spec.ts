import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase, registerPerson } from './support/journey.js';
import { newVerification, requestVerification } from './support/exchange-fixtures.js';

describeEachStore('verification requests over HTTP', (kind) => {
  let app: TestApp;
  let officer: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer');
  }, 60_000);
  afterAll(async () => app?.close());

  it('raises a request about a person of the case, links the case in the same append, shows both local times', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId);
    const before = BigInt(await head(app));
    const r = await officer.post(
      '/verification-requests',
      newVerification(caseId, {
        personId,
        legalBasis: 'Điều 27',
        disclosure: { basis: 'international_agreement', reference: 'Hiệp định VN–TQ 2010, Điều 5' },
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      revision: '0',
      position: expect.any(String),
    });
    expect(r.headers.get('etag')).toBe('"0"');
    expect(BigInt(r.body.position)).toBe(before + 2n); // VerificationRequested + VerificationLinked
    expect((await officer.get(`/cases/${caseId}`)).body.verificationIds).toEqual([r.body.id]);

    const got = await officer.get(`/verification-requests/${r.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"0"');
    expect(got.body).toMatchObject({
      id: r.body.id,
      caseId,
      personId,
      direction: 'outgoing',
      counterpart: { code: 'CN-YN-PSD', name: { zh: expect.any(String) } },
      subject: 'nationality',
      questions: 'Đề nghị xác minh quốc tịch và nơi cư trú / 请核查国籍和住所',
      legalBasis: 'Điều 27',
      disclosure: { basis: 'international_agreement', reference: 'Hiệp định VN–TQ 2010, Điều 5' },
      status: 'requested',
      requestedAt: { at: '2026-03-05T02:00:00.000Z', offset: '+07:00' },
      dueAt: {
        at: '2099-03-12T10:00:00.000Z',
        offset: '+07:00',
        local: { vn: '2099-03-12T17:00:00+07:00', cn: '2099-03-12T18:00:00+08:00' },
      },
      overdue: false,
      answerOwedBy: 'counterpart',
      answer: null,
      withdrawal: null,
    });
  });

  it('extends only to a later due time, then records a not-confirmed answer as an outcome', async () => {
    const caseId = await openCase(officer);
    const id = await requestVerification(officer, caseId, { dueAt: '2026-03-12T17:00:00+07:00' });
    const extended = await officer.post(`/verification-requests/${id}/extensions`, {
      newDueAt: '2026-03-19T18:00:00+08:00',
      reason: 'Phía Trung Quốc đề nghị thêm thời gian',
    });
    expect(extended.status).toBe(200);
    expect(extended.body.revision).toBe('1');
    const before = await head(app);
    const earlier = await officer.post(`/verification-requests/${id}/extensions`, {
      newDueAt: '2026-03-15T17:00:00+07:00',
      reason: 'x',
    });
    expect(earlier.status).toBe(422);
    expect(earlier.body.code).toBe('VERIFICATION.EXTENSION_NOT_LATER');
    expect(await head(app)).toBe(before);

    const answered = await officer.post(`/verification-requests/${id}/answers`, {
      result: 'not_confirmed',
      details: '经核查，无此人户籍记录。',
      answeredAt: '2026-03-18T15:00:00+08:00',
    });
    expect(answered.status).toBe(200);
    const got = (await officer.get(`/verification-requests/${id}`)).body;
    expect(got).toMatchObject({
      status: 'answered',
      dueAt: { local: { cn: '2026-03-19T18:00:00+08:00', vn: '2026-03-19T17:00:00+07:00' } },
      extensions: [{ reason: 'Phía Trung Quốc đề nghị thêm thời gian' }],
      answer: {
        result: 'not_confirmed',
        details: '经核查，无此人户籍记录。',
        late: false,
        answeredAt: { local: { vn: '2026-03-18T14:00:00+07:00' } },
      },
      overdue: false,
      answerOwedBy: null,
    });
    const twice = await officer.post(`/verification-requests/${id}/answers`, {
      result: 'confirmed',
      details: 'x',
      answeredAt: '2026-03-18T16:00:00+08:00',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('VERIFICATION.ALREADY_ANSWERED');
  });

  it('withdraws an open request once', async () => {
    const caseId = await openCase(officer);
    const id = await requestVerification(officer, caseId);
    expect(
      (await officer.post(`/verification-requests/${id}/withdrawal`, { reason: 'Đã tìm thấy gia đình' })).status,
    ).toBe(200);
    expect((await officer.get(`/verification-requests/${id}`)).body).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'Đã tìm thấy gia đình' },
    });
    const again = await officer.post(`/verification-requests/${id}/withdrawal`, { reason: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('VERIFICATION.WITHDRAWN');
  });

  it('derives "overdue" at read time for an open request past its due time, owed by us when incoming', async () => {
    const caseId = await openCase(officer);
    const id = await requestVerification(officer, caseId, {
      direction: 'incoming',
      occurredAt: '2025-01-02T09:00:00+08:00',
      dueAt: '2025-01-05T09:00:00+08:00',
    });
    expect((await officer.get(`/verification-requests/${id}`)).body).toMatchObject({
      overdue: true,
      answerOwedBy: 'us',
    });
    await officer.post(`/verification-requests/${id}/answers`, {
      result: 'confirmed',
      details: 'Xác nhận là công dân Việt Nam',
      answeredAt: '2025-01-06T09:00:00+07:00',
    });
    expect((await officer.get(`/verification-requests/${id}`)).body).toMatchObject({
      overdue: false,
      answer: { late: true },
    });
  });

  it('keeps a case with an open verification from closing unless a supervisor overrides', async () => {
    const caseId = await openCase(officer);
    await requestVerification(officer, caseId);
    const supervisor = await app.as('supervisor');
    const before = await head(app);
    const refused = await officer.post(`/cases/${caseId}/close`, { reason: 'Hoàn tất' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CASE.HAS_OPEN_ITEMS');
    const notTheirs = await officer.post(`/cases/${caseId}/close`, { reason: 'Hoàn tất', override: true });
    expect(notTheirs.status).toBe(403);
    expect(await head(app)).toBe(before);
    const overridden = await supervisor.post(`/cases/${caseId}/close`, {
      reason: 'Lãnh đạo quyết định',
      override: true,
    });
    expect(overridden.status).toBe(200);
    expect((await officer.get(`/cases/${caseId}`)).body).toMatchObject({
      status: 'closed',
      closure: { override: true },
    });
  });

  it('lets an officer close the case once the verification is answered', async () => {
    const caseId = await openCase(officer);
    const id = await requestVerification(officer, caseId);
    await officer.post(`/verification-requests/${id}/answers`, {
      result: 'inconclusive',
      details: 'Không đủ thông tin',
      answeredAt: '2026-03-08T09:00:00+07:00',
    });
    expect((await officer.post(`/cases/${caseId}/close`, { reason: 'Hoàn tất' })).status).toBe(200);
  });

  it('replays a retried request with the same Idempotency-Key and refuses the key with another body', async () => {
    const caseId = await openCase(officer);
    const key = { 'idempotency-key': `verif-${kind}-1` };
    const first = await officer.post('/verification-requests', newVerification(caseId), key);
    expect(first.status).toBe(201);
    const before = await head(app);
    const again = await officer.post('/verification-requests', newVerification(caseId), key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const reused = await officer.post('/verification-requests', newVerification(caseId, { subject: 'identity' }), key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
    expect(await head(app)).toBe(before);
    expect((await officer.get(`/cases/${caseId}`)).body.verificationIds).toEqual([first.body.id]);
  });

  it('refuses a stale If-Match with 412', async () => {
    const caseId = await openCase(officer);
    const id = await requestVerification(officer, caseId);
    const body = { newDueAt: '2099-04-01T09:00:00+07:00', reason: 'x' };
    expect((await officer.post(`/verification-requests/${id}/extensions`, body, { 'if-match': '"0"' })).status).toBe(
      200,
    );
    const before = await head(app);
    const stale = await officer.post(`/verification-requests/${id}/withdrawal`, { reason: 'x' }, { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect(await head(app)).toBe(before);
  });

  it.each(['border_guard', 'auditor', 'admin'] as const)('does not let a %s raise a request', async (role) => {
    const caseId = await openCase(officer);
    const before = await head(app);
    const r = await (await app.as(role)).post('/verification-requests', newVerification(caseId));
    expect(r.status).toBe(403);
    expect(await head(app)).toBe(before);
  });

  it('refuses references to cases, persons and counterparts that do not fit, writing nothing', async () => {
    const caseId = await openCase(officer);
    const otherCase = await openCase(officer);
    const stranger = await registerPerson(officer, otherCase);
    const missing = '01a20622-f6e9-7066-a49c-36660dc58c44';
    const before = await head(app);
    const refusals: [Promise<{ status: number; body: any }>, number, string][] = [
      [officer.post('/verification-requests', newVerification(missing)), 422, 'CASE.NOT_FOUND'],
      [
        officer.post('/verification-requests', newVerification(caseId, { personId: missing })),
        422,
        'VERIFICATION.PERSON_NOT_FOUND',
      ],
      [
        officer.post('/verification-requests', newVerification(caseId, { personId: stranger })),
        422,
        'VERIFICATION.PERSON_NOT_IN_CASE',
      ],
      [
        officer.post('/verification-requests', newVerification(caseId, { counterpart: 'CN-XX-NOPE' })),
        422,
        'VERIFICATION.UNKNOWN_COUNTERPART',
      ],
      [
        officer.post('/verification-requests', newVerification(caseId, { dueAt: '2026-03-05T09:00:00+08:00' })),
        422,
        'VERIFICATION.DUE_BEFORE_REQUEST',
      ],
      [officer.get(`/verification-requests/${missing}`), 404, 'VERIFICATION.NOT_FOUND'],
      [officer.post(`/verification-requests/${missing}/withdrawal`, { reason: 'x' }), 404, 'VERIFICATION.NOT_FOUND'],
    ];
    for (const [request, status, code] of refusals) {
      const r = await request;
      expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
    }
    expect(await head(app)).toBe(before);
  });
});
