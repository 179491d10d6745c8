import type { IncomingHttpHeaders } from 'node:http';
import { fastifyCookie } from '@fastify/cookie';
import type { AccessConfig } from '#config';

/**
 * The session cookie. Over HTTPS it carries the `__Host-` prefix, which browsers accept only
 * with Secure, Path=/ and no Domain: no sibling subdomain can plant or overwrite it.
 * HttpOnly keeps it from scripts; SameSite=Strict keeps it off every request another site starts.
 * No Max-Age: it goes when the browser closes (shared office PCs), and the server ends it anyway
 * on the idle and absolute limits.
 */
export interface SessionCookie {
  readonly name: string;
  readonly options: { httpOnly: true; sameSite: 'strict'; path: '/'; secure: boolean };
}

export const sessionCookieOf = (access: Pick<AccessConfig, 'secureCookies'>): SessionCookie => ({
  name: access.secureCookies ? '__Host-blo_session' : 'blo_session',
  options: { httpOnly: true, sameSite: 'strict', path: '/', secure: access.secureCookies },
});

/** The header a cookie-authenticated write must carry, with the value returned at sign-in and by GET /me. */
export const CSRF_HEADER = 'x-csrf-token';

/** The session token of the request's cookie, if it has one. */
export function sessionTokenOf(headers: IncomingHttpHeaders, cookie: SessionCookie): string | undefined {
  const header = headers.cookie;
  if (typeof header !== 'string' || header === '') return undefined;
  const value = fastifyCookie.parse(header)[cookie.name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** True when the request is authenticated by its session cookie rather than a bearer token. */
export const usesSession = (headers: IncomingHttpHeaders, cookie: SessionCookie): boolean =>
  headers.authorization === undefined && sessionTokenOf(headers, cookie) !== undefined;
