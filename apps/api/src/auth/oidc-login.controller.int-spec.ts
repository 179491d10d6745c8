import { createSecretKey, randomBytes } from 'node:crypto';
import { type DynamicModule, type LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { loadConfig } from '#config';
import { KEY_STORE, type Principal } from '#security';
import { freeLoopbackPort, TestOidcProvider } from '../../../../libs/testing/src/oidc-test-provider.js';
import { TestBrowser } from '../../../../libs/testing/src/test-browser.js';
import { ProblemDetailsFilter } from '../http/problem-details.filter.js';
import { OidcLoginModule } from './oidc-login.module.js';
import { SESSION_STARTER, type SessionStarter } from './session-starter.js';

const SECRET = 'ledger-client-secret-for-tests-only';
const ACCOUNTS = {
  'binh.lo': {
    name: 'Lò Văn Bình',
    roles: ['border_guard'],
    unit: 'VN-LC-BP-LAOCAI',
    province: 'lao-cai',
    gates: ['LAO_CAI'],
  },
  'no.unit': { name: 'Vi Văn Đức', roles: ['liaison_officer'], province: 'lang-son' },
};

/** Stands in for the session module (not this file's subject): records whom it opened a session for. */
class RecordingSessions implements SessionStarter {
  readonly started: Principal[] = [];
  async start(principal: Principal, reply: FastifyReply): Promise<void> {
    this.started.push(principal);
    void reply.header('set-cookie', 'test_session=opened; Path=/; HttpOnly; SameSite=Strict');
  }
}

/** Every line the application logs, to check that none carries a person or a token. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (m: unknown): void => void this.lines.push(String(m));
  warn = (m: unknown): void => void this.lines.push(String(m));
  error = (m: unknown, ...rest: unknown[]): void => void this.lines.push([m, ...rest].map(String).join(' '));
}

async function startApi(env: Record<string, string>, port: number, sessions: SessionStarter, logger: LoggerService) {
  const config = loadConfig({ DATA_DIR: '/nonexistent', PUBLIC_URL: `http://127.0.0.1:${port}`, ...env });
  // The edge's collaborators: a sealing key as the key store would hand it out, and the sessions.
  const key = createSecretKey(randomBytes(32));
  const collaborators: DynamicModule = {
    module: class Collaborators {},
    global: true,
    providers: [
      { provide: KEY_STORE, useValue: { getOrCreate: async () => ({ subjectId: 'oidc', version: 1, key }) } },
      { provide: SESSION_STARTER, useValue: sessions },
    ],
    exports: [KEY_STORE, SESSION_STARTER],
  };
  @Module({ imports: [collaborators, OidcLoginModule.forRoot(config)] })
  class Root {}
  const app = await NestFactory.create<NestFastifyApplication>(Root, new FastifyAdapter(), {
    logger,
    abortOnError: false,
  });
  app.setGlobalPrefix('api/v1');
  app.useGlobalFilters(new ProblemDetailsFilter());
  await app.listen({ host: '127.0.0.1', port });
  return app;
}

describe('OIDC sign-in routes', () => {
  let idp: TestOidcProvider;
  let app: NestFastifyApplication;
  let base: string;
  const sessions = new RecordingSessions();
  const logger = new CapturingLogger();

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    base = `http://127.0.0.1:${port}`;
    idp = await TestOidcProvider.start({
      clients: [
        { client_id: 'blo-ledger', client_secret: SECRET, redirect_uris: [`${base}/api/v1/session/oidc/callback`] },
      ],
      accounts: ACCOUNTS,
    });
    const env = {
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: 'blo-ledger',
      OIDC_CLIENT_SECRET: SECRET,
      OIDC_SCOPES: 'openid profile blo',
    };
    app = await startApi(env, port, sessions, logger);
  });
  afterAll(async () => {
    await app.close();
    await idp.stop();
  });

  const signInStart = (returnTo: string) => `${base}/api/v1/session/oidc?returnTo=${encodeURIComponent(returnTo)}`;
  const atCallback = (next: URL) => next.pathname === '/api/v1/session/oidc/callback';
  const backHome = (next: URL) => next.origin === base && !next.pathname.startsWith('/api/v1/session/oidc');

  it('sends the browser to the provider with the transaction in a sealed HttpOnly, SameSite=Lax cookie', async () => {
    const res = await new TestBrowser().request(signInStart('/cases'));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('redirect_uri')).toBe(`${base}/api/v1/session/oidc/callback`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cookie = res.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^blo_oidc=tx1\./);
    expect(cookie).toContain('Path=/api/v1/session/oidc');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toMatch(/Max-Age=(600|599)/);
    expect(cookie).not.toContain(location.searchParams.get('state'));
  });

  it('signs in through the provider, opens a session and returns to the path it started from', async () => {
    const browser = new TestBrowser();
    const end = await browser.follow(signInStart('/cases?status=open'), 'binh.lo', backHome);
    expect(end.href).toBe(`${base}/cases?status=open`);
    expect(sessions.started.at(-1)).toEqual({
      userId: 'binh.lo',
      name: 'Lò Văn Bình',
      roles: ['border_guard'],
      unit: 'VN-LC-BP-LAOCAI',
      province: 'lao-cai',
      gates: ['LAO_CAI'],
    });
    expect(browser.cookies(base).get('test_session')).toBe('opened');
    expect(browser.cookies(base).has('blo_oidc')).toBe(false);
  });

  it.each(['//evil.example/cases', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)'])(
    'returns to / rather than to %s',
    async (returnTo) => {
      const end = await new TestBrowser().follow(signInStart(returnTo), 'binh.lo', backHome);
      expect(end.href).toBe(`${base}/`);
    },
  );

  it('refuses a callback of an earlier sign-in in the same browser (state mismatch), echoing nothing', async () => {
    const browser = new TestBrowser();
    const first = await browser.follow(signInStart('/'), 'binh.lo', atCallback);
    // A second start (another tab) replaces the transaction the first answer belonged to.
    await browser.request(signInStart('/'));
    const res = await browser.request(first);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 401, code: 'AUTH.OIDC_STATE_MISMATCH' });
    for (const value of first.searchParams.values()) expect(text).not.toContain(value);
    expect(browser.cookies(base).has('blo_oidc')).toBe(false);
  });

  it('refuses a callback in a browser that started no sign-in', async () => {
    const callback = await new TestBrowser().follow(signInStart('/'), 'binh.lo', atCallback);
    const res = await new TestBrowser().request(callback);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'AUTH.OIDC_TRANSACTION_MISSING' });
  });

  it('refuses the provider saying no, without repeating what it said', async () => {
    const browser = new TestBrowser();
    const started = await browser.request(signInStart('/'));
    const state = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const res = await browser.request(
      `${base}/api/v1/session/oidc/callback?error=access_denied&error_description=%3Cscript%3E&state=${state}`,
    );
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'AUTH.OIDC_PROVIDER_REFUSED' });
    expect(text).not.toMatch(/access_denied|script/);
  });

  it('refuses an account without a unit, names the claim, opens no session', async () => {
    const before = sessions.started.length;
    const browser = new TestBrowser();
    const callback = await browser.follow(signInStart('/'), 'no.unit', atCallback);
    const res = await browser.request(callback);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { detail: string };
    expect(body).toMatchObject({ code: 'AUTH.OIDC_CLAIMS' });
    expect(body.detail).toContain('unit');
    expect(JSON.stringify(body)).not.toContain('Vi Văn Đức');
    expect(sessions.started).toHaveLength(before);
  });

  it('answers 503 when the provider cannot be reached to confirm the sign-in', async () => {
    const browser = new TestBrowser();
    const callback = await browser.follow(signInStart('/'), 'binh.lo', atCallback);
    idp.available = false;
    try {
      const res = await browser.request(callback);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 'AUTH.OIDC_UNAVAILABLE' });
    } finally {
      idp.available = true;
    }
  });

  it('logs refusals by reason only: no name, account, secret or token', () => {
    const logged = logger.lines.join('\n');
    expect(logged).toContain('sign-in refused: state_mismatch');
    expect(logged).toContain('sign-in refused: bad_claims (unit)');
    for (const personal of ['binh.lo', 'no.unit', 'Lò Văn Bình', 'Vi Văn Đức', 'eyJ', SECRET])
      expect(logged).not.toContain(personal);
  });

  it('has no sign-in routes when OIDC is not configured', async () => {
    const port = await freeLoopbackPort();
    const plain = await startApi({}, port, sessions, logger);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/session/oidc`, { redirect: 'manual' });
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
