import type { Principal } from '#security';
import type { Authenticator, Credentials } from './authenticator.js';
import { sessionTokenOf, type SessionCookie } from './session-cookie.js';

/**
 * A bearer token when the request has an Authorization header (machine clients, the CLI, phones
 * configured with a token), else the session cookie of a person who signed in. With neither,
 * the bearer authenticator's 401 says what is missing.
 */
export class CompositeAuthenticator implements Authenticator {
  constructor(
    private readonly bearer: Authenticator,
    private readonly session: Authenticator,
    private readonly cookie: SessionCookie,
  ) {}

  principalOf(credentials: Credentials): Promise<Principal> {
    if (credentials.headers.authorization !== undefined) return this.bearer.principalOf(credentials);
    if (sessionTokenOf(credentials.headers, this.cookie) !== undefined) return this.session.principalOf(credentials);
    return this.bearer.principalOf(credentials);
  }
}
