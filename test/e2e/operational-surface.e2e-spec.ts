import { jest } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Role } from '#shared-kernel';
import { startTestApp, type Answer, type TestApp } from './support/test-app.js';

/**
 * Issue 7, part 3: what the service shows of itself to a caller who is not an administrator
 * (metrics, health details, the read-model controls), the headers every answer carries, and
 * CORS, off unless configured.
 */
const NON_ADMINS: readonly Role[] = ['liaison_officer', 'border_guard', 'supervisor', 'auditor'];
const WEB_APP = 'https://web.blo.example.gov.vn';

/** The directives of a Content-Security-Policy header, by name. */
function csp(answer: Answer): Map<string, string[]> {
  const header = answer.headers.get('content-security-policy');
  if (header === null) throw new Error(`no Content-Security-Policy (status ${answer.status})`);
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...values]) => [name, values]),
  );
}

/** The headers every answer must carry, whatever its status or content type. */
function expectSecurityHeaders(answer: Answer): void {
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
  expect(answer.headers.get('x-frame-options')).toBe('DENY');
  const policy = csp(answer);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
}

describe('operational surface (default configuration: plain http, no CORS)', () => {
  let app: TestApp;
  let bearer: (role: Role) => Promise<Record<string, string>>;
  beforeAll(async () => {
    app = await startTestApp('pglite');
    bearer = async (role) => ({ authorization: `Bearer ${await app.token(role)}` });
  }, 60_000);
  afterAll(async () => app.close());

  it('serves /metrics to administrators only: 401 without credentials, 403 to every other role', async () => {
    const anonymous = await app.raw('/metrics', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    for (const role of NON_ADMINS)
      expect([role, (await app.raw('/metrics', { headers: await bearer(role) })).status]).toEqual([role, 403]);
    const admin = await app.raw('/metrics', { headers: await bearer('admin') });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(admin.body).toContain('# TYPE blo_event_store_head_position gauge');
  });

  it('tells a caller without ops.read only that the service is up, and an administrator the details', async () => {
    const anonymous = await app.raw('/health', {});
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ status: 'up' });
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    // Signed in but not an operator, or with a token that does not verify: still the short answer.
    expect((await app.raw('/health', { headers: await bearer('supervisor') })).body).toEqual({ status: 'up' });
    expect((await app.raw('/health', { headers: { authorization: 'Bearer not.a.token' } })).body).toEqual({
      status: 'up',
    });

    const admin = await app.raw('/health', { headers: await bearer('admin') });
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({
      status: 'up',
      eventStore: 'pglite',
      headPosition: expect.stringMatching(/^\d+$/),
      projections: expect.arrayContaining([
        { name: 'case_list', position: expect.stringMatching(/^\d+$/), lag: expect.stringMatching(/^\d+$/) },
      ]),
    });
  });

  it('answers 503 down when the event store cannot be reached, with the cause for administrators only', async () => {
    const store = app.app.get<EventStore>(EVENT_STORE);
    const failing = jest.spyOn(store, 'headPosition').mockRejectedValue(new Error('connection refused'));
    try {
      const anonymous = await app.raw('/health', {});
      expect(anonymous.status).toBe(503);
      expect(anonymous.body).toEqual({ status: 'down' });
      const admin = await app.raw('/health', { headers: await bearer('admin') });
      expect(admin.status).toBe(503);
      expect(admin.body).toEqual({
        status: 'down',
        role: 'all',
        pid: process.pid,
        running: ['projections'],
        eventStore: 'pglite',
        // Inside jest's sandbox the embedded store runs on the calling thread.
        storeThread: 'main',
        reason: 'Error',
      });
    } finally {
      failing.mockRestore();
    }
    expect((await app.raw('/health', {})).status).toBe(200);
  });

  it('refuses the projection controls to every role but admin', async () => {
    expect((await app.raw('/api/v1/admin/projections', {})).status).toBe(401);
    expect((await app.raw('/api/v1/admin/projections/case_list/rebuild', { method: 'POST' })).status).toBe(401);
    for (const role of NON_ADMINS) {
      const caller = await app.as(role);
      expect([role, (await caller.get('/admin/projections')).status]).toEqual([role, 403]);
      expect([role, (await caller.post('/admin/projections/case_list/rebuild', {})).status]).toEqual([role, 403]);
    }
    const admin = await app.as('admin');
    const status = await admin.get('/admin/projections');
    expect(status.status).toBe(200);
    expect(status.body.projections.map((p: { name: string }) => p.name)).toContain('case_list');
    // A name that is no projection: proves the admin passed the guard without starting a rebuild.
    expect((await admin.post('/admin/projections/no_such_projection/rebuild', {})).status).toBe(404);
  });

  it('puts the security headers on a 200, a 401 and a 404 problem document', async () => {
    const ok = await app.raw('/api/v1/reference/gates', { headers: await bearer('liaison_officer') });
    expect(ok.status).toBe(200);
    expectSecurityHeaders(ok);
    const policy = csp(ok);
    // What the web app (same origin, its own files, nothing inline) lives with.
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('script-src-attr')).toEqual(["'none'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    // Plain http: neither HSTS nor a request to upgrade to an https that nobody serves.
    expect(ok.headers.get('strict-transport-security')).toBeNull();
    expect(policy.has('upgrade-insecure-requests')).toBe(false);

    const unauthenticated = await app.raw('/api/v1/cases', {});
    expect(unauthenticated.status).toBe(401);
    expectSecurityHeaders(unauthenticated);

    const missing = await app.raw('/api/v1/no-such-thing', { headers: await bearer('liaison_officer') });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expectSecurityHeaders(missing);
  });

  it('still renders the API docs: 200 HTML with only same-origin scripts, inline styles allowed there alone', async () => {
    const docs = await app.raw('/api/docs', {});
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expectSecurityHeaders(docs);
    expect(csp(docs).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    // script-src stays 'self': every script of the page is a file of this origin, none inline.
    const html = docs.body as string;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attributes)?.[1];
      expect(src).toMatch(/^(?:\/|\.\/)?[\w./-]+\.js$/);
      const file = await app.raw(new URL(src!, `${app.url}/api/docs/`).pathname, {});
      expect([src, file.status]).toEqual([src, 200]);
    }
    // The relaxation is the page's alone: the JSON document and the rest keep the strict policy.
    const json = await app.raw('/api/docs-json', {});
    expect(json.status).toBe(200);
    expect(csp(json).get('style-src')).toEqual(["'self'"]);
  });

  it('sends no CORS header when CORS_ORIGINS is not set', async () => {
    const preflight = await app.raw('/api/v1/cases', {
      method: 'OPTIONS',
      headers: { origin: WEB_APP, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const get = await app.raw('/api/v1/reference/gates', {
      headers: { origin: WEB_APP, ...(await bearer('liaison_officer')) },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('operational surface (HTTPS public URL, CORS for one origin)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { PUBLIC_URL: 'https://blo.example.gov.vn', CORS_ORIGINS: WEB_APP });
  }, 60_000);
  afterAll(async () => app.close());

  it('sends HSTS and asks for https subresources when the service is reached over HTTPS', async () => {
    const r = await app.raw('/health', {});
    expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(csp(r).has('upgrade-insecure-requests')).toBe(true);
    expectSecurityHeaders(r);
  });

  it('answers an allowed origin’s preflight with the methods, headers and credentials the API uses', async () => {
    const preflight = await app.raw('/api/v1/cases', {
      method: 'OPTIONS',
      headers: {
        origin: WEB_APP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key, x-csrf-token',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(WEB_APP);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-methods')?.split(/,\s*/)).toEqual(
      expect.arrayContaining(['GET', 'POST', 'DELETE']),
    );
    const allowed = preflight.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'idempotency-key',
        'if-match',
        'x-correlation-id',
        'traceparent',
        'tracestate',
        'x-requested-with',
        'x-csrf-token',
      ]),
    );
    expect(preflight.headers.get('vary')).toMatch(/origin/i);
  });

  it('lets the allowed origin read ETag and Location of a write', async () => {
    const created = await app.raw('/api/v1/cases', {
      method: 'POST',
      headers: {
        origin: WEB_APP,
        authorization: `Bearer ${await app.token('liaison_officer')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        channel: 'hotline',
        province: 'lang-son',
        summary: 'Tin báo qua đường dây nóng 111',
        occurredAt: '2026-03-05T09:00:00+07:00',
      }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(WEB_APP);
    expect(created.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/)).toEqual(
      expect.arrayContaining(['etag', 'location']),
    );
    expectSecurityHeaders(created);
  });

  it('gives any other origin no CORS header, on the preflight or the request', async () => {
    const elsewhere = 'https://evil.example';
    const preflight = await app.raw('/api/v1/cases', {
      method: 'OPTIONS',
      headers: { origin: elsewhere, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    const get = await app.raw('/api/v1/reference/gates', {
      headers: { origin: elsewhere, authorization: `Bearer ${await app.token('liaison_officer')}` },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    // A look-alike of the allowed origin (other scheme) is another origin.
    const http = await app.raw('/api/v1/reference/gates', {
      headers: { origin: WEB_APP.replace('https:', 'http:'), authorization: `Bearer ${await app.token('admin')}` },
    });
    expect(http.headers.get('access-control-allow-origin')).toBeNull();
  });
});
