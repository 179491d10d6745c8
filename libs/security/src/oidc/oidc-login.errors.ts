/**
 * Why a browser sign-in through the OpenID provider did not end in a principal. Claims that the
 * provider sent but we cannot accept are refused by principalFromClaims with an AuthError
 * (`bad_claims`) instead, like the same claims in a bearer token.
 */
export type OidcLoginFailure =
  /** No sign-in was started in this browser, it expired, or its cookie was altered. */
  | 'transaction_missing'
  /** The callback's state is not the one this browser was sent off with (forged or crossed callback). */
  | 'state_mismatch'
  /** The provider answered the authorization request with an error (the user cancelled, was refused…). */
  | 'provider_refused'
  /** The token endpoint would not exchange the code (used twice, expired, wrong verifier or client). */
  | 'code_refused'
  /** The ID token failed validation: issuer, audience, nonce, lifetime or signature. */
  | 'id_token_refused'
  /** The provider could not be reached or answered with something that is not a protocol answer. */
  | 'unavailable';

const MESSAGES: Readonly<Record<OidcLoginFailure, string>> = {
  transaction_missing: 'no sign-in is in progress in this browser',
  state_mismatch: 'the sign-in answer does not belong to the sign-in started in this browser',
  provider_refused: 'the identity provider did not sign the user in',
  code_refused: 'the identity provider refused to exchange the authorization code',
  id_token_refused: 'the ID token is not acceptable',
  unavailable: 'the identity provider could not be reached',
};

/**
 * The message is fixed per reason; `detail` only ever holds a library error code and a claim
 * NAME (e.g. `OAUTH_JWT_CLAIM_COMPARISON_FAILED aud`), never a value from the request, the
 * provider's answer or a token, and no `cause` is chained: openid-client's errors carry the
 * whole claim set and the callback parameters.
 */
export class OidcLoginError extends Error {
  constructor(
    readonly reason: OidcLoginFailure,
    readonly detail?: string,
  ) {
    super(detail ? `${MESSAGES[reason]} (${detail})` : MESSAGES[reason]);
    this.name = 'OidcLoginError';
  }
}
