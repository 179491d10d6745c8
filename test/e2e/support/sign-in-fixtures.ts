import type { Answer, Caller, TestApp } from './test-app.js';

export const PASSWORD = 'Mật khẩu đủ dài 2026!';

export interface SignedIn extends Answer {
  /** The session token from Set-Cookie (undefined when sign-in failed). */
  readonly token?: string;
  readonly setCookie?: string;
}

export async function createAccount(
  admin: Caller,
  username: string,
  over: Record<string, unknown> = {},
): Promise<Answer> {
  const r = await admin.post('/users', {
    username,
    name: 'Nguyễn Thị Hoa',
    roles: ['liaison_officer'],
    unit: 'VN-LS-BLO',
    province: 'lang-son',
    password: PASSWORD,
    ...over,
  });
  if (r.status !== 201) throw new Error(`account ${username} not created: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

export async function signIn(
  app: TestApp,
  username: string,
  password = PASSWORD,
  cookieName = 'blo_session',
): Promise<SignedIn> {
  const r = await app.raw('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const setCookie = r.headers.getSetCookie().find((c) => c.startsWith(`${cookieName}=`));
  const token = setCookie ? decodeURIComponent(setCookie.slice(cookieName.length + 1).split(';')[0]) : undefined;
  return { ...r, ...(token ? { token, setCookie } : {}) };
}

/** A request as the browser sends it: the session cookie, and the CSRF header when given. */
export function withSession(
  app: TestApp,
  token: string,
  method: string,
  path: string,
  options: { csrf?: string; body?: unknown; cookieName?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { cookie: `${options.cookieName ?? 'blo_session'}=${token}` };
  if (options.csrf !== undefined) headers['x-csrf-token'] = options.csrf;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return app.raw(`/api/v1${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
}
