import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '#config';
import { KEY_STORE, type KeyStore, OIDC_CALLBACK_PATH, OidcLogin, OidcTransactionSealer } from '#security';
import { OidcLoginController } from './oidc-login.controller.js';
import { OidcTransactionCookie } from './oidc-transaction.cookie.js';

/**
 * The key that seals sign-in transactions is kept in the key store under this name: created once,
 * wrapped by the master key like every data key, and shared by every api instance, so the
 * callback may land on another instance than the one that started the sign-in. It is not a
 * person's key; shredding it only voids the sign-ins in progress (a new one is made).
 */
export const OIDC_SEALING_KEY_ID = 'blo-ledger/oidc-sign-in-transactions';

/**
 * OpenID Connect sign-in for browsers: the routes exist only when OIDC_ISSUER_URL is set, so
 * without it `/session/oidc` answers 404 like any unknown path. Opening the session itself is
 * the session module's (SESSION_STARTER).
 */
@Module({})
export class OidcLoginModule {
  static forRoot(config: AppConfig): DynamicModule {
    const oidc = config.access.oidc;
    if (oidc === null) return { module: OidcLoginModule };
    const redirectUri = `${config.access.publicUrl}${OIDC_CALLBACK_PATH}`;
    return {
      module: OidcLoginModule,
      controllers: [OidcLoginController],
      providers: [
        { provide: OidcLogin, useFactory: () => new OidcLogin(oidc, { redirectUri }) },
        {
          provide: OidcTransactionCookie,
          inject: [KEY_STORE],
          useFactory: (keys: KeyStore) =>
            new OidcTransactionCookie(
              async () => new OidcTransactionSealer((await keys.getOrCreate(OIDC_SEALING_KEY_ID)).key),
              config.access.secureCookies,
            ),
        },
      ],
    };
  }
}
