import type { IncomingHttpHeaders } from 'node:http';
import type { OidcTransaction, OidcTransactionSealer } from '#security';

const SIGN_IN_PATH = '/api/v1/session/oidc';

/**
 * The sealed sign-in transaction, between the redirect to the provider and its callback.
 * SameSite=Lax, not Strict: the callback is a navigation started by the provider's site, and a
 * Strict cookie would not come with it. Over HTTPS the `__Host-` prefix (Secure, Path=/, no
 * Domain) keeps a sibling subdomain from planting its own transaction in the browser; over
 * plain http the cookie is kept to the sign-in paths instead.
 */
export class OidcTransactionCookie {
  readonly name: string;
  private readonly attributes: string;

  constructor(
    private readonly sealer: () => Promise<OidcTransactionSealer>,
    secure: boolean,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.name = secure ? '__Host-blo_oidc' : 'blo_oidc';
    // Written by hand: the value is base64url and dots, nothing to encode, and @fastify/cookie's
    // static helpers only work once its plugin has been registered on some instance.
    this.attributes = `Path=${secure ? '/' : SIGN_IN_PATH}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  }

  /** A Set-Cookie value holding the transaction until it expires. */
  async set(transaction: OidcTransaction): Promise<string> {
    const maxAge = Math.max(1, transaction.expiresAt - Math.floor(this.clock().getTime() / 1000));
    const value = (await this.sealer()).seal(transaction);
    return `${this.name}=${value}; Max-Age=${maxAge}; ${this.attributes}`;
  }

  /** A Set-Cookie value that removes it: a transaction is good for one callback, whatever its outcome. */
  clear(): string {
    return `${this.name}=; Max-Age=0; ${this.attributes}`;
  }

  /** The transaction of this browser; null when absent, expired, or not sealed by this service. */
  async read(headers: IncomingHttpHeaders): Promise<OidcTransaction | null> {
    const header = headers.cookie;
    if (typeof header !== 'string' || header === '') return null;
    const prefix = `${this.name}=`;
    const value = header
      .split(';')
      .map((pair) => pair.trim())
      .find((pair) => pair.startsWith(prefix))
      ?.slice(prefix.length);
    if (value === undefined || value === '') return null;
    return (await this.sealer()).open(value, Math.floor(this.clock().getTime() / 1000));
  }
}
