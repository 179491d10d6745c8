import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '#security';

/** What an authenticator may look at: the headers (bearer token, cookies, CSRF header) and the method. */
export interface Credentials {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
}

/**
 * Establishes who is calling, or throws a ProblemError (401, or 503 when the identity provider
 * cannot be reached). What the caller may do is decided afterwards, by the access table.
 */
export interface Authenticator {
  principalOf(credentials: Credentials): Promise<Principal>;
}
export const AUTHENTICATOR = Symbol('AUTHENTICATOR');
