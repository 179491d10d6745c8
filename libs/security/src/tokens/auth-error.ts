/**
 * Why a request could not be authenticated. The HTTP edge answers 401 for all of them except
 * `unavailable` (the identity provider's keys could not be fetched: 503, the client is not at fault).
 */
export type AuthErrorReason = 'missing' | 'malformed' | 'expired' | 'bad_signature' | 'bad_claims' | 'unavailable';

const MESSAGES: Readonly<Record<AuthErrorReason, string>> = {
  missing: 'no bearer token was presented',
  malformed: 'the token is not a well-formed signed JWT',
  expired: 'the token has expired',
  bad_signature: 'the token signature is not valid for a trusted key',
  bad_claims: 'the token claims are not acceptable',
  unavailable: 'the signing keys of the identity provider could not be obtained',
};

/**
 * The message is fixed per reason (plus, for bad_claims, the NAME of the offending claim): it
 * never carries the token nor any claim value, since a user's name may be personal data and a
 * token in a log is a credential in a log. No `cause` is chained for the same reason: jose's
 * claim errors hold the whole payload.
 */
export class AuthError extends Error {
  constructor(
    readonly reason: AuthErrorReason,
    readonly detail?: string,
  ) {
    super(detail ? `${MESSAGES[reason]}: ${detail}` : MESSAGES[reason]);
    this.name = 'AuthError';
  }
}
