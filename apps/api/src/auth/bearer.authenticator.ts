import { AuthError, TokenVerifier, type Principal } from '#security';
import { LruCache } from '#shared-kernel';
import { ProblemError, problem } from '../http/problem.js';
import type { Authenticator, Credentials } from './authenticator.js';

const CACHE_SIZE = 5_000;
const CACHE_MS = 60_000;

/**
 * Bearer token → principal (or a 401/503), for machine clients and CLI-minted tokens.
 * A phone at the gate sends the same token with every request; verifying its signature once a
 * minute instead of every time saves most of the per-request CPU of authentication. The cache
 * holds a token no longer than a minute and never past its own expiry.
 */
export class BearerAuthenticator implements Authenticator {
  private readonly verified: LruCache<string, Principal>;

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly clock: () => number = Date.now,
  ) {
    this.verified = new LruCache(CACHE_SIZE, { ttlMs: CACHE_MS, clock });
  }

  async principalOf(credentials: Credentials): Promise<Principal> {
    const authorization = credentials.headers.authorization;
    try {
      return await this.principal(authorization);
    } catch (error) {
      throw problemOfAuthError(error);
    }
  }

  private async principal(authorization: string | undefined): Promise<Principal> {
    const hit = authorization ? this.verified.get(authorization) : undefined;
    if (hit) return hit;
    const principal = await this.verifier.verifyAuthorization(authorization);
    const expiresAt = tokenExpiry(authorization);
    // A token without an expiry, or one that expires now, is verified every time.
    if (authorization && expiresAt !== null && expiresAt > this.clock()) {
      this.verified.set(authorization, principal, expiresAt);
    }
    return principal;
  }
}

/** AuthError → 401 (503 when the identity provider's keys cannot be fetched); anything else passes. */
export function problemOfAuthError(error: unknown): unknown {
  if (!(error instanceof AuthError)) return error;
  const status = error.reason === 'unavailable' ? 503 : 401;
  return new ProblemError(problem(status, `AUTH.${error.reason.toUpperCase()}`, error.message));
}

/** The `exp` of an already verified JWT, in ms. */
function tokenExpiry(authorization: string | undefined): number | null {
  const payload = authorization?.split('.')[1];
  if (!payload) return null;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}
