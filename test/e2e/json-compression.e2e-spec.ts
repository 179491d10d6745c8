import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { installJsonCompression } from '../../apps/api/src/http/json-compression.js';
import { createAccount, signIn } from './support/sign-in-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * JSON answers compressed on the wire (ADR 0010): large ones as the client's Accept-Encoding
 * allows, small ones never, and never an answer that carries a secret token (BREACH).
 * Node's fetch decompresses on its own and hides Content-Encoding's effect, so these requests go
 * through node:http and read the bytes as sent.
 */
interface WireAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly bytes: Buffer;
}

function onTheWire(
  app: Pick<TestApp, 'url'>,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, app.url), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const decoded = (answer: WireAnswer): unknown => {
  const encoding = answer.headers['content-encoding'];
  const bytes =
    encoding === 'gzip'
      ? gunzipSync(answer.bytes)
      : encoding === 'br'
        ? brotliDecompressSync(answer.bytes)
        : answer.bytes;
  return JSON.parse(bytes.toString('utf8'));
};

describe('JSON compression (real server, bytes as sent)', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let officer: Record<string, string>;
  beforeAll(async () => {
    app = (await startTestApp('pglite'))!;
    admin = { authorization: `Bearer ${await app.token('admin')}` };
    officer = { authorization: `Bearer ${await app.token('liaison_officer')}` };
  }, 60_000);
  afterAll(async () => app.close());

  it('sends a large JSON answer gzip-encoded when asked, decoding to the same JSON as sent plain', async () => {
    const plain = await onTheWire(app, 'GET', '/api/docs-json', { ...admin, 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(20_000);

    const gzip = await onTheWire(app, 'GET', '/api/docs-json', { ...admin, 'accept-encoding': 'gzip' });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toMatch(/^application\/json/);
    expect(String(gzip.headers.vary)).toMatch(/accept-encoding/i);
    expect(gzip.bytes.length).toBeLessThan(plain.bytes.length / 4);
    expect(decoded(gzip)).toEqual(JSON.parse(plain.bytes.toString('utf8')));
  });

  it('prefers Brotli when the client accepts it, as browsers do', async () => {
    const plain = await onTheWire(app, 'GET', '/api/docs-json', { ...admin, 'accept-encoding': 'identity' });
    const br = await onTheWire(app, 'GET', '/api/docs-json', { ...admin, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(decoded(br)).toEqual(JSON.parse(plain.bytes.toString('utf8')));
  });

  it('compresses a large problem+json refusal too', async () => {
    // Many unknown properties: the refusal lists each, well above 1 KB.
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`unexpected${i}`, i])));
    const headers = { ...officer, 'content-type': 'application/json' };
    const plain = await onTheWire(app, 'POST', '/api/v1/cases', { ...headers, 'accept-encoding': 'identity' }, body);
    expect(plain.status).toBe(400);
    expect(plain.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(plain.bytes.length).toBeGreaterThan(1024);
    const gzip = await onTheWire(app, 'POST', '/api/v1/cases', { ...headers, 'accept-encoding': 'gzip' }, body);
    expect(gzip.status).toBe(400);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip)).toEqual(JSON.parse(plain.bytes.toString('utf8')));
  });

  it('leaves small answers uncompressed', async () => {
    const small = await onTheWire(app, 'GET', '/api/v1/cases?limit=1', { ...officer, 'accept-encoding': 'gzip, br' });
    expect(small.status).toBe(200);
    expect(small.bytes.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(decoded(small)).toEqual(expect.any(Object));
  });

  it('never compresses GET /me or POST /session, which carry the CSRF token', async () => {
    await createAccount(await app.as('admin'), 'nen.khong');
    const session = await signIn(app, 'nen.khong');
    expect([session.status, session.body]).toEqual([200, expect.anything()]);
    const me = await onTheWire(app, 'GET', '/api/v1/me', {
      cookie: `blo_session=${session.token!}`,
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(me.status).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(decoded(me)).toEqual(expect.objectContaining({ csrfToken: expect.any(String) }));

    const signedIn = await onTheWire(
      app,
      'POST',
      '/api/v1/session',
      { 'content-type': 'application/json', 'accept-encoding': 'gzip, br' },
      JSON.stringify({ username: 'nen.khong', password: 'Mật khẩu đủ dài 2026!' }),
    );
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['content-encoding']).toBeUndefined();
    expect(decoded(signedIn)).toEqual(expect.objectContaining({ csrfToken: expect.any(String) }));
  });
});

describe('JSON compression: the routes that carry a secret', () => {
  // /me and /session answer a few hundred bytes today, under the threshold either way; a server
  // with the same installer and a large body on those paths shows the exclusion itself at work.
  const large = { csrfToken: 'c'.repeat(43), may: Array.from({ length: 200 }, (_, i) => `act.${i}`) };
  let server: ReturnType<typeof Fastify>;
  let url: string;
  beforeAll(async () => {
    server = Fastify();
    await installJsonCompression(server);
    for (const path of ['/api/v1/me', '/api/v1/session', '/api/v1/session/oidc/callback', '/api/v1/cases/x/timeline'])
      server.get(path, async () => large);
    url = await server.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => server.close());

  it('compresses a large answer elsewhere but never one of /me or /session', async () => {
    const ask = (path: string) => onTheWire({ url }, 'GET', path, { 'accept-encoding': 'gzip, deflate, br' });
    const elsewhere = await ask('/api/v1/cases/x/timeline');
    expect(elsewhere.headers['content-encoding']).toBe('br');
    expect(decoded(elsewhere)).toEqual(large);
    for (const path of ['/api/v1/me', '/api/v1/session', '/api/v1/session/oidc/callback']) {
      const answer = await ask(path);
      expect([path, answer.headers['content-encoding']]).toEqual([path, undefined]);
      expect(answer.bytes.length).toBeGreaterThan(1024);
      expect(decoded(answer)).toEqual(large);
    }
  });
});
