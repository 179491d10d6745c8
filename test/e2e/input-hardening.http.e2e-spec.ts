import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { loadConfig } from '#config';
import { createApp } from '../../apps/api/src/app.factory.js';
import {
  PLANTED,
  get,
  itRefusesEach,
  send,
  useHardeningContext,
  wire,
  type RefusalRow,
} from './support/hardening-table.js';
import { newCase } from './support/journey.js';
import { rawRequest, sendRaw } from './support/raw-http.js';
import { describeEachStore } from './support/test-app.js';

/**
 * Input hardening, part two: how a request is framed. Query strings and paths, the framework's and
 * Node's own refusals (routes, methods, lengths, headers, chunking, media types) and timeouts.
 * The values inside a well-framed request are in input-hardening.values.e2e-spec.ts.
 */

const ROWS: readonly RefusalRow[] = [
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

describeEachStore('input hardening: http', (kind) => {
  itRefusesEach(ROWS, useHardeningContext(kind));
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
