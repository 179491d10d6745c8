import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { loadConfig } from '#config';
import { createApp } from '../../apps/api/src/app.factory.js';
import { LANG_SON, headOf, recordsOf, type ProvinceRecords } from './support/access-fixtures.js';
import { newVerification } from './support/exchange-fixtures.js';
import { newCase, presumedVictim } from './support/journey.js';
import { rawRequest, sendRaw, type RawAnswer } from './support/raw-http.js';
import { describeEachStore, startTestApp, type TestApp } from './support/test-app.js';

/** Put into every refused input; no answer may carry it back. */
const PLANTED = 'PLANTED-7f3a';

const nested = (depth: number, leaf: string): string => `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
const dayFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const nextYear = String(new Date().getUTCFullYear() + 1);

interface Context {
  readonly app: TestApp;
  readonly bearer: string;
  readonly records: ProvinceRecords;
}

interface Row {
  readonly name: string;
  readonly send: (c: Context) => Promise<RawAnswer>;
  readonly status: number;
  readonly code: string;
  /** A field the problem's errors[] must name. */
  readonly field?: string;
  /** Text the answer must not contain, besides PLANTED. */
  readonly alsoNotEchoed?: readonly string[];
}

/** A request with the supervisor's token; the body is sent as the exact text given. */
const send =
  (method: string, target: (r: ProvinceRecords) => string, body?: (r: ProvinceRecords) => string, headers = {}) =>
  (c: Context): Promise<RawAnswer> =>
    sendRaw(
      c.app.url,
      rawRequest(
        method,
        target(c.records),
        {
          authorization: c.bearer,
          ...(body ? { 'content-type': 'application/json' } : {}),
          'idempotency-key': `k-${Math.random().toString(36).slice(2)}`,
          ...headers,
        },
        body ? body(c.records) : '',
      ),
    );

/** Bytes as they are, for what fetch refuses to send. */
const wire =
  (request: (c: Context) => string) =>
  (c: Context): Promise<RawAnswer> =>
    sendRaw(c.app.url, request(c));

const postCase = (fields: object) =>
  send(
    'POST',
    () => '/api/v1/cases',
    () => JSON.stringify({ ...newCase, ...fields }),
  );
const postPerson = (fields: object) =>
  send(
    'POST',
    (r) => `/api/v1/cases/${r.caseId}/persons`,
    () => JSON.stringify({ ...presumedVictim, ...fields }),
  );
const get = (target: (r: ProvinceRecords) => string) => send('GET', target);

const ROWS: readonly Row[] = [
  // The three inputs that answered 500.
  {
    name: 'a body nested 10,000 deep, with an Idempotency-Key (hashed before validation)',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => nested(10_000, `"${PLANTED}"`),
    ),
    status: 400,
    code: 'REQUEST.TOO_DEEP',
  },
  {
    name: 'a lone surrogate "\\ud800" in a string',
    send: postCase({ summary: `${PLANTED}\ud800` }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'summary',
    alsoNotEchoed: ['\\ud800'],
  },
  {
    name: '?purpose=%00 on a history replay (stored into its audit event)',
    send: get((r) => `/api/v1/cases/${r.caseId}/history?asOf=2026-03-06T17:00:00%2B07:00&purpose=${PLANTED}%00`),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'purpose',
    alsoNotEchoed: ['\\u0000'],
  },
  {
    name: '?purpose=%00 on a read of personal data',
    send: get((r) => `/api/v1/persons/${r.personId}?purpose=${PLANTED}%00`),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'purpose',
  },

  // Depth and size, before anything else reads the body.
  {
    name: 'arrays nested 65 deep',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => `{"summary":${'['.repeat(64)}"${PLANTED}"${']'.repeat(64)}}`,
    ),
    status: 400,
    code: 'REQUEST.TOO_DEEP',
  },
  {
    name: 'objects nested 64 deep pass the limit and reach validation',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => nested(64, `"${PLANTED}"`),
    ),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'a',
  },
  {
    name: 'a body over the byte limit',
    send: postCase({ summary: PLANTED.repeat(100_000) }),
    status: 413,
    code: 'REQUEST.TOO_LARGE',
  },

  // NUL and unpaired surrogates anywhere in a body, keys included.
  {
    name: 'a lone low surrogate in a nested string',
    send: postPerson({ nameVariants: [{ script: 'zh-Hans', value: `${PLANTED}\udc00` }] }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'nameVariants.0.value',
    alsoNotEchoed: ['\\udc00'],
  },
  {
    name: 'NUL in a string',
    send: postCase({ summary: `${PLANTED}\u0000` }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'summary',
    alsoNotEchoed: ['\\u0000'],
  },
  {
    name: 'NUL in a field name',
    send: postCase({ ['note\u0000']: PLANTED }),
    status: 400,
    code: 'REQUEST.INVALID',
    alsoNotEchoed: ['\\u0000'],
  },
  {
    name: 'a lone surrogate in a field name',
    send: postCase({ ['note\ud83d']: PLANTED }),
    status: 400,
    code: 'REQUEST.INVALID',
    alsoNotEchoed: ['\\ud83d'],
  },

  // Prototype keys: unknown fields, named, never dropped in silence.
  {
    name: 'a __proto__ key',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => `{"__proto__":{"x":"${PLANTED}"},${JSON.stringify(newCase).slice(1)}`,
    ),
    status: 400,
    code: 'REQUEST.INVALID',
    field: '__proto__',
  },
  {
    name: 'a constructor key inside a document',
    send: postPerson({ documents: [{ kind: 'cccd', number: '001309012345', constructor: { prototype: PLANTED } }] }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'documents.0.constructor',
  },
  {
    name: 'a prototype key',
    send: postCase({ prototype: PLANTED }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'prototype',
  },
  {
    name: 'a __proto__ query parameter',
    send: get(() => `/api/v1/cases?__proto__=${PLANTED}`),
    status: 400,
    code: 'REQUEST.INVALID',
    field: '__proto__',
  },

  // Dates that do not exist or have not happened.
  ...['2004-02-31', '2004-13', '2004-00', '2005-02-29', '1899-12-31', dayFromNow(3), `${nextYear}-01`, nextYear].map(
    (dateOfBirth): Row => ({
      name: `dateOfBirth ${dateOfBirth}`,
      send: postPerson({ dateOfBirth }),
      status: 400,
      code: 'REQUEST.INVALID',
      field: 'dateOfBirth',
    }),
  ),
  {
    name: 'occurredAt on 30 February with an offset',
    send: postCase({ occurredAt: '2026-02-30T10:00:00+07:00' }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'occurredAt',
  },
  {
    name: 'a verification due on 31 April',
    send: send(
      'POST',
      () => '/api/v1/verification-requests',
      (r) => JSON.stringify(newVerification(r.caseId, { dueAt: '2026-04-31T17:00:00+07:00' })),
    ),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'dueAt',
  },
  {
    name: 'a handover scheduled on 29 February of a common year',
    send: send(
      'POST',
      (r) => `/api/v1/handovers/${r.handoverId}/schedule`,
      () => JSON.stringify({ gate: 'HUU_NGHI', scheduledAt: '2027-02-29T09:00:00+08:00' }),
    ),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'scheduledAt',
  },
  {
    name: 'a history asOf on 30 February',
    send: get((r) => `/api/v1/cases/${r.caseId}/history?asOf=2026-02-30T10:00:00%2B07:00`),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'asOf',
  },

  // Query strings and paths.
  {
    name: 'NUL in a query parameter',
    send: get(() => `/api/v1/cases?q=${PLANTED}%00`),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'q',
  },
  {
    name: 'a surrogate percent-encoded in a query parameter',
    send: get(() => `/api/v1/cases?q=${PLANTED}%ED%A0%80`),
    status: 400,
    code: 'REQUEST.INVALID_QUERY',
  },
  {
    name: 'a malformed escape in a query parameter',
    send: get(() => `/api/v1/cases?q=${PLANTED}%zz`),
    status: 400,
    code: 'REQUEST.INVALID_QUERY',
  },
  {
    name: 'NUL in a path segment',
    send: get(() => `/api/v1/users/${PLANTED}%00/history`),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'path',
  },
  {
    name: 'a malformed escape in the path',
    send: get(() => `/api/v1/cases/${PLANTED}%E0%A4%A`),
    status: 400,
    code: 'REQUEST.BAD_URL',
  },

  // The framework's and Node's own refusals.
  { name: 'an unknown route', send: get(() => `/api/v1/${PLANTED}`), status: 404, code: 'REQUEST.NO_ROUTE' },
  {
    name: 'a method the path does not serve',
    send: send('DELETE', () => '/api/v1/cases'),
    status: 405,
    code: 'REQUEST.METHOD_NOT_ALLOWED',
  },
  {
    name: 'a path parameter over the router limit (FST_ERR_MAX_PARAM_LENGTH)',
    send: get(() => `/api/v1/cases/${PLANTED}${'x'.repeat(300)}`),
    status: 414,
    code: 'REQUEST.URI_TOO_LONG',
  },
  {
    name: 'a request target over 8 KB',
    send: get(() => `/api/v1/cases?q=${PLANTED}${'x'.repeat(9_000)}`),
    status: 414,
    code: 'REQUEST.URI_TOO_LONG',
  },
  {
    name: 'a request line over 16 KB',
    send: wire(() => rawRequest('GET', `/api/v1/cases?q=${PLANTED}${'x'.repeat(20_000)}`)),
    status: 414,
    code: 'REQUEST.URI_TOO_LONG',
  },
  {
    name: 'headers over 16 KB',
    send: wire((c) => rawRequest('GET', '/api/v1/cases', { authorization: c.bearer, 'x-pad': PLANTED.repeat(2_000) })),
    status: 431,
    code: 'REQUEST.HEADERS_TOO_LARGE',
  },
  {
    name: 'a CR in a header value',
    send: wire((c) => rawRequest('GET', '/api/v1/cases', { authorization: c.bearer, 'x-note': `${PLANTED}\rx` })),
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
  },
  {
    name: 'a bare LF in a header value',
    send: wire((c) => rawRequest('GET', '/api/v1/cases', { authorization: c.bearer, 'x-note': `${PLANTED}\nx` })),
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
  },
  {
    name: 'NUL in a header value',
    send: wire((c) => rawRequest('GET', '/api/v1/cases', { authorization: c.bearer, 'x-note': `${PLANTED}\u0000` })),
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
  },
  {
    name: 'NUL in the Idempotency-Key of a write',
    send: wire((c) =>
      rawRequest(
        'POST',
        '/api/v1/cases',
        { authorization: c.bearer, 'content-type': 'application/json', 'idempotency-key': `${PLANTED}\u0000` },
        JSON.stringify(newCase),
      ),
    ),
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
  },
  {
    name: 'a space in a header name',
    send: wire((c) => rawRequest('GET', '/api/v1/cases', { authorization: c.bearer, [`x ${PLANTED}`]: 'x' })),
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
  },
  {
    name: 'a Content-Length that is not a number',
    send: wire((c) =>
      rawRequest(
        'POST',
        '/api/v1/cases',
        { authorization: c.bearer, 'content-type': 'application/json', 'content-length': PLANTED },
        '{}',
      ),
    ),
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
  },
  {
    name: 'both Content-Length and Transfer-Encoding',
    send: wire((c) =>
      rawRequest(
        'POST',
        '/api/v1/cases',
        {
          authorization: c.bearer,
          'content-type': 'application/json',
          'content-length': '2',
          'transfer-encoding': 'chunked',
        },
        '2\r\n{}\r\n0\r\n\r\n',
      ),
    ),
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
  },
  {
    name: 'a chunk size that is not hexadecimal',
    send: wire((c) =>
      rawRequest(
        'POST',
        '/api/v1/cases',
        { authorization: c.bearer, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        `${PLANTED}\r\n{}\r\n0\r\n\r\n`,
      ),
    ),
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
  },
  {
    name: 'a method HTTP does not know',
    send: wire(() => rawRequest('BREW', `/api/v1/cases/${PLANTED}`)),
    status: 400,
    code: 'REQUEST.MALFORMED_HTTP',
  },
  {
    name: 'malformed JSON',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => `{"summary": "${PLANTED}`,
    ),
    status: 400,
    code: 'REQUEST.MALFORMED_JSON',
  },
  {
    name: 'a body that is not JSON',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => PLANTED,
      { 'content-type': 'text/plain' },
    ),
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a content type that is no media type',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => JSON.stringify(newCase),
      { 'content-type': `;${PLANTED};` },
    ),
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  },
];

describeEachStore('input hardening', (kind) => {
  let c: Context;

  beforeAll(async () => {
    const app = await startTestApp(kind);
    c = { app, bearer: `Bearer ${await app.token('supervisor')}`, records: await recordsOf(app, LANG_SON) };
  }, 120_000);
  afterAll(async () => c?.app.close());

  it.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const before = await headOf(c.app);
    const r = await row.send(c);
    expect({ status: r.status, code: (JSON.parse(r.text) as { code?: string }).code }).toEqual({
      status: row.status,
      code: row.code,
    });
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(r.text) as {
      type: string;
      title: string;
      status: number;
      detail: string;
      errors?: { field: string }[];
    };
    expect(body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status: row.status,
      detail: expect.any(String),
    });
    for (const planted of [PLANTED, ...(row.alsoNotEchoed ?? [])]) expect(r.text).not.toContain(planted);
    if (row.field) expect((body.errors ?? []).map((e) => e.field)).toContain(row.field);
    if (row.status === 405) expect(r.headers.allow).toBe('GET, HEAD, POST');
    expect(await headOf(c.app)).toBe(before);
  });

  it('still accepts every real birth date, full or partial, up to today', async () => {
    const officer = await c.app.as('supervisor');
    for (const dateOfBirth of ['2004-02-29', '2004-02', '2004', '1900-01-01', dayFromNow(0)]) {
      const r = await officer.post(`/cases/${c.records.caseId}/persons`, { ...presumedVictim, dateOfBirth });
      expect({ dateOfBirth, status: r.status }).toEqual({ dateOfBirth, status: 201 });
    }
  });
});

/**
 * Timeouts, on an app whose server gives up after 300 ms and checks every 50 ms, so the test
 * waits for the server's answer, not for a clock.
 */
describe('request timeouts', () => {
  let dataDir: string;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'blo-timeouts-'));
    const app = await createApp(
      loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'error', PGLITE_SYNC: 'off' }, dataDir),
      { quiet: true },
    );
    const server: Server = app.getHttpServer();
    Object.assign(server, { headersTimeout: 300, requestTimeout: 300, connectionsCheckingInterval: 50 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = () => app.close();
  }, 60_000);
  afterAll(async () => {
    await close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['headers that never end', `GET /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nX-Note: ${PLANTED}\r\n`],
    [
      'a body shorter than announced',
      `POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"summary":"${PLANTED}`,
    ],
  ])('%s → 408 problem+json', async (_name, request) => {
    const r = await sendRaw(url, request);
    expect(r.status).toBe(408);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(r.text)).toMatchObject({ status: 408, code: 'REQUEST.TIMEOUT' });
    expect(r.text).not.toContain(PLANTED);
  });
});
