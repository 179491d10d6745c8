import { csrfMatches, type SessionStore } from '#accounts/application';
import type { Principal } from '#security';
import { ProblemError, problem } from '../http/problem.js';
import type { Authenticator, Credentials } from './authenticator.js';
import { CSRF_HEADER, sessionTokenOf, type SessionCookie } from './session-cookie.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Session cookie → principal. A browser sends the cookie with every request to this site, so a
 * write must also prove it comes from our own page: the CSRF token of the session in a header,
 * which a form or a page of another site can neither know nor send (ADR 0007).
 */
export class SessionAuthenticator implements Authenticator {
  constructor(
    private readonly sessions: SessionStore,
    private readonly cookie: SessionCookie,
  ) {}

  async principalOf(credentials: Credentials): Promise<Principal> {
    const token = sessionTokenOf(credentials.headers, this.cookie);
    const session = token === undefined ? null : await this.sessions.resolve(token);
    if (token === undefined || session === null)
      throw new ProblemError(problem(401, 'AUTH.SESSION_ENDED', 'The session has ended; sign in again.'));
    if (WRITES.has(credentials.method.toUpperCase())) {
      const presented = credentials.headers[CSRF_HEADER];
      if (!csrfMatches(token, Array.isArray(presented) ? presented[0] : presented))
        throw new ProblemError(
          problem(
            403,
            'AUTH.CSRF',
            `A change made with the session cookie needs the ${CSRF_HEADER} header of the session.`,
          ),
        );
    }
    return session.principal;
  }
}
