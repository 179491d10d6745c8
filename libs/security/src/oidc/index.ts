/** Browser sign-in with an OpenID provider (issue 7); bearer tokens from the same provider are in ../tokens. */
export * from './oidc-claim-mapper.js';
export * from './oidc-login.errors.js';
export * from './oidc-login.js';
export * from './oidc-transaction.js';
