import { createHash, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { OidcLoginConfig } from '#config';
import { AuthError } from '../tokens/auth-error.js';
import { principalFromClaims, type Principal } from '../tokens/principal.js';
import { hasRequiredClaims, mapOidcClaims } from './oidc-claim-mapper.js';
import { OidcLoginError } from './oidc-login.errors.js';
import { safeReturnTo, type OidcTransaction } from './oidc-transaction.js';

/** The path the provider sends the browser back to; PUBLIC_URL + this is the registered redirect URI. */
export const OIDC_CALLBACK_PATH = '/api/v1/session/oidc/callback';

export interface OidcLoginOptions {
  /** Exactly as registered at the provider: it is sent with the request and again with the code. */
  readonly redirectUri: string;
  /** How long a started sign-in stays valid (default 600 s: long enough to type a password and an OTP). */
  readonly transactionSeconds?: number;
  /** Per request to the provider (default 10 s). */
  readonly timeoutSeconds?: number;
  /** Replaces fetch for every request to the provider: a proxy, or a test that alters an answer. */
  readonly fetch?: oidc.CustomFetch;
  readonly now?: () => Date;
}

export interface OidcLoginStart {
  /** Where to send the browser (302). */
  readonly url: URL;
  /** To keep until the callback (server-side, or sealed in an HttpOnly cookie). */
  readonly transaction: OidcTransaction;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
// OAuth error codes a provider may return; anything else is not repeated, even in a log.
const KNOWN_ERRORS = new Set([
  'access_denied',
  'consent_required',
  'interaction_required',
  'invalid_client',
  'invalid_grant',
  'invalid_request',
  'invalid_scope',
  'login_required',
  'server_error',
  'temporarily_unavailable',
  'unauthorized_client',
  'unsupported_response_type',
]);

/**
 * Browser sign-in with an OpenID provider: authorization code flow with PKCE (S256), state and
 * nonce, all on the server (the browser never holds a token). The provider's metadata is
 * discovered on first use and again after a failed attempt, so the service starts while the
 * provider is down and signs people in once it is back.
 */
export class OidcLogin {
  private discovered: Promise<oidc.Configuration> | null = null;
  private readonly insecure: boolean;

  constructor(
    private readonly config: OidcLoginConfig,
    private readonly options: OidcLoginOptions,
  ) {
    const issuer = new URL(config.issuerUrl);
    // Plain http only on loopback (a provider on the same host, or in a test): anywhere else the
    // code and the tokens would cross the network readable by anyone on the path.
    this.insecure = issuer.protocol === 'http:';
    if (this.insecure && !LOOPBACK.test(issuer.hostname))
      throw new Error('OIDC_ISSUER_URL must use https: (plain http: is allowed on loopback only)');
  }

  async start(returnTo?: unknown): Promise<OidcLoginStart> {
    const configuration = await this.configuration();
    const transaction: OidcTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(returnTo),
      expiresAt: this.nowSeconds() + (this.options.transactionSeconds ?? 600),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.options.redirectUri,
      scope: this.scope(),
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, transaction };
  }

  /**
   * Checks the provider's answer against the transaction, exchanges the code, validates the ID
   * token (issuer, audience = our client id, nonce, lifetime, signature) and maps its claims.
   * Refuses with an OidcLoginError, or an AuthError `bad_claims` when a claim is missing or invalid.
   */
  async finish(callbackUrl: URL | string, transaction: OidcTransaction | null | undefined): Promise<Principal> {
    if (!transaction || transaction.expiresAt <= this.nowSeconds()) throw new OidcLoginError('transaction_missing');
    const params = new URL(callbackUrl, this.options.redirectUri).searchParams;
    if (!sameSecret(params.get('state'), transaction.state)) throw new OidcLoginError('state_mismatch');
    const error = params.get('error');
    if (error !== null) throw new OidcLoginError('provider_refused', KNOWN_ERRORS.has(error) ? error : undefined);
    // The redirect URI sent with the code must be the registered one, whatever Host the request came in on.
    const current = new URL(this.options.redirectUri);
    current.search = params.toString();
    const configuration = await this.configuration();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (idToken === undefined) throw new OidcLoginError('id_token_refused', 'no ID token');
      claims = idToken;
      // Providers that follow the core spec to the letter put profile claims in userinfo only.
      if (!hasRequiredClaims(claims, this.config) && configuration.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        claims = { ...info, ...idToken };
      }
    } catch (failure) {
      throw failureOf(failure);
    }
    return principalFromClaims(mapOidcClaims(claims, this.config));
  }

  private scope(): string {
    const scopes = this.config.scopes.split(/\s+/).filter(Boolean);
    return (scopes.includes('openid') ? scopes : ['openid', ...scopes]).join(' ');
  }

  private nowSeconds(): number {
    return Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000);
  }

  private configuration(): Promise<oidc.Configuration> {
    this.discovered ??= this.discover().catch((failure: unknown) => {
      this.discovered = null;
      throw failure instanceof OidcLoginError ? failure : new OidcLoginError('unavailable', 'discovery');
    });
    return this.discovered;
  }

  private async discover(): Promise<oidc.Configuration> {
    const { clientId, clientSecret, issuerUrl } = this.config;
    const execute = [oidc.enableNonRepudiationChecks, ...(this.insecure ? [oidc.allowInsecureRequests] : [])];
    return oidc.discovery(
      new URL(issuerUrl),
      clientId,
      clientSecret ?? undefined,
      clientSecret === null ? oidc.None() : secretAuthentication(clientSecret),
      {
        execute,
        timeout: this.options.timeoutSeconds ?? 10,
        ...(this.options.fetch ? { [oidc.customFetch]: this.options.fetch } : {}),
      },
    );
  }
}

/**
 * client_secret_basic unless the provider says it only takes the secret in the body: the spec's
 * default, and what most providers register a confidential client with.
 */
function secretAuthentication(secret: string): oidc.ClientAuth {
  const basic = oidc.ClientSecretBasic(secret);
  const post = oidc.ClientSecretPost(secret);
  return (as, client, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported;
    const useBasic = !methods || methods.includes('client_secret_basic') || !methods.includes('client_secret_post');
    (useBasic ? basic : post)(as, client, body, headers);
  };
}

/** Constant-time comparison of a value from the request with the one we issued. */
function sameSecret(received: string | null, expected: string): boolean {
  if (received === null) return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(received), digest(expected));
}

const UNAVAILABLE_CODES = new Set([
  'OAUTH_TIMEOUT',
  'OAUTH_ABORT',
  'OAUTH_RESPONSE_IS_NOT_CONFORM',
  'OAUTH_RESPONSE_IS_NOT_JSON',
  'OAUTH_HTTP_REQUEST_FORBIDDEN',
  'OAUTH_MISSING_SERVER_METADATA',
  'OAUTH_INVALID_SERVER_METADATA',
]);

/**
 * What a validation error is about: the name of the claim, read from the library's cause chain,
 * or `signature`. Only these fixed words leave; the chain itself holds the claims.
 */
function subjectOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 3; depth += 1) {
    const claim = (e as { claim?: unknown }).claim;
    if (typeof claim === 'string' && /^[a-z_]{1,20}$/.test(claim)) return claim;
    if (e instanceof Error && /signature verification failed/i.test(e.message)) return 'signature';
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * openid-client's errors hold the parameters, the claims and the provider's descriptions; only
 * their codes go further (see OidcLoginError).
 */
function failureOf(error: unknown): unknown {
  if (error instanceof OidcLoginError || error instanceof AuthError) return error;
  // fetch rejects with a TypeError when the provider cannot be reached at all.
  if (error instanceof TypeError) return new OidcLoginError('unavailable', 'network');
  if (error instanceof oidc.ResponseBodyError) {
    if (error.status >= 500) return new OidcLoginError('unavailable', `HTTP ${error.status}`);
    return new OidcLoginError('code_refused', KNOWN_ERRORS.has(error.error) ? error.error : undefined);
  }
  if (error instanceof oidc.AuthorizationResponseError) return new OidcLoginError('provider_refused');
  if (error instanceof oidc.WWWAuthenticateChallengeError) return new OidcLoginError('code_refused', 'userinfo');
  if (error instanceof oidc.ClientError) {
    const code = typeof error.code === 'string' && /^[A-Z_]{1,60}$/.test(error.code) ? error.code : 'OAUTH_ERROR';
    if (UNAVAILABLE_CODES.has(code)) return new OidcLoginError('unavailable', code);
    const subject = subjectOf(error.cause);
    return new OidcLoginError('id_token_refused', subject ? `${code} ${subject}` : code);
  }
  return error;
}
