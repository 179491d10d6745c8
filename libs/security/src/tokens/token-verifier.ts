import type { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '#config';
import { AuthError, type AuthErrorReason } from './auth-error.js';
import { LOCAL_SIGNING_ALG, LocalSigningKey } from './local-signing-key.js';
import { principalFromClaims, type Principal } from './principal.js';
import { mapOidcClaims } from '../oidc/oidc-claim-mapper.js';

export interface VerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Phones at the gate keep poor time; a small tolerance avoids refusing a token just minted. */
  readonly clockToleranceSeconds?: number;
  /** The verifying instant; defaults to the clock. */
  readonly now?: () => Date;
  /**
   * Turns a provider's claims into ours before the principal check (OIDC_CLAIM_*, OIDC_ROLE_MAP),
   * so a person gets the same roles, unit, province and gates from a bearer token as from a
   * browser sign-in at the same provider.
   */
  readonly mapClaims?: (payload: Readonly<Record<string, unknown>>) => object;
}

export interface OidcVerifierOptions extends VerifierOptions {
  /** Asymmetric algorithms only: a shared-secret HS256 token can never pass as the provider's. */
  readonly algorithms?: readonly string[];
  readonly timeoutMs?: number;
}

const OIDC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA', 'Ed25519'] as const;
const DEFAULT_TOLERANCE_SECONDS = 30;

/**
 * Turns a bearer token into a Principal, or refuses it with an AuthError. Two sources of trust:
 * the instance's own key (embedded default) or the JWKS of an OIDC identity provider.
 */
export class TokenVerifier {
  private constructor(
    private readonly key: KeyObject | JWTVerifyGetKey,
    private readonly algorithms: readonly string[],
    private readonly options: VerifierOptions,
    readonly mode: 'local' | 'oidc',
  ) {}

  static local(key: LocalSigningKey, options: VerifierOptions): TokenVerifier {
    return new TokenVerifier(key.publicKey, [LOCAL_SIGNING_ALG], options, 'local');
  }

  /** jose caches the key set and refetches it when a token names an unknown kid (key rotation). */
  static oidc(jwksUrl: string | URL, options: OidcVerifierOptions): TokenVerifier {
    const jwks = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: options.timeoutMs ?? 5000 });
    return new TokenVerifier(jwks, options.algorithms ?? OIDC_ALGORITHMS, options, 'oidc');
  }

  /** The verifier the configuration asks for; in local mode the key is created on first start. */
  static async fromConfig(
    config: Pick<AppConfig, 'auth' | 'dataDir'> & Partial<Pick<AppConfig, 'access'>>,
  ): Promise<TokenVerifier> {
    const { auth } = config;
    const options = { issuer: auth.issuer, audience: auth.audience };
    if (auth.mode === 'oidc') {
      if (!auth.jwksUrl) throw new Error('auth mode oidc needs a JWKS URL');
      const login = config.access?.oidc ?? null;
      return TokenVerifier.oidc(auth.jwksUrl, {
        ...options,
        ...(login ? { mapClaims: (payload) => mapOidcClaims(payload, login) } : {}),
      });
    }
    return TokenVerifier.local(await LocalSigningKey.loadOrCreate(config.dataDir), options);
  }

  /** Verifies the value of an Authorization header (`Bearer <jwt>`). */
  verifyAuthorization(header: string | null | undefined): Promise<Principal> {
    if (header === null || header === undefined || header.trim() === '')
      return Promise.reject(new AuthError('missing'));
    const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(header);
    if (!match) return Promise.reject(new AuthError('malformed'));
    return this.verify(match[1]);
  }

  async verify(token: string | null | undefined): Promise<Principal> {
    if (token === null || token === undefined || token === '') throw new AuthError('missing');
    let payload: Record<string, unknown>;
    try {
      const verifyOptions = {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [...this.algorithms],
        clockTolerance: this.options.clockToleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
        ...(this.options.now ? { currentDate: this.options.now() } : {}),
      };
      const result =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, verifyOptions)
          : await jwtVerify(token, this.key, verifyOptions);
      payload = result.payload;
    } catch (error) {
      throw new AuthError(reasonFor(error, this.mode));
    }
    return principalFromClaims(this.options.mapClaims ? this.options.mapClaims(payload) : payload);
  }
}

/**
 * Maps jose's errors onto the few reasons a client is told. A time-window failure other than
 * expiry (nbf or iat in the future beyond tolerance) is a bad claim: the token is not usable yet.
 */
function reasonFor(error: unknown, mode: TokenVerifier['mode']): AuthErrorReason {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return 'bad_claims';
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  )
    return 'bad_signature';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'unavailable';
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  )
    return 'malformed';
  // What is left comes from fetching the provider's key set (refused connection, non-200
  // answer): the caller is not at fault. With the local key nothing is fetched.
  return mode === 'oidc' ? 'unavailable' : 'malformed';
}
