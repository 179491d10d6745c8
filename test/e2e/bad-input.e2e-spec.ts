import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, newCase, openCase } from './support/journey.js';

/** Every kind of nonsense gets a clear 4xx problem and leaves the log exactly as it was. */
describe('bad input (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let caseId: string;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    caseId = await openCase(officer);
  }, 60_000);
  afterAll(async () => app.close());

  const post = async (path: string, init: { body?: string | Uint8Array; headers?: Record<string, string> }) => {
    const bearer = `Bearer ${await app.token('liaison_officer')}`;
    return app.raw(`/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: bearer, 'content-type': 'application/json', ...init.headers },
      body: init.body as RequestInit['body'],
    });
  };

  const cases: [string, () => Promise<{ status: number; body: any; headers: Headers }>, number, string | null][] = [
    ['an unknown field', () => officer.post('/cases', { ...newCase, victimName: 'x' }), 400, 'REQUEST.INVALID'],
    ['a wrong type', () => officer.post('/cases', { ...newCase, summary: 42 }), 400, 'REQUEST.INVALID'],
    [
      'a missing required field',
      () => officer.post('/cases', { ...newCase, province: undefined }),
      400,
      'REQUEST.INVALID',
    ],
    [
      'a time without an offset',
      () => officer.post('/cases', { ...newCase, occurredAt: '2026-03-05T09:00:00' }),
      400,
      'REQUEST.INVALID',
    ],
    [
      'an impossible date',
      () => officer.post('/cases', { ...newCase, occurredAt: '2026-02-30T09:00:00+07:00' }),
      400,
      'REQUEST.INVALID',
    ],
    [
      'an unknown enum value',
      () => officer.post('/cases', { ...newCase, channel: 'carrier_pigeon' }),
      400,
      'REQUEST.INVALID',
    ],
    ['an empty summary', () => officer.post('/cases', { ...newCase, summary: '' }), 400, 'REQUEST.INVALID'],
    ['a blank summary', () => officer.post('/cases', { ...newCase, summary: '   ' }), 400, 'REQUEST.INVALID'],
    [
      'a 200 kB summary',
      () => officer.post('/cases', { ...newCase, summary: 'x'.repeat(200_000) }),
      400,
      'REQUEST.INVALID',
    ],
    [
      'a body over the limit',
      () => officer.post('/cases', { ...newCase, summary: 'x'.repeat(2_000_000) }),
      413,
      'REQUEST.TOO_LARGE',
    ],
    [
      'invalid UTF-8',
      () => post('/cases', { body: Buffer.from([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }),
      400,
      'REQUEST.INVALID_UTF8',
    ],
    ['malformed JSON', () => post('/cases', { body: '{"channel": ' }), 400, 'REQUEST.MALFORMED_JSON'],
    ['a JSON array', () => post('/cases', { body: '[]' }), 400, 'REQUEST.NOT_AN_OBJECT'],
    ['a JSON string', () => post('/cases', { body: '"hello"' }), 400, 'REQUEST.NOT_AN_OBJECT'],
    [
      'a wrong content type',
      () => post('/cases', { body: 'channel=hotline', headers: { 'content-type': 'text/plain' } }),
      415,
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a form body',
      () =>
        post('/cases', { body: 'channel=hotline', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'an id that is not a UUID',
      () => officer.post('/cases/not-a-uuid/close', { reason: 'x' }),
      400,
      'REQUEST.INVALID_ID',
    ],
    [
      'a case that does not exist',
      () => officer.post('/cases/01a20622-f6e9-7066-a49c-36660dc58c44/close', { reason: 'x' }),
      404,
      'CASE.NOT_FOUND',
    ],
    [
      'a person for a case that does not exist',
      () => officer.post('/cases/01a20622-f6e9-7066-a49c-36660dc58c44/persons', { role: 'victim', fullName: 'A' }),
      404,
      'CASE.NOT_FOUND',
    ],
    [
      'a transition the state machine forbids',
      () => officer.post(`/cases/${caseId}/resolution`, { resolution: 'x' }),
      409,
      null,
    ],
    [
      'a malformed If-Match',
      () => officer.post(`/cases/${caseId}/open`, {}, { 'if-match': 'yesterday' }),
      400,
      'REQUEST.INVALID_IF_MATCH',
    ],
    [
      'a malformed Idempotency-Key',
      () => officer.post('/cases', newCase, { 'idempotency-key': 'a b' }),
      400,
      'REQUEST.INVALID_IDEMPOTENCY_KEY',
    ],
  ];

  it.each(cases)('%s → %p, nothing written', async (_name, send, status, code) => {
    const before = await head(app);
    const r = await send();
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({
      status,
      title: expect.any(String),
      detail: expect.any(String),
      type: expect.any(String),
      code: code ?? expect.any(String),
    });
    expect(await head(app)).toBe(before);
  });

  it('names every offending field', async () => {
    const r = await officer.post('/cases', { channel: 'x', extra: 1 });
    const fields = (r.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['channel', 'extra', 'province', 'summary', 'occurredAt']));
  });
});
